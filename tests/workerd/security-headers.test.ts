import { describe, expect, it } from "vitest";
import { FRONTEND_API } from "../support/offline-settings";
import { fetchJson, openPage, signIn } from "./app";

const COMMON = {
  "strict-transport-security": /max-age=\d{8,}/,
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^strict-origin-when-cross-origin$/,
  "permissions-policy": /camera=\(\).*geolocation=\(\)/,
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
      expect(headers.get("content-security-policy")).toBe(
        "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
    }
  });
});
