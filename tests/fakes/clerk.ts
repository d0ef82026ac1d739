import { type ApiResult, clerkJson, type FakeAnswer, hang } from "./answers.ts";
import {
  clerkUserJson,
  oauthAccessTokenJson,
  sessionJson,
  staleAccessTokenJson,
} from "./clerk-objects.ts";
import {
  type ClerkErrorDetail,
  type ClerkScenario,
  clerkScenarios,
} from "./clerk-scenarios.ts";
import { bearerToken, type FakeRequest, matchPath } from "./http.ts";
import { randomId } from "./ids.ts";
import type { SigningKeys } from "./session.ts";
import {
  currentAccessToken,
  type FakeUser,
  revokeSession,
  takeClerkFirstRequest,
  type World,
} from "./world.ts";

export interface ClerkContext {
  world: World;
  secretKey: string;
  keys: SigningKeys;
}

function clerkError(
  status: number,
  error: ClerkErrorDetail,
  headers: Record<string, string> = {},
): FakeAnswer {
  const body = {
    errors: [{ ...error, meta: {} }],
    clerk_trace_id: randomId(32).toLowerCase(),
  };
  return clerkJson(status, body, headers);
}

const notFound = (what: string) =>
  clerkError(404, {
    message: "not found",
    long_message: `No ${what} was found with that id.`,
    code: "resource_not_found",
  });

/** The answer the user's Clerk scenario forces on this endpoint, if any. */
function forcedAnswer(
  user: FakeUser,
  tokenEndpoint: boolean,
): FakeAnswer | null {
  const { failure }: ClerkScenario = clerkScenarios[user.clerkScenario];
  if (!failure) return null;
  if (failure.endpoints === "oauth-token" && !tokenEndpoint) return null;
  if (failure.firstRequestOnly && !takeClerkFirstRequest(user)) return null;
  const { answer } = failure;
  if (answer.kind === "hang") return hang;
  return clerkError(answer.status, answer.error, answer.headers);
}

function oauthTokens(
  request: FakeRequest,
  world: World,
  user: FakeUser,
  provider: string,
): FakeAnswer {
  const scenario: ClerkScenario = clerkScenarios[user.clerkScenario];
  const connected = provider === "oauth_spotify" && scenario.spotifyConnected;
  const working = connected
    ? [oauthAccessTokenJson(user, currentAccessToken(world, user))]
    : [];
  const data =
    connected && scenario.tokenList === "null-token-first"
      ? [staleAccessTokenJson(user), ...working]
      : working;
  const paginated =
    request.query.get("paginated") === "true" &&
    scenario.tokenList !== "bare-array";
  return clerkJson(200, paginated ? { data, total_count: data.length } : data);
}

function userRoute(request: FakeRequest, world: World): ApiResult | null {
  const tokens = matchPath(
    "/v1/users/:userId/oauth_access_tokens/:provider",
    request.path,
  );
  const profile = matchPath("/v1/users/:userId", request.path);
  const userId = tokens?.userId ?? profile?.userId;
  if (request.method !== "GET" || userId === undefined) return null;
  const user = world.users.get(userId);
  if (!user) return { answer: notFound("user"), userId: null };
  const forced = forcedAnswer(user, tokens !== null);
  if (forced) return { answer: forced, userId };
  const spotifyConnected = clerkScenarios[user.clerkScenario].spotifyConnected;
  const answer = tokens
    ? oauthTokens(request, world, user, tokens.provider ?? "")
    : clerkJson(200, clerkUserJson(user, spotifyConnected));
  return { answer, userId };
}

function sessionRoute(request: FakeRequest, world: World): ApiResult | null {
  const revoke = matchPath("/v1/sessions/:sessionId/revoke", request.path);
  const read = matchPath("/v1/sessions/:sessionId", request.path);
  const wanted =
    (request.method === "POST" && revoke) || (request.method === "GET" && read);
  if (!wanted) return null;
  const session = world.sessions.get(wanted.sessionId ?? "");
  const user = session && world.users.get(session.userId);
  if (!session || !user) return { answer: notFound("session"), userId: null };
  const forced = forcedAnswer(user, false);
  if (forced) return { answer: forced, userId: user.id };
  if (revoke) revokeSession(world, session.id);
  return { answer: clerkJson(200, sessionJson(session)), userId: user.id };
}

/** The slice of Clerk's Backend API that the app and @clerk/backend use. */
export function handleClerkRequest(
  request: FakeRequest,
  context: ClerkContext,
): ApiResult {
  const { world } = context;
  if (bearerToken(request) !== context.secretKey) {
    const answer = clerkError(401, {
      message: "Invalid authentication",
      long_message:
        "The request needs a valid secret key in the Authorization header.",
      code: "authentication_invalid",
    });
    return { answer, userId: null };
  }
  if (request.method === "GET" && request.path === "/v1/jwks") {
    return {
      answer: clerkJson(200, { keys: [context.keys.jwk] }),
      userId: null,
    };
  }
  return (
    userRoute(request, world) ??
    sessionRoute(request, world) ?? {
      answer: notFound("resource"),
      userId: null,
    }
  );
}
