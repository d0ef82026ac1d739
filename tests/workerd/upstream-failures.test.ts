import { describe, expect, it } from "vitest";
import { openPage, signIn, upstreamCalls } from "./app";

async function spotifyCalls(user: Awaited<ReturnType<typeof signIn>>) {
  return (await upstreamCalls(user)).filter((c) => c.service === "spotify");
}

async function clerkCalls(user: Awaited<ReturnType<typeof signIn>>) {
  return (await upstreamCalls(user)).filter((c) => c.service === "clerk");
}

describe("when Clerk has no Spotify connection", () => {
  it.each(["no-connection", "refresh-failed", "missing-refresh-token"])(
    "asks to connect Spotify (%s) without calling Spotify",
    async (clerk) => {
      const user = await signIn({ clerk });
      const page = await openPage("/", { user });

      expect(page.status).toBe(403);
      expect(page.text).toContain("Connect your Spotify account");
      expect(page.html).toMatch(/href="\/account"[^>]*>Connect Spotify/);
      expect(await spotifyCalls(user)).toEqual([]);
    },
  );
});

describe("when Spotify rejects the token", () => {
  it("fetches a fresh token from Clerk once and shows the dashboard", async () => {
    const user = await signIn({ spotify: "token-expired-once" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Low Tide Radio");
    expect(await clerkCalls(user)).toHaveLength(2);
  });

  it("asks to reconnect Spotify when the fresh token is rejected too", async () => {
    const user = await signIn({ spotify: "token-revoked" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(401);
    expect(page.text).toContain("Reconnect Spotify");
    expect(page.text).toContain("no longer accepts");
    // One token, one renewal: never a loop.
    expect(await clerkCalls(user)).toHaveLength(2);
    const playerCalls = (await spotifyCalls(user)).filter(
      (call) => call.path === "/v1/me/player",
    );
    expect(playerCalls).toHaveLength(2);
  });
});

describe("when Spotify is busy or down", () => {
  it("says when to try again after a 429, from Retry-After", async () => {
    const user = await signIn({ spotify: "rate-limited" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("17");
    expect(page.text).toContain("Try again in 17 seconds");
  });

  it.each([
    "unavailable",
    "bad-gateway",
    "server-error",
    "malformed",
    "html-200",
  ])("keeps the page and says Spotify is unavailable (%s)", async (spotify) => {
    const user = await signIn({ spotify });
    const page = await openPage("/", { user });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Spotify is unavailable");
    expect(page.text).toContain("You are still signed in");
    expect(page.html).toMatch(/<form[^>]+action="\/sign-out"/);
  });

  it("gives up on a Spotify that never answers and still renders", async () => {
    const user = await signIn({ spotify: "hang" });
    const started = Date.now();
    const page = await openPage("/", { user });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Spotify is unavailable");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("when Clerk is busy or down", () => {
  it("says when to try again after Clerk's 429", async () => {
    const user = await signIn({ clerk: "clerk-rate-limited" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("10");
    expect(await spotifyCalls(user)).toEqual([]);
  });
});
