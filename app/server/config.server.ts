export type AppConfig = {
  clerk: {
    publishableKey: string;
    secretKey: string;
    jwtKey: string | undefined;
    apiUrl: string;
    /** The Frontend API host the publishable key names. */
    frontendApi: string;
    /** A pk_test_ key: clerk-js then sends Clerk telemetry. */
    development: boolean;
    /** CLERK_PROXY_URL: an absolute URL, or a path on the app's origin. */
    proxyUrl: string | undefined;
    /** CLERK_DOMAIN: a satellite app's domain. */
    domain: string | undefined;
    signInUrl: string;
    signUpUrl: string;
  };
  spotifyApiUrl: string;
  /** Origins allowed to hold a session; null means "the origin served". */
  appOrigins: string[] | null;
};

/** A setting that is missing or malformed. Carries the name, never the value. */
export class ConfigError extends Error {
  readonly variable: string;

  constructor(variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = "ConfigError";
    this.variable = variable;
  }
}

const configs = new WeakMap<object, AppConfig>();

/** Validates the Worker's settings once per isolate and remembers them. */
export function getConfig(env: object): AppConfig {
  let config = configs.get(env);
  if (!config) {
    config = parseConfig(new Map(Object.entries(env)));
    configs.set(env, config);
  }
  return config;
}

export function parseConfig(env: Map<string, unknown>): AppConfig {
  const read = (name: string) => {
    const value = env.get(name);
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };

  const publishableKey = required("CLERK_PUBLISHABLE_KEY", read);
  const secretKey = required("CLERK_SECRET_KEY", read);
  if (!/^sk_(test|live)_\S+$/.test(secretKey)) {
    throw new ConfigError(
      "CLERK_SECRET_KEY",
      "must start with sk_test_ or sk_live_",
    );
  }

  return {
    clerk: {
      publishableKey,
      secretKey,
      jwtKey: parseJwtKey(read("CLERK_JWT_KEY")),
      apiUrl: parseApiUrl("CLERK_API_URL", read, "https://api.clerk.com"),
      frontendApi: frontendApiFromKey(publishableKey),
      development: publishableKey.startsWith("pk_test_"),
      proxyUrl: parseProxyUrl(read("CLERK_PROXY_URL")),
      domain: parseDomain(read("CLERK_DOMAIN")),
      signInUrl: read("CLERK_SIGN_IN_URL") ?? "/sign-in",
      signUpUrl: read("CLERK_SIGN_UP_URL") ?? "/sign-up",
    },
    spotifyApiUrl: parseApiUrl(
      "SPOTIFY_API_URL",
      read,
      "https://api.spotify.com",
    ),
    appOrigins: parseOrigins(read("APP_ORIGINS")),
  };
}

function required(name: string, read: (name: string) => string | undefined) {
  const value = read(name);
  if (!value) throw new ConfigError(name, "is not set");
  return value;
}

/*
 * A host name with a dot, and a port at most. Hosts from settings go into
 * the Content-Security-Policy: a space, quote, semicolon or line break
 * there would add sources, or make the header impossible to send.
 */
const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i;

function frontendApiFromKey(publishableKey: string) {
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey);
  const decoded = match?.[2] ? decodeBase64(match[2]) : undefined;
  const host = decoded?.endsWith("$") ? decoded.slice(0, -1) : undefined;
  if (!host || !HOST.test(host)) {
    throw new ConfigError(
      "CLERK_PUBLISHABLE_KEY",
      "is not a Clerk publishable key (pk_test_... or pk_live_...)",
    );
  }
  return host;
}

function decodeBase64(encoded: string) {
  try {
    return atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return undefined;
  }
}

function parseJwtKey(value: string | undefined) {
  if (!value) return undefined;
  // Dashboards and CI secrets often flatten the PEM onto one line.
  const pem = value.replaceAll("\\n", "\n");
  if (!pem.includes("-----BEGIN PUBLIC KEY-----")) {
    throw new ConfigError(
      "CLERK_JWT_KEY",
      "must be a PEM public key (-----BEGIN PUBLIC KEY-----)",
    );
  }
  return pem;
}

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

function isLoopback(hostname: string) {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** An API base URL: https, or plain http only towards this machine. */
function parseApiUrl(
  name: string,
  read: (name: string) => string | undefined,
  fallback: string,
) {
  return parseBaseUrl(name, read(name) ?? fallback);
}

function parseBaseUrl(name: string, value: string) {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, "is not a URL");
  }
  const secure =
    url.protocol === "https:" ||
    (url.protocol === "http:" && isLoopback(url.hostname));
  if (!secure) {
    throw new ConfigError(name, "must use https (http only for loopback)");
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(name, "must be a plain base URL");
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Where clerk-js reaches Clerk through a proxy: a base URL, or a path on
 * the app's own origin. "//host" is a path only in looks.
 */
function parseProxyUrl(value: string | undefined) {
  if (!value) return undefined;
  if (!value.startsWith("/")) return parseBaseUrl("CLERK_PROXY_URL", value);
  if (!/^\/(?![/\\])[^\s?#\\]*$/.test(value)) {
    throw new ConfigError(
      "CLERK_PROXY_URL",
      "must be a URL or a path on this origin (/__clerk)",
    );
  }
  return value;
}

function parseDomain(value: string | undefined) {
  if (!value) return undefined;
  if (!HOST.test(value)) {
    throw new ConfigError(
      "CLERK_DOMAIN",
      "must be a domain name without https:// (example.com)",
    );
  }
  return value;
}

function parseOrigins(value: string | undefined) {
  if (!value) return null;
  return value.split(",").map((entry) => {
    try {
      const url = new URL(entry.trim());
      if (url.origin === "null") throw new TypeError("opaque origin");
      return url.origin;
    } catch {
      throw new ConfigError(
        "APP_ORIGINS",
        "must be a comma-separated list of origins (https://example.com)",
      );
    }
  });
}
