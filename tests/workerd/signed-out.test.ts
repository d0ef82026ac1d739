import { describe, expect, it } from "vitest";
import { openPage, signIn, upstreamCalls } from "./app";

describe("a signed-out visitor", () => {
  it("sees what the app does and a way to continue with Spotify", async () => {
    const page = await openPage("/");

    expect(page.status).toBe(200);
    expect(page.text).toContain("What's playing on your Spotify, live.");
    expect(page.html).toMatch(/href="\/sign-in\?redirect_url=%2F"/);
    expect(page.text).toContain("Continue with Spotify");
  });

  it("is sent to sign-in from the dashboard, and comes back after", async () => {
    const page = await openPage("/dashboard");

    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(
      "/sign-in?redirect_url=%2Fdashboard",
    );
  });

  it("costs no call to Clerk or Spotify when the session is gone", async () => {
    const user = await signIn({ spotify: "track" });
    const page = await openPage("/dashboard", {
      user: { ...user, cookie: "" },
    });

    expect(page.status).toBe(302);
    expect(await upstreamCalls(user)).toEqual([]);
  });

  it("gets a sign-in page that says so when Clerk's script cannot load", async () => {
    const page = await openPage("/sign-in");

    expect(page.status).toBe(200);
    expect(page.text).toContain("Loading sign in");
  });

  it("gets a 404 page for an unknown address", async () => {
    const page = await openPage("/no/such/page");

    expect(page.status).toBe(404);
    expect(page.text).toContain("Page not found");
  });
});
