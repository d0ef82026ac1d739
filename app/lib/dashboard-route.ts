import type { HeadersFunction } from "@remix-run/cloudflare";
import type { ShouldRevalidateFunction } from "@remix-run/react";

/*
 * What `/` (signed in) and `/dashboard` share as routes that render the
 * dashboard and take its player commands.
 */

// A failure screen keeps the headers its failure sent, such as Retry-After,
// and so does a player command Spotify refused.
export const dashboardHeaders: HeadersFunction = ({
  errorHeaders,
  actionHeaders,
  loaderHeaders,
}) => {
  if (errorHeaders) return errorHeaders;
  const merged = new Headers(loaderHeaders);
  for (const [name, value] of actionHeaders) merged.set(name, value);
  return merged;
};

// A player command is followed by the page's own refresh, which costs one
// Spotify call instead of the loader's three.
export const dashboardShouldRevalidate: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
}) => (formMethod === "POST" ? false : defaultShouldRevalidate);
