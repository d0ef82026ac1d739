import { clerkId, randomId, stableId } from "./ids.ts";
import { personaFor } from "./personas.ts";
import { createPlayback, type Playback } from "./playback.ts";
import type { QuotaMode } from "./presentation.ts";
import {
  type ClerkScenarioName,
  type EndpointGroup,
  type SpotifyScenarioName,
  spotifyScenarios,
} from "./scenarios.ts";
import type { DeviceObject } from "./spotify-objects.ts";

export const ACCESS_TOKEN_LIFETIME_MS = 3_600_000;
const CALL_LOG_LIMIT = 10_000;

export const DEFAULT_SCOPES = [
  "user-read-email",
  "user-read-private",
  "user-read-playback-state",
  "user-read-currently-playing",
  "user-read-recently-played",
  "user-modify-playback-state",
];

export interface SpotifyAccount {
  externalAccountId: string;
  identificationId: string;
  spotifyUserId: string;
  accountId: string;
  email: string;
  username: string;
  displayName: string;
  imageUrl: string | null;
  scopes: string[];
}

export interface AccessToken {
  value: string;
  userId: string;
  generation: number;
  issuedAt: number;
  expiresAt: number;
  /** Spotify rejected it as expired, so Clerk refreshes it on the next read. */
  expired: boolean;
}

export interface CallRecord {
  service: "clerk" | "spotify";
  method: string;
  path: string;
  query: Record<string, string>;
  /** null when the fake never answered (a hang the client gave up on). */
  status: number | null;
  startedAt: number;
  durationMs: number;
}

export interface FakeUser {
  id: string;
  createdAt: number;
  account: SpotifyAccount;
  clerkScenario: ClerkScenarioName;
  spotifyScenario: SpotifyScenarioName;
  device: DeviceObject;
  playback: Playback;
  tokens: AccessToken[];
  tokenSeed: string | null;
  /** The app origin this user's session tokens name as `azp`, if chosen. */
  azp: string | null;
  /** Added to every Clerk and Spotify answer about this user. */
  latencyMs: number;
  calls: CallRecord[];
  /** Groups whose first-call failure is spent, since the scenario was set. */
  spotifyFirstCallsFailed: Set<EndpointGroup>;
  /** Clerk's first-request failure is spent, since the scenario was set. */
  clerkFirstRequestFailed: boolean;
}

export interface ClerkSession {
  id: string;
  userId: string;
  clientId: string;
  status: "active" | "revoked";
  createdAt: number;
  updatedAt: number;
  expireAt: number;
  abandonAt: number;
}

export interface World {
  /** The clock behind playback, token expiry and call logs. */
  readonly now: () => number;
  clockOffsetMs: number;
  quotaMode: QuotaMode;
  users: Map<string, FakeUser>;
  tokens: Map<string, AccessToken>;
  sessions: Map<string, ClerkSession>;
}

export interface WorldOptions {
  now?: () => number;
  quotaMode?: QuotaMode;
}

export class ConflictError extends Error {}

export function createWorld(options: WorldOptions = {}): World {
  const clock = options.now ?? Date.now;
  const world: World = {
    now: () => clock() + world.clockOffsetMs,
    clockOffsetMs: 0,
    quotaMode: options.quotaMode ?? "development",
    users: new Map(),
    tokens: new Map(),
    sessions: new Map(),
  };
  return world;
}

export interface NewUser {
  userId?: string;
  clerk?: ClerkScenarioName;
  spotify?: SpotifyScenarioName;
  /** The first access token Clerk hands out, e.g. a sentinel for leak tests. */
  token?: string;
  azp?: string;
  latencyMs?: number;
  account?: Partial<
    Omit<SpotifyAccount, "externalAccountId" | "identificationId">
  >;
}

export function addUser(world: World, input: NewUser = {}): FakeUser {
  const id = input.userId ?? clerkId("user");
  if (world.users.has(id)) throw new ConflictError(`user ${id} exists`);
  if (input.token !== undefined && world.tokens.has(input.token)) {
    throw new ConflictError("that access token is already in use");
  }
  const persona = personaFor(world.users.size);
  const wanted = input.account ?? {};
  const spotifyScenario = input.spotify ?? "track";
  const user: FakeUser = {
    id,
    createdAt: world.now(),
    account: {
      externalAccountId: clerkId("eac"),
      identificationId: clerkId("idn"),
      spotifyUserId:
        wanted.spotifyUserId ??
        stableId(`spotify-user:${id}`, 25).toLowerCase(),
      accountId: wanted.accountId ?? stableId(`spotify-account:${id}`, 32),
      email: wanted.email ?? persona.email,
      username: wanted.username ?? persona.username,
      displayName: wanted.displayName ?? persona.displayName,
      imageUrl:
        wanted.imageUrl === undefined ? persona.imageUrl : wanted.imageUrl,
      scopes: wanted.scopes ?? DEFAULT_SCOPES,
    },
    clerkScenario: input.clerk ?? "connected",
    spotifyScenario,
    device: persona.device,
    playback: createPlayback({
      now: world.now,
      setup: spotifyScenarios[spotifyScenario].playback,
      device: persona.device,
    }),
    tokens: [],
    tokenSeed: input.token ?? null,
    azp: input.azp ?? null,
    latencyMs: input.latencyMs ?? 0,
    calls: [],
    spotifyFirstCallsFailed: new Set(),
    clerkFirstRequestFailed: false,
  };
  world.users.set(id, user);
  return user;
}

function tokenValue(user: FakeUser, generation: number): string {
  if (user.tokenSeed === null) return `fake-spotify-token-${randomId(32)}`;
  return generation === 1 ? user.tokenSeed : `${user.tokenSeed}-${generation}`;
}

/**
 * Clerk's view: the latest token while it is good, otherwise a refreshed one.
 * A given sentinel stays a substring of every later token.
 */
export function currentAccessToken(world: World, user: FakeUser): AccessToken {
  const latest = user.tokens.at(-1);
  if (latest && !latest.expired && latest.expiresAt > world.now()) {
    return latest;
  }
  const generation = user.tokens.length + 1;
  const token: AccessToken = {
    value: tokenValue(user, generation),
    userId: user.id,
    generation,
    issuedAt: world.now(),
    expiresAt: world.now() + ACCESS_TOKEN_LIFETIME_MS,
    expired: false,
  };
  user.tokens.push(token);
  world.tokens.set(token.value, token);
  return token;
}

export function tokenOwner(
  world: World,
  value: string,
): { user: FakeUser; token: AccessToken } | null {
  const token = world.tokens.get(value);
  const user = token && world.users.get(token.userId);
  return token && user ? { user, token } : null;
}

export interface ScenarioChange {
  clerk?: ClerkScenarioName;
  spotify?: SpotifyScenarioName;
  /** Starts the Spotify scenario's playback over, at its first item. */
  restart?: boolean;
}

/**
 * Keeps the running playback when the new scenario plays the same thing,
 * unless the change asks for a restart. Setting a scenario rearms its
 * first-call failures, so a switcher can show them again. A new Clerk
 * scenario also ends the tokens handed out before, as if the user had
 * removed the app's access in Spotify, so an app that keeps tokens meets the
 * new scenario at its next call.
 */
export function switchScenarios(
  world: World,
  user: FakeUser,
  change: ScenarioChange,
): void {
  if (change.clerk) {
    user.clerkScenario = change.clerk;
    user.clerkFirstRequestFailed = false;
    for (const token of user.tokens) token.expired = true;
  }
  if (!change.spotify) return;
  user.spotifyScenario = change.spotify;
  user.spotifyFirstCallsFailed.clear();
  const setup = spotifyScenarios[change.spotify].playback;
  const running = user.playback.setup;
  if (
    change.restart ||
    setup.start !== running.start ||
    setup.prefilledHistory !== running.prefilledHistory ||
    setup.deviceName !== running.deviceName ||
    setup.deviceVolume !== running.deviceVolume
  ) {
    user.playback = createPlayback({
      now: world.now,
      setup,
      device: user.device,
    });
    return;
  }
  user.playback.interrupt(setup.interruption);
  const isPlaying = user.playback.nowPlaying()?.isPlaying;
  if (isPlaying === undefined || isPlaying === setup.playing) return;
  if (setup.playing) user.playback.play();
  else user.playback.pause();
}

/** True once per group: the call that gets a first-call-only failure. */
export function takeSpotifyFirstCall(
  user: FakeUser,
  group: EndpointGroup,
): boolean {
  if (user.spotifyFirstCallsFailed.has(group)) return false;
  user.spotifyFirstCallsFailed.add(group);
  return true;
}

/** True once: the Clerk request that gets a first-request-only failure. */
export function takeClerkFirstRequest(user: FakeUser): boolean {
  if (user.clerkFirstRequestFailed) return false;
  user.clerkFirstRequestFailed = true;
  return true;
}

export function openSession(
  world: World,
  userId: string,
  lifetimeMs: number,
): ClerkSession {
  const createdAt = world.now();
  const session: ClerkSession = {
    id: clerkId("sess"),
    userId,
    clientId: clerkId("client"),
    status: "active",
    createdAt,
    updatedAt: createdAt,
    expireAt: createdAt + lifetimeMs,
    abandonAt: createdAt + 30 * 86_400_000,
  };
  world.sessions.set(session.id, session);
  return session;
}

export function revokeSession(
  world: World,
  sessionId: string,
): ClerkSession | null {
  const session = world.sessions.get(sessionId);
  if (!session) return null;
  session.status = "revoked";
  session.updatedAt = world.now();
  return session;
}

export function recordCall(
  world: World,
  userId: string,
  call: CallRecord,
): void {
  const calls = world.users.get(userId)?.calls;
  if (!calls) return;
  calls.push(call);
  if (calls.length > CALL_LOG_LIMIT) calls.shift();
}
