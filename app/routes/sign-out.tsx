import { type ActionFunctionArgs, redirect } from "@remix-run/cloudflare";
import { getSession } from "../server/auth.server";
import { requestServices } from "../server/request.server";
import { expireSessionCookies } from "../server/sign-out.server";

/** Signing out is a POST; a visit here just goes home. */
export function loader() {
  return redirect("/");
}

/**
 * Revokes the session at Clerk, then clears its cookies here, so signing
 * out needs no script in the browser. The cookies go even if Clerk could
 * not be reached, or the session could not be read.
 */
export async function action(args: ActionFunctionArgs) {
  const { config, clerk } = requestServices(args.context);

  // An expired token makes Clerk ask for its handshake, a redirect the
  // page's form-action would block, and an unreachable Clerk fails the
  // check (which logs it). Neither names a session to revoke.
  const session = await getSession(args, config).catch(() => null);
  if (session) {
    // A failed revocation is logged by the Clerk client; the cookies still go.
    await clerk.revokeSession(session.sessionId).catch(() => {});
  }

  const headers = new Headers();
  for (const cookie of expireSessionCookies(args.request)) {
    headers.append("Set-Cookie", cookie);
  }
  return redirect("/", { headers });
}
