import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { getSession } from "../server/auth.server";
import { refreshNowPlaying } from "../server/dashboard.server";
import { failureAsJson, requestServices } from "../server/request.server";

/**
 * The dashboard's refresh: JSON for the browser's script, one Spotify call
 * unless the item changed. `?item=` is the key of the item on screen.
 */
export function loader(args: LoaderFunctionArgs) {
  // A bad setting or an unreachable Clerk is JSON here, not a page.
  return refresh(args).catch(failureAsJson);
}

async function refresh(args: LoaderFunctionArgs) {
  const services = requestServices(args.context);
  const session = await getSession(args, services.config);
  if (!session) {
    return Response.json(
      { signedOut: true },
      { status: 401, headers: { "Cache-Control": "private, no-store" } },
    );
  }

  const knownItem = new URL(args.request.url).searchParams.get("item");
  return refreshNowPlaying(args, services, session, knownItem);
}
