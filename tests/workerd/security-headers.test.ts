import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../functions/worker";
import { FRONTEND_API } from "../support/offline-settings";
import { APP_ORIGIN, fetchJson, openPage, signIn } from "./app";

const COMMON = {
  "strict-transport-security": /max-age=\d{8,}/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /camera=\(\).*geolocation=\(\)/,
  "cross-origin-opener-policy": /^same-origin-allow-popups$/,
};

function directives(policy: string | null) {
  return new Map(
    (policy ?? "").split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

function expectCommonHeaders(headers: Headers) {
  for (const [name, pattern] of Object.entries(COMMON)) {
    expect(headers.get(name), name).toMatch(pattern);
  }
}

/** Every nonce the page's script tags carry. */
function scriptNonces(html: string) {
  return [...html.matchAll(/<script\b[^>]*>/g)].map(
    ([tag]) => /\snonce="([^"]+)"/.exec(tag)?.[1] ?? "(none)",
  );
}

describe("a page's Content-Security-Policy", () => {
  it("lets only this response's scripts run, and names Clerk's host", async () => {
    const user = await signIn({ spotify: "track" });
    const page = await openPage("/", { user });
    const policy = directives(page.headers.get("content-security-policy"));

    expect(page.status).toBe(200);
    const scripts = policy.get("script-src") ?? [];
    const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(scripts[0] ?? "")?.[1];
    expect(nonce, "the policy's nonce").toBeDefined();
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(policy.get("connect-src")).toContain(`https://${FRONTEND_API}`);
    expect(policy.get("img-src")).toContain("https://i.scdn.co");
    // Spotify serves some avatars from Facebook's image host.
    expect(policy.get("img-src")).toContain(
      "https://platform-lookaside.fbsbx.com",
    );
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);

    const nonces = scriptNonces(page.html);
    expect(nonces.length).toBeGreaterThan(1);
    expect(new Set(nonces)).toEqual(new Set([nonce]));
    expectCommonHeaders(page.headers);
  });

  it("uses a new nonce for every response and keeps it out of the data", async () => {
    const user = await signIn({ spotify: "track" });
    const first = await openPage("/", { user });
    const second = await openPage("/", { user });
    const nonceOf = (page: typeof first) =>
      scriptNonces(page.html)[0] ?? "(none)";

    expect(nonceOf(first)).not.toBe(nonceOf(second));
    // Outside the attributes, the nonce appears nowhere: not in the
    // streamed loader data, not in the text.
    const withoutAttributes = first.html.replaceAll(
      `nonce="${nonceOf(first)}"`,
      "",
    );
    expect(withoutAttributes).not.toContain(nonceOf(first));
  });

  it("is sent on failure screens and the signed-out page too", async () => {
    const refused = await signIn({
      spotify: "not-allowlisted-text-registered",
    });
    for (const page of [
      await openPage("/"),
      await openPage("/", { user: refused }),
      await openPage("/no/such/page"),
    ]) {
      expect(page.headers.get("content-security-policy")).toMatch(
        /script-src 'nonce-[^']+' 'strict-dynamic'/,
      );
      expectCommonHeaders(page.headers);
    }
  });
});

describe("the Permissions-Policy", () => {
  it("names only features Chromium knows, ad topics among them", async () => {
    const page = await openPage("/");
    const features = (page.headers.get("permissions-policy") ?? "")
      .split(",")
      .map((feature) => feature.trim().replace(/=.*$/, ""));

    expect(features).toContain("browsing-topics");
    expect(features).not.toContain("interest-cohort");
  });
});

/** The signed-out page's policy when the Worker has these settings. */
async function pagePolicyWith(settings: Record<string, string>) {
  const response = await worker.fetch(
    new Request(`${APP_ORIGIN}/`, {
      headers: {
        accept: "text/html",
        // A development key asks for a handshake without Clerk's
        // dev-browser cookie; any value satisfies it.
        cookie: "__clerk_db_jwt=offline",
      },
    }),
    { ...env, ...settings },
    createExecutionContext(),
  );
  expect(await response.text()).toContain("Continue with Spotify");
  return directives(response.headers.get("content-security-policy"));
}

const DEVELOPMENT_KEY = `pk_test_${btoa(`${FRONTEND_API}$`)}`;

describe("the hosts a page lets clerk-js reach", () => {
  it("include Clerk's telemetry for a development instance only", async () => {
    const development = await pagePolicyWith({
      CLERK_PUBLISHABLE_KEY: DEVELOPMENT_KEY,
    });
    const production = await pagePolicyWith({});

    expect(development.get("connect-src")).toContain(
      "https://clerk-telemetry.com",
    );
    expect(production.get("connect-src")).not.toContain(
      "https://clerk-telemetry.com",
    );
  });

  it("include the proxy Clerk is reached through", async () => {
    const policy = await pagePolicyWith({
      CLERK_PROXY_URL: "https://proxy.nowplaying.test/__clerk",
    });

    for (const directive of ["script-src", "connect-src"]) {
      expect(policy.get(directive), directive).toContain(
        "https://proxy.nowplaying.test",
      );
    }
  });

  it("need nothing more for a proxy on the app's own origin", async () => {
    const proxied = await pagePolicyWith({ CLERK_PROXY_URL: "/__clerk" });
    const direct = await pagePolicyWith({});

    expect(proxied.get("script-src")?.slice(1)).toEqual(
      direct.get("script-src")?.slice(1),
    );
    expect(proxied.get("connect-src")).toEqual(direct.get("connect-src"));
  });

  it("include a satellite domain's Frontend API", async () => {
    const policy = await pagePolicyWith({
      CLERK_DOMAIN: "satellite.nowplaying.test",
    });

    for (const directive of ["script-src", "connect-src"]) {
      expect(policy.get(directive), directive).toContain(
        "https://clerk.satellite.nowplaying.test",
      );
    }
  });
});

describe("responses that are not pages", () => {
  it("carry the same headers and a policy that allows nothing", async () => {
    const user = await signIn({ spotify: "track" });
    const refresh = await fetchJson("/api/now-playing", user);
    const redirect = await openPage("/dashboard");
    const crossSite = await openPage("/?index", {
      user,
      headers: { origin: "https://evil.example" },
      form: { intent: "pause" },
    });

    expect([refresh.status, redirect.status, crossSite.status]).toEqual([
      200, 302, 403,
    ]);
    for (const { headers } of [refresh, redirect, crossSite]) {
      expectCommonHeaders(headers);
      // A redirect or refusal is personal too: no cache may keep it.
      expect(headers.get("cache-control")).toBe("private, no-store");
      expect(headers.get("content-security-policy")).toBe(
        "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
    }
  });
});
