import {
  type ClerkScenarioName,
  isClerkScenarioName,
  isSpotifyScenarioName,
  type SpotifyScenarioName,
} from "./scenarios.ts";
import type { NewUser, ScenarioChange } from "./world.ts";

/** Control API bodies, checked field by field; problems become a 400. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseJsonObject(body: string): Parsed<Record<string, unknown>> {
  if (body.trim() === "") return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(body);
    return isRecord(value)
      ? { ok: true, value }
      : { ok: false, problem: "the body must be a JSON object" };
  } catch {
    return { ok: false, problem: "the body is not valid JSON" };
  }
}

function reader(record: Record<string, unknown>, problems: string[]) {
  const wrong = (key: string, expected: string) => {
    problems.push(`${key} must be ${expected}`);
    return undefined;
  };
  const string = (key: string): string | undefined => {
    const value = record[key];
    if (value === undefined || (typeof value === "string" && value !== "")) {
      return value;
    }
    return wrong(key, "a non-empty string");
  };
  return {
    string,
    /** A string that may be empty, like an email Spotify withheld. */
    text(key: string): string | undefined {
      const value = record[key];
      if (value === undefined || typeof value === "string") return value;
      return wrong(key, "a string");
    },
    nullableString(key: string): string | null | undefined {
      const value = record[key];
      if (value === undefined || value === null || typeof value === "string") {
        return value;
      }
      return wrong(key, "a string or null");
    },
    number(key: string): number | undefined {
      const value = record[key];
      if (value === undefined) return undefined;
      if (typeof value === "number" && Number.isFinite(value)) return value;
      return wrong(key, "a number");
    },
    flag(key: string): boolean {
      const value = record[key];
      if (value === undefined || typeof value === "boolean")
        return value ?? false;
      wrong(key, "true or false");
      return false;
    },
    strings(key: string): string[] | undefined {
      const value = record[key];
      if (value === undefined) return undefined;
      const list: unknown[] = Array.isArray(value) ? value : [];
      const texts = list.filter((item) => typeof item === "string");
      if (Array.isArray(value) && texts.length === list.length) return texts;
      return wrong(key, "a list of strings");
    },
    record(key: string): Record<string, unknown> {
      const value = record[key];
      if (value === undefined || isRecord(value)) return value ?? {};
      wrong(key, "an object");
      return {};
    },
    clerkScenario(key: string): ClerkScenarioName | undefined {
      const name = string(key);
      if (name === undefined || isClerkScenarioName(name)) return name;
      return wrong(key, "a Clerk scenario name (see GET /__fake/scenarios)");
    },
    spotifyScenario(key: string): SpotifyScenarioName | undefined {
      const name = string(key);
      if (name === undefined || isSpotifyScenarioName(name)) return name;
      return wrong(key, "a Spotify scenario name (see GET /__fake/scenarios)");
    },
  };
}

function finish<T>(problems: string[], value: T): Parsed<T> {
  return problems.length === 0
    ? { ok: true, value }
    : { ok: false, problem: problems.join("; ") };
}

export interface NewUserRequest extends NewUser {
  sessionExpiresInSeconds?: number;
}

export function parseNewUser(
  record: Record<string, unknown>,
): Parsed<NewUserRequest> {
  const problems: string[] = [];
  const read = reader(record, problems);
  const account = reader(read.record("account"), problems);
  return finish(problems, {
    userId: read.string("userId"),
    clerk: read.clerkScenario("clerk"),
    spotify: read.spotifyScenario("spotify"),
    token: read.string("token"),
    azp: read.string("azp"),
    latencyMs: read.number("latencyMs"),
    sessionExpiresInSeconds: read.number("sessionExpiresInSeconds"),
    account: {
      spotifyUserId: account.string("spotifyUserId"),
      email: account.text("email"),
      username: account.string("username"),
      displayName: account.string("displayName"),
      imageUrl: account.nullableString("imageUrl"),
      scopes: account.strings("scopes"),
    },
  });
}

export interface SessionRequest {
  userId: string;
  azp?: string;
  expired: boolean;
  forged: boolean;
  withoutClientUat: boolean;
  issuedAt?: number;
  expiresAt?: number;
}

export function parseSessionRequest(
  record: Record<string, unknown>,
): Parsed<SessionRequest> {
  const problems: string[] = [];
  const read = reader(record, problems);
  const userId = read.string("userId");
  if (userId === undefined) problems.push("userId is required");
  const request = {
    userId: userId ?? "",
    azp: read.string("azp"),
    expired: read.flag("expired"),
    forged: read.flag("forged"),
    withoutClientUat: read.flag("withoutClientUat"),
    issuedAt: read.number("issuedAt"),
    expiresAt: read.number("expiresAt"),
  };
  const variants = [request.expired, request.forged, request.withoutClientUat];
  if (variants.filter(Boolean).length > 1) {
    problems.push("choose one of expired, forged and withoutClientUat");
  }
  return finish(problems, request);
}

export function parseScenarioChange(
  record: Record<string, unknown>,
): Parsed<ScenarioChange> {
  const problems: string[] = [];
  const read = reader(record, problems);
  return finish(problems, {
    clerk: read.clerkScenario("clerk"),
    spotify: read.spotifyScenario("spotify"),
    restart: read.flag("restart"),
  });
}

/** POST /__fake/clock: how far to move the world's clock forward. */
export function parseClockAdvance(
  record: Record<string, unknown>,
): Parsed<number> {
  const problems: string[] = [];
  const advanceMs = reader(record, problems).number("advanceMs");
  if (advanceMs === undefined || advanceMs < 0) {
    return { ok: false, problem: "advanceMs must be a number >= 0" };
  }
  return finish(problems, advanceMs);
}
