import { describe, expect, inject, it } from "vitest";
import { APP_ORIGIN, flawedSession, openPage, signIn } from "./app";

async function sessionStatus(userId: string) {
  const response = await fetch(
    `${inject("fakeClerkUrl")}/__fake/users/${userId}`,
  );
  const { sessions } = await response.json<{
    sessions: { status: string }[];
  }>();
  return sessions.map((session) => session.status);
}

describe("signing out", () => {
  it("revokes the session at Clerk and clears its cookies", async () => {
    const user = await signIn({ spotify: "track" });
    const response = await openPage("/sign-out", {
      user,
      method: "POST",
      headers: { origin: APP_ORIGIN },
    });

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cookies = response.headers.getSetCookie();
    expect(cookies).toContainEqual(
      expect.stringMatching(/^__session=; .*Max-Age=0/),
    );
    expect(cookies).toContainEqual(
      expect.stringMatching(/^__client_uat=; .*Max-Age=0/),
    );
    expect(await sessionStatus(user.userId)).toEqual(["revoked"]);
  });

  it("clears the cookies of a session whose token has expired", async () => {
    // Clerk answers such a token with a redirect to its handshake, which
    // the page's form-action would block and which leaves the cookies.
    const user = await flawedSession(await signIn(), "expired");
    const response = await openPage("/sign-out", {
      user,
      method: "POST",
      headers: { origin: APP_ORIGIN },
    });

    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cookies = response.headers.getSetCookie();
    expect(cookies).toContainEqual(
      expect.stringMatching(/^__session=; .*Max-Age=0/),
    );
    expect(cookies).toContainEqual(
      expect.stringMatching(/^__client_uat=; .*Max-Age=0/),
    );
  });

  it("refuses a sign-out posted from another site", async () => {
    const user = await signIn({ spotify: "track" });
    const response = await openPage("/sign-out", {
      user,
      method: "POST",
      headers: { origin: "https://evil.example" },
    });

    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await sessionStatus(user.userId)).toEqual(["active"]);
  });

  it("does nothing on a plain visit", async () => {
    const user = await signIn({ spotify: "track" });
    const response = await openPage("/sign-out", { user });

    expect(response.status).toBe(302);
    expect(await sessionStatus(user.userId)).toEqual(["active"]);
  });
});
