import { exports } from "cloudflare:workers";
import { inject, vi } from "vitest";
import type { CallRecord } from "../fakes/world.ts";

/** The origin tests request; sessions are minted for it (their `azp`). */
export const APP_ORIGIN = "https://nowplaying.test";

export type TestUser = { userId: string; cookie: string };

async function control<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${inject("fakeClerkUrl")}${path}`, init);
  if (!response.ok) {
    throw new Error(`fake control ${path}: ${response.status}`);
  }
  return response.json<T>();
}

/** A Clerk user with a live session, in the named fake scenarios. */
export async function signIn(
  scenario: {
    spotify?: string;
    clerk?: string;
    token?: string;
    latencyMs?: number;
    account?: { email?: string; username?: string; scopes?: string[] };
  } = {},
): Promise<TestUser> {
  const user = await control<{ userId: string; cookieHeader: string }>(
    "/__fake/users",
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...scenario, azp: APP_ORIGIN }),
    },
  );
  return { userId: user.userId, cookie: user.cookieHeader };
}

/** Every call the fakes received on behalf of this user. */
export async function upstreamCalls(user: TestUser): Promise<CallRecord[]> {
  const { calls } = await control<{ calls: CallRecord[] }>(
    `/__fake/users/${user.userId}/calls`,
  );
  return calls;
}

/** The calls one fake received on behalf of this user. */
export async function callsTo(user: TestUser, service: CallRecord["service"]) {
  return (await upstreamCalls(user)).filter((call) => call.service === service);
}

export type SessionFlaw = "forged" | "expired" | "wrong-azp" | "no-client-uat";

/** The same user holding a session cookie the app must not accept. */
export async function flawedSession(
  user: TestUser,
  flaw: SessionFlaw,
): Promise<TestUser> {
  const session = await control<{ cookieHeader: string }>("/__fake/sessions", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      userId: user.userId,
      azp: flaw === "wrong-azp" ? "https://attacker.invalid" : APP_ORIGIN,
      forged: flaw === "forged",
      expired: flaw === "expired",
      withoutClientUat: flaw === "no-client-uat",
    }),
  });
  return { userId: user.userId, cookie: session.cookieHeader };
}

/**
 * Collects what the Worker writes to the console from now on; it runs in
 * the tests' isolate. Undo with `vi.restoreAllMocks()`.
 */
export function captureConsole(): string[] {
  const lines: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(consoleText).join(" "));
    });
  }
  return lines;
}

function consoleText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return `${value.stack ?? value.message}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export type Page = {
  status: number;
  headers: Headers;
  html: string;
  /** The words a reader sees: no tags, scripts or styles. */
  text: string;
};

/** Requests a page the way a browser navigating to it would. */
export async function openPage(
  path: string,
  options: {
    user?: TestUser;
    headers?: HeadersInit;
    method?: string;
    form?: Record<string, string>;
  } = {},
): Promise<Page> {
  const headers = new Headers({
    host: new URL(APP_ORIGIN).host,
    accept: "text/html",
    "sec-fetch-dest": "document",
    ...Object.fromEntries(new Headers(options.headers)),
  });
  if (options.user) headers.set("cookie", options.user.cookie);

  const response = await exports.default.fetch(
    new Request(`${APP_ORIGIN}${path}`, {
      method: options.method ?? (options.form ? "POST" : "GET"),
      headers,
      body: options.form ? new URLSearchParams(options.form) : undefined,
      redirect: "manual",
    }),
  );
  const html = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    html,
    text: visibleText(html),
  };
}

const BLOCK_TAG =
  /<\/?(p|div|h[1-6]|li|ol|ul|dl|dt|dd|section|article|header|main|nav|br|form|button|title|time)\b[^>]*>/gi;

export function visibleText(html: string) {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(BLOCK_TAG, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Fetches a JSON resource as the dashboard's script does. */
export async function fetchJson<T = Record<string, unknown>>(
  path: string,
  user?: TestUser,
) {
  const response = await exports.default.fetch(
    new Request(`${APP_ORIGIN}${path}`, {
      headers: { accept: "application/json", cookie: user?.cookie ?? "" },
    }),
  );
  return {
    status: response.status,
    headers: response.headers,
    body: await response.json<T>(),
  };
}
