import { describe, expect, inject, it } from "vitest";
import {
  APP_ORIGIN,
  flawedSession,
  openPage,
  type Page,
  signIn,
  type TestUser,
} from "./app";

async function sessionStatus(userId: string) {
  const response = await fetch(
    `${inject("fakeClerkUrl")}/__fake/users/${userId}`,
  );
  const { sessions } = await response.json<{
    sessions: { status: string }[];
  }>();
  return sessions.map((session) => session.status);
}

/** The sign-out form's POST, from the app's own page. */
const signOut = (user: TestUser) =>
  openPage("/sign-out", {
    user,
    method: "POST",
    headers: { origin: APP_ORIGIN },
  });

/** Back to the landing page, with both of Clerk's cookies cleared. */
function expectSignedOutHome(response: Page) {
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/");
  const cookies = response.headers.getSetCookie();
  expect(cookies).toContainEqual(
    expect.stringMatching(/^__session=; .*Max-Age=0/),
  );
  expect(cookies).toContainEqual(
    expect.stringMatching(/^__client_uat=; .*Max-Age=0/),
  );
}

describe("signing out", () => {
  it("revokes the session at Clerk and clears its cookies", async () => {
    const user = await signIn({ spotify: "track" });
    const response = await signOut(user);

    expectSignedOutHome(response);
    expect(await sessionStatus(user.userId)).toEqual(["revoked"]);
  });

  it("clears the cookies of a session whose token has expired", async () => {
    // Clerk answers such a token with a redirect to its handshake, which
    // the page's form-action would block and which leaves the cookies.
    const user = await flawedSession(await signIn(), "expired");
    const response = await signOut(user);

    expectSignedOutHome(response);
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
