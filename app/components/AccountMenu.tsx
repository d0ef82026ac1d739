import { Await, Link } from "@remix-run/react";
import { Suspense } from "react";
import type { SpotifyProfile } from "../lib/playback";
import { SignOutButton } from "./SignOutButton";

/** The Spotify name and picture stream in; the page never waits for them. */
export function AccountMenu({
  profile,
}: {
  profile: Promise<SpotifyProfile | null>;
}) {
  return (
    <>
      <Suspense fallback={null}>
        <Await resolve={profile} errorElement={null}>
          {(resolved) =>
            resolved ? <ProfileBadge profile={resolved} /> : null
          }
        </Await>
      </Suspense>
      <Link to="/account" className="button button-quiet">
        Account
      </Link>
      <SignOutButton />
    </>
  );
}

function ProfileBadge({ profile }: { profile: SpotifyProfile }) {
  return (
    <span className="profile">
      {profile.imageUrl ? (
        <img
          className="avatar"
          src={profile.imageUrl}
          alt=""
          width={28}
          height={28}
        />
      ) : null}
      <span className="profile-name">{profile.displayName}</span>
    </span>
  );
}
