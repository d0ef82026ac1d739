import { describe, expect, it } from "vitest";
import { fetchJson, openPage, signIn, upstreamCalls } from "./app";

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
    expect(page.text).toContain("Spotify asked this app to slow down");
    expect(page.text).toContain("Try again in 17 seconds");
    expect(page.text).not.toContain("Clerk");
  });

  it.each([
    ["no Retry-After", "rate-limited-no-retry-after", "1 minute"],
    ["Retry-After: 0", "rate-limited-retry-after-0", "1 minute"],
    ["Retry-After: 90", "rate-limited-90s", "2 minutes"],
    ["Retry-After: 7200", "rate-limited-2h", "about 2 hours"],
  ])("words the wait after a 429 with %s", async (_, spotify, wait) => {
    const user = await signIn({ spotify });
    const page = await openPage("/", { user });

    expect(page.status).toBe(429);
    expect(page.text).toContain(`Try again in ${wait}.`);
  });

  it("holds calls back for the default minute after Retry-After: 0", async () => {
    const user = await signIn({ spotify: "rate-limited-retry-after-0" });
    await openPage("/", { user });
    const before = (await spotifyCalls(user)).length;

    const again = await openPage("/", { user });

    expect(again.status).toBe(429);
    expect(again.text).toMatch(/Try again in (1 minute|\d+ seconds)\./);
    expect(await spotifyCalls(user)).toHaveLength(before);
  });

  it("shows the track when only the history is rate limited", async () => {
    const user = await signIn({ spotify: "history-rate-limited" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Playing now");
    expect(page.text).toContain("Low Tide Radio");
    expect(page.text).not.toContain("slow down");

    // Spotify's wait still holds: the refresh asks Spotify nothing.
    const before = (await spotifyCalls(user)).length;
    const refresh = await fetchJson("/api/now-playing", user);
    expect(refresh.status).toBe(429);
    expect(await spotifyCalls(user)).toHaveLength(before);
  });

  it("waits as long as a 503's Retry-After asks before asking again", async () => {
    const user = await signIn({ spotify: "flaky-503-retry-after" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Low Tide Radio");
    const [first, second] = (await spotifyCalls(user)).filter(
      (call) => call.path === "/v1/me/player",
    );
    expect(first?.status).toBe(503);
    expect(second?.status).toBe(200);
    expect((second?.startedAt ?? 0) - (first?.startedAt ?? 0)).toBeGreaterThan(
      1000 - 5,
    );
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
  it("says Clerk asked to wait, and when to try again, after its 429", async () => {
    const user = await signIn({ clerk: "clerk-rate-limited" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toBe("10");
    expect(page.text).toContain("Clerk asked this app to slow down");
    expect(page.text).toContain("Clerk, the sign-in service");
    expect(page.text).toContain("Try again in 10 seconds.");
    expect(page.text).not.toContain("Spotify asked this app to slow down");
    expect(await spotifyCalls(user)).toEqual([]);
  });
});

describe("when Clerk's token list is unusual", () => {
  it.each([
    ["a bare array", "token-list-bare"],
    ["an entry without a token first", "token-list-null-first"],
  ])("shows the dashboard for %s", async (_, clerk) => {
    const user = await signIn({ clerk });
    const page = await openPage("/", { user });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Low Tide Radio");
    expect(await clerkCalls(user)).toHaveLength(1);
  });
});
