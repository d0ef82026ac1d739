import { getAuth } from "@clerk/remix/ssr.server";
import {
  type AppLoadContext,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/cloudflare";
import { CLERK_TIMEOUT_MS } from "./clerk-api.server";
import type { AppConfig } from "./config.server";
import { createLogger } from "./log.server";
import { fail } from "./request.server";

type Args = Pick<LoaderFunctionArgs, "request" | "context" | "params">;

/** Options for every Clerk session check, so all of them agree. */
export function clerkOptions(config: AppConfig, request: Request) {
  const { clerk } = config;
  return {
    publishableKey: clerk.publishableKey,
    secretKey: clerk.secretKey,
    jwtKey: clerk.jwtKey,
    signInUrl: clerk.signInUrl,
    signUpUrl: clerk.signUpUrl,
    // Sessions minted for another origin are refused (Clerk's CSRF guard).
    authorizedParties: config.appOrigins ?? [new URL(request.url).origin],
  };
}

export type Session = { userId: string; sessionId: string };

type Auth = {
  userId: string | null;
  sessionId: string | null;
  debug?: () => Record<string, unknown>;
};

const sessionOf = (auth: Auth): Session | null =>
  auth.userId && auth.sessionId
    ? { userId: auth.userId, sessionId: auth.sessionId }
    : null;

/*
 * A check that could not fetch Clerk's keys (without CLERK_JWT_KEY they
 * come from the Backend API) reads as signed out; only Clerk's reason,
 * which its debug data carries, tells it apart. A failed fetch is an
 * "unexpected error" to Clerk, an error status a failed load.
 */
const UNREACHABLE_KEYS: Record<string, string> = {
  "unexpected-error": "network",
  "jwk-remote-failed-to-load": "status",
};

function unreachableKeys(auth: Auth) {
  if (auth.userId) return null;
  const reason = auth.debug?.().reason;
  return typeof reason === "string" ? (UNREACHABLE_KEYS[reason] ?? null) : null;
}

/** Not signed out: nobody could tell, so the page says Clerk is down. */
class KeysUnreachable extends Error {
  constructor() {
    super("Clerk's keys could not be fetched");
    this.name = "KeysUnreachable";
  }
}

/**
 * Without CLERK_JWT_KEY, Clerk's SDK fetches the instance's keys on a
 * session check, with no deadline of its own. A check gets as long as any
 * other call to Clerk; past that the page says sign-in is unavailable.
 */
export function withinDeadline<T>(check: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimedOut()), CLERK_TIMEOUT_MS);
  });
  return Promise.race([check, deadline]).finally(() => clearTimeout(timer));
}

class CheckTimedOut extends Error {
  constructor() {
    super(`Clerk's session check took over ${CLERK_TIMEOUT_MS} ms`);
    this.name = "CheckTimedOut";
  }
}

const causeOf = (error: unknown) =>
  error instanceof CheckTimedOut ? "timeout" : "unexpected";

/** One log line for a session check that could not ask Clerk. */
function logSessionUnavailable(
  context: AppLoadContext,
  cause: string,
  startedAt: number,
) {
  createLogger(context.requestId).upstreamFailure({
    upstream: "clerk",
    operation: "session",
    kind: "unavailable",
    cause,
    status: null,
    durationMs: Date.now() - startedAt,
  });
}

/*
 * The root loader and the route's loader run side by side on every page,
 * and each would verify the session token on its own. The root loader's
 * check is shared with the route through the load context, the one object
 * Remix hands to every loader of a request (each gets its own copy of the
 * Request): half the token verifications per page.
 */
const sessionChecks = new WeakMap<AppLoadContext, Promise<Session | null>>();

/**
 * Called by the root loader before it runs `rootAuthLoader`: `callback`
 * is its callback, which receives the verified session, and `failed` takes
 * whatever the check threw, so the route's loader fails the same way.
 * Once the session is shared, `failed` changes nothing. `unavailable`
 * logs a check that threw anything but Clerk's handshake redirect, or ran
 * out of time.
 */
export function shareSession(context: AppLoadContext) {
  const startedAt = Date.now();
  let share: (session: Session | null) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const check = new Promise<Session | null>((resolve, reject) => {
    share = resolve;
    failed = reject;
  });
  // The root's own failure screen already speaks for a failed check.
  check.catch(() => {});
  sessionChecks.set(context, check);

  const callback = (args: { request: { auth: Auth } }) => {
    const cause = unreachableKeys(args.request.auth);
    if (cause) {
      logSessionUnavailable(context, cause, startedAt);
      failed(new KeysUnreachable());
    }
    share(sessionOf(args.request.auth));
    return {};
  };
  const unavailable = (error: unknown) =>
    logSessionUnavailable(context, causeOf(error), startedAt);
  return { callback, failed, unavailable };
}

export async function getSession(
  args: Args,
  config: AppConfig,
): Promise<Session | null> {
  const shared = sessionChecks.get(args.context);
  const startedAt = Date.now();
  try {
    return await (shared ?? checkSession(args, config));
  } catch (error) {
    // Clerk throws a redirect to its handshake; anything else means Clerk
    // could not be asked. Unreachable keys are logged where they are seen,
    // and the root loader logs a shared check that threw.
    if (error instanceof Response) throw error;
    if (!shared && !(error instanceof KeysUnreachable)) {
      logSessionUnavailable(args.context, causeOf(error), startedAt);
    }
    return fail({ kind: "clerk-unavailable" });
  }
}

/** The route's own check, when no root loader shares one. */
async function checkSession(args: Args, config: AppConfig) {
  const startedAt = Date.now();
  const auth = await withinDeadline(
    getAuth(args, clerkOptions(config, args.request)),
  );
  const cause = unreachableKeys(auth);
  if (!cause) return sessionOf(auth);
  logSessionUnavailable(args.context, cause, startedAt);
  throw new KeysUnreachable();
}

/** The signed-in user, or a redirect to sign-in that comes back here. */
export async function requireSession(args: Args, config: AppConfig) {
  const session = await getSession(args, config);
  if (!session) throw redirect(signInUrl(config, args.request.url));
  return session;
}

export function signInUrl(config: AppConfig, returnTo: string) {
  const here = new URL(returnTo);
  const target = new URL(config.clerk.signInUrl, here);
  const sameOrigin = target.origin === here.origin;
  target.searchParams.set(
    "redirect_url",
    sameOrigin ? `${here.pathname}${here.search}` : here.href,
  );
  return sameOrigin ? `${target.pathname}${target.search}` : target.href;
}
