import { UserProfile } from "@clerk/remix";
import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import { ClerkWidget } from "../components/ClerkWidget";
import { RouteErrorScreen } from "../components/RouteErrorScreen";
import { SPOTIFY_SCOPES } from "../lib/spotify-scopes";
import { requireSession } from "../server/auth.server";
import { requireConfig } from "../server/request.server";

export async function loader(args: LoaderFunctionArgs) {
  await requireSession(args, requireConfig(args.context));
  return null;
}

/** Clerk's profile page, which connects Spotify with the scopes we need. */
export default function AccountPage() {
  return (
    <ClerkWidget title="Account">
      <UserProfile
        routing="path"
        path="/account"
        additionalOAuthScopes={{ spotify: SPOTIFY_SCOPES }}
      />
    </ClerkWidget>
  );
}

export function ErrorBoundary() {
  return <RouteErrorScreen />;
}
