import { type FakeOptions, type RunningFakes, startFakes } from "./server.ts";

/** Test-side helpers: a clock tests move by hand, and HTTP like the app's. */

export const START = Date.parse("2026-12-01T12:00:00.000Z");

export interface ManualClock {
  now: () => number;
  advance(ms: number): void;
}

export function manualClock(start = START): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
  };
}

/** Walks `a.b.0.c` through parsed JSON; undefined when the path is absent. */
export function pick(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = Object.getOwnPropertyDescriptor(current, key)?.value;
  }
  return current;
}

export interface Answer {
  status: number;
  contentType: string | null;
  headers: Headers;
  text: string;
  json: unknown;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function call(
  url: string,
  init: RequestInit = {},
): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    headers: response.headers,
    text,
    json: parsed(text),
  };
}

export interface TestFakes {
  fakes: RunningFakes;
  clock: ManualClock;
  control(method: string, path: string, body?: unknown): Promise<Answer>;
  /** POST /__fake/users; returns the new user's id. */
  createUser(body?: Record<string, unknown>): Promise<string>;
  /** Reads the token as @clerk/backend does: paginated, with the secret key. */
  clerkToken(userId: string): Promise<string>;
  clerk(path: string, init?: RequestInit): Promise<Answer>;
  spotify(
    path: string,
    token: string | null,
    init?: RequestInit,
  ): Promise<Answer>;
}

export async function startTestFakes(
  options: FakeOptions = {},
): Promise<TestFakes> {
  const clock = manualClock();
  const fakes = await startFakes({ now: clock.now, ...options });
  const control = (method: string, path: string, body?: unknown) =>
    call(`${fakes.spotifyUrl}${path}`, {
      method,
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const clerk = (path: string, init: RequestInit = {}) =>
    call(`${fakes.clerkUrl}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${fakes.secretKey}`,
        "Clerk-API-Version": "2025-11-10",
        ...init.headers,
      },
    });
  return {
    fakes,
    clock,
    control,
    async createUser(body = {}) {
      const created = await control("POST", "/__fake/users", body);
      const userId = pick(created.json, "userId");
      if (created.status !== 201 || typeof userId !== "string") {
        throw new Error(`could not create a fake user: ${created.text}`);
      }
      return userId;
    },
    async clerkToken(userId) {
      const path = `/v1/users/${userId}/oauth_access_tokens/oauth_spotify`;
      const answer = await clerk(`${path}?paginated=true`);
      const token = pick(answer.json, "data.0.token");
      if (typeof token !== "string") {
        throw new Error(`no Spotify token from the fake Clerk: ${answer.text}`);
      }
      return token;
    },
    clerk,
    spotify: (path, token, init = {}) =>
      call(`${fakes.spotifyUrl}${path}`, {
        ...init,
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      }),
  };
}
