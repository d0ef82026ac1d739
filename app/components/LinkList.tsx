import { Fragment } from "react";
import type { Link } from "../lib/playback";

/** Names joined with commas, each a link to Spotify where it has one. */
export function LinkList({ links }: { links: Link[] }) {
  return (
    <>
      {links.map((link, index) => (
        // Two artists can share a name; their position tells them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fragment key={index}>
          {index > 0 ? ", " : null}
          <SpotifyLink link={link} />
        </Fragment>
      ))}
    </>
  );
}

export function SpotifyLink({ link }: { link: Link }) {
  return link.url ? (
    <a href={link.url} target="_blank" rel="noreferrer">
      {link.name}
    </a>
  ) : (
    link.name
  );
}
