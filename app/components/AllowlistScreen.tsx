import type { Failure } from "../lib/failures";
import { FailureLayout } from "./FailureLayout";
import { SignOutButton } from "./SignOutButton";

type Account = Extract<Failure, { kind: "not-allowlisted" }>["account"];

/**
 * The development-mode allowlist 403: the failure this app meets most, so
 * it explains itself fully to both the user and the app's owner.
 */
export function AllowlistScreen({ account }: { account: Account }) {
  const name = account?.email ?? account?.username;
  return (
    <FailureLayout
      title="Your Spotify account is not on this app's allowlist"
      actions={
        <>
          <SignOutButton label="Sign out" className="button button-primary" />
          <a
            className="button button-quiet"
            href="https://www.spotify.com/logout/"
            target="_blank"
            rel="noreferrer"
          >
            Log out of Spotify to switch accounts
          </a>
        </>
      }
    >
      <p className="lead">
        Spotify refused to share playback for{" "}
        {name ? (
          <>
            the account <strong className="account-name">{name}</strong>
          </>
        ) : (
          "the Spotify account you signed in with"
        )}
        . This app is in Spotify's development mode, where only accounts its
        owner has added by hand may use it.
      </p>

      <h2 className="section-title">If you run this app</h2>
      <ol className="steps">
        <li>
          Open the{" "}
          <a
            href="https://developer.spotify.com/dashboard"
            target="_blank"
            rel="noreferrer"
          >
            Spotify Developer Dashboard
          </a>{" "}
          and choose this app.
        </li>
        <li>
          Go to <strong>Settings</strong>, then <strong>User Management</strong>
          .
        </li>
        <li>
          Add the person's name and the email address of their Spotify account
          {name ? <> ({name})</> : null}, then save.
        </li>
        <li>
          Ask them to reload this page. If Spotify still refuses, they sign out
          and in again.
        </li>
      </ol>
      <p className="muted">
        Development mode allows at most 5 users on the list. For more, Spotify
        requires an extended quota, which it grants only to organisations.
      </p>

      <h2 className="section-title">If you are a visitor</h2>
      <p>
        Ask the person who runs this site to add your Spotify account, or sign
        out and sign in with a Spotify account that is already on the list. To
        switch accounts, log out of Spotify first, because Spotify signs you
        back in with the account it remembers.
      </p>
    </FailureLayout>
  );
}
