import * as v from "valibot";
import type {
  ClerkScenarioName,
  SpotifyScenarioName,
} from "../../fakes/scenarios.ts";

/** The fake Clerk's control API, read into this file's own types. */

const Account = v.object({
  email: v.string(),
  username: v.string(),
  displayName: v.string(),
});

const SessionCookies = v.object({
  __session: v.string(),
  __client_uat: v.string(),
});

const NewUser = v.object({
  userId: v.string(),
  cookies: SessionCookies,
  account: Account,
});

const NewSession = v.object({ cookies: SessionCookies });

const UserSummary = v.object({
  account: Account,
  nowPlaying: v.nullable(
    v.object({
      name: v.string(),
      isPlaying: v.boolean(),
      progressMs: v.number(),
    }),
  ),
});

const Calls = v.object({
  calls: v.array(
    v.object({
      service: v.picklist(["clerk", "spotify"]),
      method: v.string(),
      path: v.string(),
      status: v.nullable(v.number()),
    }),
  ),
});

export type FakeUser = v.InferOutput<typeof NewUser>;
export type SessionCookies = v.InferOutput<typeof SessionCookies>;
export type UpstreamCall = v.InferOutput<typeof Calls>["calls"][number];
export type UserSummary = v.InferOutput<typeof UserSummary>;

export interface Scenario {
  spotify?: SpotifyScenarioName;
  clerk?: ClerkScenarioName;
  account?: { email?: string; username?: string; displayName?: string };
}

export async function createFakeUser(
  clerkUrl: string,
  appUrl: string,
  scenario: Scenario,
): Promise<FakeUser> {
  const body = await control(clerkUrl, "/__fake/users", {
    method: "POST",
    body: JSON.stringify({ ...scenario, azp: appUrl }),
  });
  return v.parse(NewUser, body);
}

/**
 * The cookies of a new Clerk session for an existing user, as clerk-js
 * would write them; `expired` gives a token an hour past its expiry.
 */
export async function openFakeSession(
  clerkUrl: string,
  appUrl: string,
  userId: string,
  options: { expired?: boolean } = {},
): Promise<SessionCookies> {
  const body = await control(clerkUrl, "/__fake/sessions", {
    method: "POST",
    body: JSON.stringify({ userId, azp: appUrl, ...options }),
  });
  return v.parse(NewSession, body).cookies;
}

export async function readFakeUser(
  clerkUrl: string,
  userId: string,
): Promise<UserSummary> {
  return v.parse(
    UserSummary,
    await control(clerkUrl, `/__fake/users/${userId}`),
  );
}

/** Every call the fakes received on this user's behalf, oldest first. */
export async function readUpstreamCalls(
  clerkUrl: string,
  userId: string,
): Promise<UpstreamCall[]> {
  const body = await control(clerkUrl, `/__fake/users/${userId}/calls`);
  return v.parse(Calls, body).calls;
}

export async function switchFakeUser(
  clerkUrl: string,
  userId: string,
  scenario: Pick<Scenario, "spotify" | "clerk"> & { restart?: boolean },
) {
  await control(clerkUrl, `/__fake/users/${userId}/scenario`, {
    method: "PUT",
    body: JSON.stringify(scenario),
  });
}

async function control(
  clerkUrl: string,
  path: string,
  init: RequestInit = {},
): Promise<unknown> {
  const response = await fetch(`${clerkUrl}${path}`, {
    ...init,
    headers: { "content-type": "application/json" },
  });
  if (!response.ok) {
    const problem = await response.text();
    const method = init.method ?? "GET";
    throw new Error(
      `fake Clerk ${method} ${path}: ${response.status} ${problem}`,
    );
  }
  return response.json();
}
