import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../functions/worker";
import { APP_ORIGIN, signIn, type TestUser, visibleText } from "./app";

/** The real Worker with some settings changed, as a deployer might. */
async function openWith(settings: Record<string, string>, user?: TestUser) {
  const response = await worker.fetch(
    new Request(`${APP_ORIGIN}/`, {
      headers: { accept: "text/html", cookie: user?.cookie ?? "" },
    }),
    { ...env, ...settings },
    createExecutionContext(),
  );
  const html = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    html,
    text: visibleText(html),
  };
}

/** A publishable key whose Frontend API host is `host`. */
const keyFor = (host: string) => `pk_live_${btoa(`${host}$`)}`;

describe("a misconfigured deployment", () => {
  it.each([
    ["CLERK_SECRET_KEY", ""],
    ["CLERK_PUBLISHABLE_KEY", ""],
    ["CLERK_PUBLISHABLE_KEY", "pk_live_bm90LWEta2V5"],
    ["CLERK_SECRET_KEY", "secret-without-prefix"],
    ["CLERK_JWT_KEY", "not a pem"],
    ["SPOTIFY_API_URL", "http://api.spotify.example"],
    ["SPOTIFY_API_URL", "not a url"],
    ["CLERK_API_URL", "ftp://clerk.example"],
    ["APP_ORIGINS", "https://ok.example, nonsense"],
    ["CLERK_PUBLISHABLE_KEY", keyFor("clerk.example.com *")],
    ["CLERK_PUBLISHABLE_KEY", keyFor("clerk.example.com; script-src *")],
    ["CLERK_PUBLISHABLE_KEY", keyFor('clerk.example.com"')],
    ["CLERK_PUBLISHABLE_KEY", keyFor("clerk.example.com\r\nSet-Cookie: a=b")],
    ["CLERK_PROXY_URL", "http://proxy.example.com/__clerk"],
    ["CLERK_PROXY_URL", "//proxy.example.com/__clerk"],
    ["CLERK_PROXY_URL", "https://proxy.example.com/__clerk?token=1"],
    ["CLERK_DOMAIN", "satellite.example; script-src *"],
    ["CLERK_DOMAIN", "https://satellite.example"],
  ])("names %s without showing its value (%j)", async (variable, value) => {
    const page = await openWith({ [variable]: value });

    expect(page.status).toBe(500);
    expect(page.text).toContain("This app is not configured yet");
    expect(page.text).toContain(
      `The setting ${variable} is missing or invalid`,
    );
    if (value) expect(page.html).not.toContain(value);
  });

  it("keeps a publishable key's malformed host out of the page's policy", async () => {
    const page = await openWith({
      CLERK_PUBLISHABLE_KEY: keyFor("clerk.example.com https: *"),
    });

    const policy = page.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/^default-src 'self'; script-src 'nonce-/);
    expect(policy).not.toContain("clerk.example.com");
    expect(policy).not.toMatch(/\s(\*|https:)(\s|;)/);
  });

  it("accepts plain http for a Spotify API on this machine", async () => {
    const page = await openWith({ SPOTIFY_API_URL: "http://127.0.0.1:9" });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Continue with Spotify");
  });

  it("never shows the secret key when it is wrong", async () => {
    const page = await openWith({
      CLERK_SECRET_KEY: "sk_live_wrong_value_123",
    });

    expect(page.html).not.toContain("sk_live_wrong_value_123");
  });

  it("says Clerk refused the secret key when a signed-in user needs it", async () => {
    const user = await signIn({ spotify: "track" });
    const page = await openWith(
      { CLERK_SECRET_KEY: "sk_test_revoked_key_456" },
      user,
    );

    expect(page.status).toBe(500);
    expect(page.text).toContain("This app's Clerk secret key was refused");
    expect(page.html).not.toContain("sk_test_revoked_key_456");
  });
});
