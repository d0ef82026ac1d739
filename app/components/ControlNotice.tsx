import { Link } from "@remix-run/react";
import type { ControlResult } from "../lib/controls";

type Failed = Extract<ControlResult, { ok: false }>;

/** Why the last play, pause, skip or seek did not happen. */
export function ControlNotice({ result }: { result: Failed }) {
  return (
    <div className="notice" role="alert">
      <NoticeText result={result} />
    </div>
  );
}

function NoticeText({ result }: { result: Failed }) {
  switch (result.problem) {
    case "premium-required":
      return (
        <p>
          Controlling playback needs Spotify Premium. Spotify refused because
          this account is on the free plan; what is playing still shows here.
        </p>
      );
    case "no-active-device":
      return (
        <p>
          No Spotify device is active. Start playing in a Spotify app on your
          phone or computer, then try again.
        </p>
      );
    case "missing-scope":
      return (
        <p>
          This app does not have permission to control playback.{" "}
          <Link to="/account">Reconnect Spotify</Link> and approve it.
        </p>
      );
    case "token-rejected":
      return (
        <p>
          Spotify no longer accepts this app's access to your account.{" "}
          <Link to="/account">Reconnect Spotify</Link>.
        </p>
      );
    case "rate-limited":
      return (
        <p>
          Spotify asked this app to slow down.{" "}
          {result.retryAfterSeconds !== null
            ? `Try again in ${result.retryAfterSeconds} seconds.`
            : "Try again in a minute."}
        </p>
      );
    case "not-allowed":
      return <p>Spotify did not allow that right now.</p>;
    case "unavailable":
      return <p>Spotify did not answer. Try again in a moment.</p>;
    case "bad-request":
      return <p>That command was not understood.</p>;
  }
}
