import { type AppConfig, ConfigError, getConfig } from "./config.server";

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
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
};

/** Where Spotify serves cover art and avatars (some from Facebook). */
const IMAGE_HOSTS = [
  "https://i.scdn.co",
  "https://*.scdn.co",
  "https://*.spotifycdn.com",
  "https://platform-lookaside.fbsbx.com",
  "https://*.fbcdn.net",
  "https://img.clerk.com",
];

/** Cloudflare Turnstile, which Clerk's bot protection shows in a frame. */
const CHALLENGES = "https://challenges.cloudflare.com";

/** Where a development instance's clerk-js sends its telemetry. */
const CLERK_TELEMETRY = "https://clerk-telemetry.com";

/** What clerk-js is loaded from and what it calls, per this deployment. */
export type ClerkSources = { scripts: string[]; connections: string[] };

/**
 * The Frontend API the key names, the proxy in front of it (a path on
 * this origin needs nothing more) and a satellite's own Frontend API,
 * which Clerk serves at clerk.<domain>.
 */
function clerkSources(clerk: AppConfig["clerk"]): ClerkSources {
  const scripts = [`https://${clerk.frontendApi}`];
  if (clerk.proxyUrl && !clerk.proxyUrl.startsWith("/")) {
    scripts.push(new URL(clerk.proxyUrl).origin);
  }
  if (clerk.domain) {
    scripts.push(`https://clerk.${clerk.domain.replace(/^(clerk\.)+/i, "")}`);
  }
  const telemetry = clerk.development ? [CLERK_TELEMETRY] : [];
  return { scripts, connections: [...scripts, ...telemetry] };
}

const NO_CLERK: ClerkSources = { scripts: [], connections: [] };

/** The policy for an HTML page rendered with `nonce`. */
export function pagePolicy(nonce: string, clerk: ClerkSources) {
  const directives = {
    "default-src": ["'self'"],
    // The host list only serves browsers that predate 'strict-dynamic'.
    "script-src": [
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'self'",
      ...clerk.scripts,
    ],
    // Clerk's components style themselves at run time.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", ...IMAGE_HOSTS],
    "connect-src": ["'self'", ...clerk.connections],
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

function clerkSourcesOf(env: object) {
  try {
    return clerkSources(getConfig(env).clerk);
  } catch (error) {
    // The page itself names the bad setting; the policy just leaves Clerk out.
    if (error instanceof ConfigError) return NO_CLERK;
    throw error;
  }
}

/**
 * Anything the Worker sends may be personal, a redirect included: what
 * does not say how to cache it is not cached. Static files, served
 * without the Worker, keep the headers public/_headers gives them.
 */
const PRIVATE = "private, no-store";

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
  if (!secured.headers.has("Cache-Control")) {
    secured.headers.set("Cache-Control", PRIVATE);
  }
  const isPage = /^text\/html/i.test(secured.headers.get("content-type") ?? "");
  secured.headers.set(
    "Content-Security-Policy",
    isPage ? pagePolicy(nonce, clerkSourcesOf(env)) : RESOURCE_POLICY,
  );
  return secured;
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
