import { describe, expect, it } from "vitest";
import { openPage, signIn } from "./app";

const ALLOWLIST_TITLE = "Your Spotify account is not on this app's allowlist";

describe("the development-mode allowlist 403", () => {
  const scenarios = [
    ...["registered", "approved", "check-settings"].flatMap((wording) => [
      `not-allowlisted-text-${wording}`,
      `not-allowlisted-json-${wording}`,
    ]),
    "not-allowlisted-oauth-registered",
    "not-allowlisted-outer-message-check-settings",
  ];

  it.each(scenarios)("gets its own screen for %s", async (spotify) => {
    const user = await signIn({
      spotify,
      account: { email: "river@example.com" },
    });
    const page = await openPage("/", { user });

    expect(page.status).toBe(403);
    expect(page.text).toContain(ALLOWLIST_TITLE);
    expect(page.text).toContain("river@example.com");
    expect(page.text).toContain("User Management");
    expect(page.text).toContain("at most 5 users");
    expect(page.html).toMatch(/<form[^>]+action="\/sign-out"/);
    expect(page.text).toContain("Log out of Spotify to switch accounts");
  });

  it("names the Spotify username when the account has no email", async () => {
    const user = await signIn({
      spotify: "not-allowlisted-json-registered",
      account: { email: "", username: "quietlistener" },
    });
    const page = await openPage("/", { user });

    expect(page.status).toBe(403);
    expect(page.text).toContain("quietlistener");
  });

  it("never shows Spotify's own wording", async () => {
    const user = await signIn({ spotify: "not-allowlisted-text-registered" });
    const page = await openPage("/", { user });

    expect(page.html).not.toContain("User not registered in the Developer");
  });
});

describe("other Spotify refusals", () => {
  it("tells everyone the owner's Premium lapsed, not that they are at fault", async () => {
    for (const spotify of [
      "owner-premium-lapsed",
      "owner-premium-lapsed-text",
      "owner-premium-lapsed-oauth",
    ]) {
      const user = await signIn({ spotify });
      const page = await openPage("/", { user });

      expect(page.status).toBe(403);
      expect(page.text).toContain("Spotify has paused this app");
      expect(page.text).toContain("Nothing is wrong with your account");
      expect(page.text).not.toContain(ALLOWLIST_TITLE);
    }
  });

  it("asks for permission again when a scope is missing", async () => {
    const user = await signIn({ spotify: "missing-scope" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(403);
    expect(page.text).toContain("Spotify needs your permission again");
    expect(page.html).toMatch(/href="\/account"[^>]*>Reconnect Spotify/);
    expect(page.text).not.toContain(ALLOWLIST_TITLE);
  });

  it("says plainly when Spotify refuses without a reason", async () => {
    const user = await signIn({ spotify: "forbidden" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(403);
    expect(page.text).toContain("Spotify refused to share your playback");
    expect(page.text).not.toContain(ALLOWLIST_TITLE);
    expect(page.text).not.toContain("Spotify needs your permission again");
  });
});
