import { describe, expect, it } from "vitest";
import { openPage, signIn } from "./app";

function everythingSent(page: Awaited<ReturnType<typeof openPage>>) {
  return (
    [...page.headers].map(([name, value]) => `${name}: ${value}`).join("\n") +
    page.html
  );
}

describe("the Spotify access token", () => {
  it.each([
    ["a playing track", "track"],
    ["nothing playing", "nothing-playing"],
    ["the allowlist screen", "not-allowlisted-json-registered"],
    ["a rejected token", "token-revoked"],
    ["an outage", "unavailable"],
  ])("never reaches the browser on %s", async (_, spotify) => {
    const sentinel = `SENTINEL-${crypto.randomUUID()}`;
    const user = await signIn({ spotify, token: sentinel });

    const pages = await Promise.all([
      openPage("/", { user }),
      openPage("/dashboard", { user }),
      openPage("/_root.data", { user, headers: { accept: "*/*" } }),
      openPage("/dashboard.data", { user, headers: { accept: "*/*" } }),
    ]);

    for (const page of pages) {
      expect(everythingSent(page)).not.toContain(sentinel);
    }
    // The pages were real renders, so the absence means something.
    expect(pages[0]?.html).toContain("Now Playing");
  });

  it("is not in the loader data the browser receives", async () => {
    const user = await signIn({ spotify: "track" });
    const data = await openPage("/dashboard.data", {
      user,
      headers: { accept: "*/*" },
    });

    expect(data.status).toBe(200);
    expect(data.html).toContain("Low Tide Radio");
    expect(data.html).not.toMatch(/fake-spotify-token/);
    expect(data.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("upstream wording", () => {
  it("never reaches the page verbatim", async () => {
    const user = await signIn({ spotify: "unavailable" });
    const page = await openPage("/", { user });

    expect(page.text).toContain("Spotify is unavailable");
    expect(page.html).not.toContain("Try again in a little while");
  });
});
