import { Link } from "@remix-run/react";
import { DEFAULT_RETRY_AFTER_SECONDS, type Failure } from "../lib/failures";
import { AllowlistScreen } from "./AllowlistScreen";
import { FailureLayout } from "./FailureLayout";
import { SignOutButton } from "./SignOutButton";

const reconnect = (
  <>
    <Link className="button button-primary" to="/account">
      Reconnect Spotify
    </Link>
    <SignOutButton />
  </>
);

const tryAgain = (
  <Link className="button button-primary" to="." reloadDocument>
    Try again
  </Link>
);

export function FailureScreen({ failure }: { failure: Failure }) {
  switch (failure.kind) {
    case "not-allowlisted":
      return <AllowlistScreen account={failure.account} />;

    case "owner-premium-lapsed":
      return (
        <FailureLayout title="Spotify has paused this app">
          <p className="lead">
            Spotify requires the owner of an app in development mode to keep an
            active Premium subscription. The owner's Premium has lapsed, so
            Spotify refuses every request from this app, for every user.
          </p>
          <p>
            Nothing is wrong with your account. If you run this app, renew
            Premium on the Spotify account that owns it in the Spotify Developer
            Dashboard; the app works again once Spotify sees the subscription.
          </p>
        </FailureLayout>
      );

    case "missing-scope":
      return (
        <FailureLayout
          title="Spotify needs your permission again"
          actions={reconnect}
        >
          <p className="lead">
            Your Spotify connection does not include permission to read what you
            are playing. Reconnect Spotify and approve the permissions it asks
            for.
          </p>
        </FailureLayout>
      );

    case "forbidden":
      return (
        <FailureLayout
          title="Spotify refused to share your playback"
          actions={<SignOutButton className="button button-primary" />}
        >
          <p className="lead">
            Spotify answered "forbidden" without saying why. Spotify limits what
            apps in development mode may read, and sometimes refuses requests
            this way.
          </p>
          <p>
            Try again later. If it keeps happening, whoever runs this app should
            check it in the Spotify Developer Dashboard.
          </p>
        </FailureLayout>
      );

    case "spotify-not-connected":
      return (
        <FailureLayout
          title="Connect your Spotify account"
          actions={
            <>
              <Link className="button button-primary" to="/account">
                Connect Spotify
              </Link>
              <SignOutButton />
            </>
          }
        >
          <p className="lead">
            You are signed in, but your account has no working connection to
            Spotify, so there is nothing to show yet.
          </p>
          <p>
            This happens when you signed up another way, or when Spotify stopped
            renewing the connection. Connect Spotify from your account page and
            come back.
          </p>
        </FailureLayout>
      );

    case "token-rejected":
      return (
        <FailureLayout title="Reconnect Spotify" actions={reconnect}>
          <p className="lead">
            Spotify no longer accepts this app's access to your account, even
            with a fresh token.
          </p>
          <p>
            This happens when you remove the app in your Spotify account
            settings, or when the connection expires: Spotify ends them six
            months after you first allowed the app.
          </p>
        </FailureLayout>
      );

    case "rate-limited": {
      const wait = `Try again in ${waitInWords(
        failure.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
      )}.`;
      return failure.upstream === "clerk" ? (
        <FailureLayout
          title="Clerk asked this app to slow down"
          actions={tryAgain}
        >
          <p className="lead">
            Clerk, the sign-in service that holds your Spotify connection,
            received too many requests from this app in a short time. {wait}
          </p>
        </FailureLayout>
      ) : (
        <FailureLayout
          title="Spotify asked this app to slow down"
          actions={tryAgain}
        >
          <p className="lead">
            Too many requests reached Spotify from this app in a short time.{" "}
            {wait}
          </p>
        </FailureLayout>
      );
    }

    case "clerk-key-rejected":
      return (
        <FailureLayout title="This app's Clerk secret key was refused">
          <p className="lead">
            Clerk rejected the secret key this app uses, so it cannot read
            Spotify connections.
          </p>
          <p>
            If you run this app, copy the secret key from the Clerk Dashboard
            (API keys) and set it again with{" "}
            <code>wrangler secret put CLERK_SECRET_KEY</code>, or in{" "}
            <code>.dev.vars</code> when running locally.
          </p>
        </FailureLayout>
      );

    case "clerk-unavailable":
      return (
        <FailureLayout title="Sign-in is unavailable" actions={tryAgain}>
          <p className="lead">
            Clerk, the service that handles sign-in for this app, did not
            answer. Try again in a moment.
          </p>
        </FailureLayout>
      );

    case "config":
      return (
        <FailureLayout title="This app is not configured yet">
          <p className="lead">
            The setting <code>{failure.variable}</code> is missing or invalid.
          </p>
          <p>
            If you run this app, set it in <code>.dev.vars</code> for local
            development, or for a deployment in <code>wrangler.toml</code>{" "}
            (public values) or with <code>wrangler secret put</code> (secrets).
            The README lists every setting.
          </p>
        </FailureLayout>
      );
  }
}

/** Minutes are rounded up; a wait of hours only needs its size. */
function waitInWords(seconds: number) {
  if (seconds < 60) return count(seconds, "second");
  if (seconds < 3600) return count(Math.ceil(seconds / 60), "minute");
  return `about ${count(Math.round(seconds / 3600), "hour")}`;
}

function count(amount: number, unit: string) {
  return amount === 1 ? `1 ${unit}` : `${amount} ${unit}s`;
}
