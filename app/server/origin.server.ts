import { ConfigError, getConfig } from "./config.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What Sec-Fetch-Site says when this app's own page, or the user, sent it. */
const OWN_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * A request that would change something, sent by a page on another site.
 * Browsers send Origin with every cross-site POST. Without one, a browser
 * that says (in Sec-Fetch-Site) where the request came from is believed;
 * a request with neither did not come from a browser, so has no victim.
 */
export function isCrossSiteWrite(request: Request, env: object) {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site !== null && !OWN_FETCH_SITES.has(site);
  }
  return !allowedOrigins(request, env).includes(origin);
}

function allowedOrigins(request: Request, env: object) {
  const here = new URL(request.url).origin;
  try {
    return getConfig(env).appOrigins ?? [here];
  } catch (error) {
    // The app itself reports a bad setting; until then, only this origin.
    if (error instanceof ConfigError) return [here];
    throw error;
  }
}
