import { ConfigError, getConfig } from "./config.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A request that would change something, sent by a page on another site.
 * Browsers send Origin with every cross-site POST; a request without one
 * did not come from a browser's form or script, so there is no victim.
 */
export function isCrossSiteWrite(request: Request, env: object) {
  if (SAFE_METHODS.has(request.method)) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
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
