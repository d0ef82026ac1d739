import { getAuth } from "@clerk/remix/ssr.server";
import { type LoaderFunctionArgs, redirect } from "@remix-run/cloudflare";
import type { AppConfig } from "./config.server";
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

type Auth = { userId: string | null; sessionId: string | null };

const sessionOf = (auth: Auth): Session | null =>
  auth.userId && auth.sessionId
    ? { userId: auth.userId, sessionId: auth.sessionId }
    : null;

/*
 * The root loader and the route's loader run side by side on every page,
 * and each would verify the session token on its own. The root loader's
 * check is shared with the route through the request, which Remix hands to
 * both: half the token verifications per page.
 */
const sessionChecks = new WeakMap<Request, Promise<Session | null>>();

/**
 * Called by the root loader before it runs `rootAuthLoader`: `callback`
 * is its callback, which receives the verified session, and `failed` takes
 * whatever the check threw, so the route's loader fails the same way.
 * Once the session is shared, `failed` changes nothing.
 */
export function shareSession(request: Request) {
  let share: (session: Session | null) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const check = new Promise<Session | null>((resolve, reject) => {
    share = resolve;
    failed = reject;
  });
  // The root's own failure screen already speaks for a failed check.
  check.catch(() => {});
  sessionChecks.set(request, check);

  const callback = (args: { request: { auth: Auth } }) => {
    share(sessionOf(args.request.auth));
    return {};
  };
  return { callback, failed };
}

export async function getSession(
  args: Args,
  config: AppConfig,
): Promise<Session | null> {
  try {
    const shared = sessionChecks.get(args.request);
    if (shared) return await shared;
    const auth = await getAuth(args, clerkOptions(config, args.request));
    return sessionOf(auth);
  } catch (error) {
    // Clerk throws a redirect to its handshake; anything else means Clerk
    // could not be asked (its keys, without CLERK_JWT_KEY, are fetched).
    if (error instanceof Response) throw error;
    return fail({ kind: "clerk-unavailable" });
  }
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
