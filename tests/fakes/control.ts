import type { KeyObject } from "node:crypto";
import { type CannedReply, clerkJson, noContent } from "./answers.ts";
import {
  type NewUserRequest,
  type Parsed,
  parseClockAdvance,
  parseJsonObject,
  parseNewUser,
  parseScenarioChange,
  parseSessionRequest,
  type SessionRequest,
} from "./control-input.ts";
import { type FakeRequest, matchPath } from "./http.ts";
import { listScenarios } from "./scenarios.ts";
import {
  DEFAULT_SESSION_SECONDS,
  mintSessionVariant,
  nowInSeconds,
  type SessionVariant,
  type SigningKeys,
} from "./session.ts";
import {
  addUser,
  ConflictError,
  type FakeUser,
  openSession,
  switchScenarios,
  type World,
} from "./world.ts";

export interface ControlContext {
  world: World;
  service: "clerk" | "spotify";
  keys: SigningKeys;
  /** "https://" + the frontend API host. */
  issuer: string;
  defaultAzp: string;
  /** One spare key pair for forged tokens, made on first use. */
  forgerKey: () => KeyObject;
}

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
};

const answer = (status: number, value: unknown) =>
  clerkJson(status, value, CORS);

const problem = (status: number, message: string) =>
  answer(status, { error: message });

export interface SignIn {
  azp?: string;
  lifetimeSeconds?: number;
  variant: SessionVariant;
  issuedAt?: number;
  expiresAt?: number;
}

/** Opens a Clerk session for the user and mints the browser's cookies. */
export function signIn(
  context: ControlContext,
  user: FakeUser,
  wanted: SignIn,
) {
  const lifetime = wanted.lifetimeSeconds ?? DEFAULT_SESSION_SECONDS;
  const session = openSession(context.world, user.id, lifetime * 1000);
  const issuedAt = wanted.issuedAt ?? nowInSeconds();
  const browser = mintSessionVariant({
    variant: wanted.variant,
    keys: context.keys,
    userId: user.id,
    sessionId: session.id,
    issuer: context.issuer,
    azp: wanted.azp ?? user.azp ?? context.defaultAzp,
    issuedAt,
    expiresAt: wanted.expiresAt ?? issuedAt + lifetime,
    ...(wanted.variant === "forged" ? { forgerKey: context.forgerKey() } : {}),
  });
  return {
    userId: user.id,
    sessionId: session.id,
    sessionToken: browser.cookies.__session,
    ...browser,
  };
}

function createUser(context: ControlContext, input: NewUserRequest) {
  const user = addUser(context.world, input);
  const signedIn = signIn(context, user, {
    azp: input.azp,
    lifetimeSeconds: input.sessionExpiresInSeconds,
    variant: "valid",
  });
  const { account } = user;
  return answer(201, {
    ...signedIn,
    clerk: user.clerkScenario,
    spotify: user.spotifyScenario,
    account: {
      spotifyUserId: account.spotifyUserId,
      email: account.email,
      username: account.username,
      displayName: account.displayName,
    },
  });
}

function variantOf(request: SessionRequest): SessionVariant {
  if (request.expired) return "expired";
  if (request.forged) return "forged";
  return request.withoutClientUat ? "missing-client-uat" : "valid";
}

function userSummary(world: World, user: FakeUser) {
  const playing = user.playback.nowPlaying();
  return {
    userId: user.id,
    clerk: user.clerkScenario,
    spotify: user.spotifyScenario,
    account: user.account,
    tokens: user.tokens.map(({ value, generation, expired, expiresAt }) => ({
      value,
      generation,
      expired,
      expiresAt,
    })),
    sessions: [...world.sessions.values()]
      .filter((session) => session.userId === user.id)
      .map(({ id, status }) => ({ id, status })),
    nowPlaying: playing && {
      name: playing.entry.item.name,
      type: playing.entry.item.type,
      progressMs: playing.progressMs,
      isPlaying: playing.isPlaying,
    },
  };
}

function withBody<T>(
  request: FakeRequest,
  parse: (record: Record<string, unknown>) => Parsed<T>,
  act: (value: T) => CannedReply,
): CannedReply {
  const body = parseJsonObject(request.body);
  if (!body.ok) return problem(400, body.problem);
  const parsed = parse(body.value);
  if (!parsed.ok) return problem(400, parsed.problem);
  try {
    return act(parsed.value);
  } catch (error) {
    if (error instanceof ConflictError) return problem(409, error.message);
    throw error;
  }
}

function userRoutes(
  request: FakeRequest,
  context: ControlContext,
): CannedReply | null {
  const { world } = context;
  const scenario = matchPath("/__fake/users/:id/scenario", request.path);
  const calls = matchPath("/__fake/users/:id/calls", request.path);
  const summary = matchPath("/__fake/users/:id", request.path);
  const id = scenario?.id ?? calls?.id ?? summary?.id;
  if (id === undefined) return null;
  const user = world.users.get(id);
  if (!user) return problem(404, `no fake user ${id}`);
  const resource = scenario ? "scenario" : calls ? "calls" : "user";
  const route = `${request.method} ${resource}`;
  switch (route) {
    case "PUT scenario":
      return withBody(request, parseScenarioChange, (change) => {
        switchScenarios(world, user, change);
        return answer(200, userSummary(world, user));
      });
    case "GET calls":
      return answer(200, { calls: user.calls });
    case "DELETE calls":
      user.calls.length = 0;
      return { ...noContent(), headers: CORS };
    case "GET user":
      return answer(200, userSummary(world, user));
    default:
      return problem(
        405,
        `${request.method} is not allowed on ${request.path}`,
      );
  }
}

/** `/__fake/...`: JSON in and out, so tests anywhere can drive the fakes. */
export function handleControlRequest(
  request: FakeRequest,
  context: ControlContext,
): CannedReply {
  const { world } = context;
  const route = `${request.method} ${request.path}`;
  switch (route) {
    case "GET /__fake/health":
      return answer(200, { service: context.service, ok: true });
    case "GET /__fake/scenarios":
      return answer(200, listScenarios());
    case "POST /__fake/users":
      return withBody(request, parseNewUser, (input) =>
        createUser(context, input),
      );
    case "POST /__fake/sessions":
      return withBody(request, parseSessionRequest, (wanted) => {
        const user = world.users.get(wanted.userId);
        if (!user) return problem(404, `no fake user ${wanted.userId}`);
        return answer(
          201,
          signIn(context, user, { ...wanted, variant: variantOf(wanted) }),
        );
      });
    case "GET /__fake/clock":
      return answer(200, { now: world.now() });
    case "POST /__fake/clock":
      return withBody(request, parseClockAdvance, (advanceMs) => {
        world.clockOffsetMs += advanceMs;
        return answer(200, { now: world.now() });
      });
  }
  if (request.method === "OPTIONS") return { ...noContent(), headers: CORS };
  return (
    userRoutes(request, context) ?? problem(404, `no control route ${route}`)
  );
}
