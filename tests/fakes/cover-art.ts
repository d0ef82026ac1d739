import type { SpotifyImage } from "./spotify-objects.ts";

function initials(label: string): string {
  const words = label.match(/[A-Za-z0-9]+/g) ?? ["?"];
  return words
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}

/**
 * A coloured square with initials, as a data: URI, because the offline demo
 * browser cannot reach i.scdn.co.
 */
export function coverArt(label: string, colour: string, size: number): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" ` +
    `height="${size}" viewBox="0 0 100 100">` +
    `<rect width="100" height="100" fill="${colour}"/>` +
    `<text x="50" y="62" fill="#fff" font-family="Helvetica,Arial,sans-serif"` +
    ` font-size="34" font-weight="700" text-anchor="middle">` +
    `${initials(label)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Largest first, in the three sizes Spotify serves for albums and shows. */
export function coverImages(label: string, colour: string): SpotifyImage[] {
  return [640, 300, 64].map((size) => ({
    url: coverArt(label, colour, size),
    height: size,
    width: size,
  }));
}
