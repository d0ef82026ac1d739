import { ConfigError, getConfig } from "./config.server";

/*
 * Headers every response carries. Pages get a Content-Security-Policy
 * whose scripts must bear this response's nonce; what those scripts load
 * is trusted through 'strict-dynamic', which is how clerk-js arrives.
 */

const COMMON: Record<string, string> = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
};

/** Where Spotify serves cover art and avatars (some from Facebook). */
const IMAGE_HOSTS = [
  "https://i.scdn.co",
  "https://*.scdn.co",
  "https://*.spotifycdn.com",
  "https://platform-lookaside-fbsbx.com",
  "https://*.fbcdn.net",
  "https://img.clerk.com",
];

/** Cloudflare Turnstile, which Clerk's bot protection shows in a frame. */
const CHALLENGES = "https://challenges.cloudflare.com";

/** The policy for an HTML page rendered with `nonce`. */
export function pagePolicy(nonce: string, clerkFrontendApi: string | null) {
  const clerk = clerkFrontendApi ? [`https://${clerkFrontendApi}`] : [];
  const directives = {
    "default-src": ["'self'"],
    // The host list only serves browsers that predate 'strict-dynamic'.
    "script-src": [`'nonce-${nonce}'`, "'strict-dynamic'", "'self'", ...clerk],
    // Clerk's components style themselves at run time.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", ...IMAGE_HOSTS],
    "connect-src": ["'self'", ...clerk],
    "frame-src": [CHALLENGES],
    "worker-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** For everything that is not a page: nothing may run or embed it. */
const RESOURCE_POLICY =
  "default-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function clerkFrontendApi(env: object) {
  try {
    return getConfig(env).clerk.frontendApi;
  } catch (error) {
    // The page itself names the bad setting; the policy just leaves Clerk out.
    if (error instanceof ConfigError) return null;
    throw error;
  }
}

/** The response with the security headers set; `nonce` when it is a page. */
export function withSecurityHeaders(
  response: Response,
  env: object,
  nonce: string,
) {
  const secured = new Response(response.body, response);
  for (const [name, value] of Object.entries(COMMON)) {
    secured.headers.set(name, value);
  }
  const isPage = /^text\/html/i.test(secured.headers.get("content-type") ?? "");
  secured.headers.set(
    "Content-Security-Policy",
    isPage ? pagePolicy(nonce, clerkFrontendApi(env)) : RESOURCE_POLICY,
  );
  return secured;
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
