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

export async function getSession(
  args: Args,
  config: AppConfig,
): Promise<Session | null> {
  try {
    const auth = await getAuth(args, clerkOptions(config, args.request));
    return auth.userId && auth.sessionId
      ? { userId: auth.userId, sessionId: auth.sessionId }
      : null;
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
