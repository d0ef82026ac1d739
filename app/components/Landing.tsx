import { AppShell } from "./AppShell";

/** What a signed-out visitor sees: what this is, and one way in. */
export function Landing({ signInUrl }: { signInUrl: string }) {
  return (
    <AppShell>
      <section className="landing" aria-labelledby="landing-title">
        <h1 id="landing-title" className="landing-title">
          What's playing on your Spotify, live.
        </h1>
        <p className="lead">
          Sign in with Spotify to see the track or podcast playing right now,
          the device it plays on, how far along it is, and what you played
          before.
        </p>
        <a className="button button-primary button-large" href={signInUrl}>
          <SpotifyMark />
          Continue with Spotify
        </a>
        <ul className="landing-points">
          <li>Reads your playback only; it never sees your password.</li>
          <li>Works on your phone and your laptop.</li>
          <li>
            Explains Spotify's refusals in plain words, including the
            development-mode allowlist.
          </li>
        </ul>
      </section>
    </AppShell>
  );
}

function SpotifyMark() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <circle cx="12" cy="12" r="11" fill="currentColor" opacity="0.2" />
      <path
        d="M6.5 9.5c3.8-1.1 7.7-.8 11 1M7.2 12.6c3.1-.8 6.2-.5 8.9.9M8 15.5c2.3-.5 4.5-.3 6.5.7"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}
