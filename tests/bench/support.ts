import { cpus, loadavg } from "node:os";
import {
  createFakeUser,
  readUpstreamCalls,
  type Scenario,
} from "../browser/support/fake-users.ts";
import { type DemoStack, startDemo } from "../demo/stack.ts";

/*
 * What the figure scripts under tests/bench share: the stack they measure,
 * signed-in users, timed requests, percentiles and the markdown they print.
 */

/**
 * Runs `measure` against the built Worker under `wrangler dev`, on free
 * ports, the fakes answering after `latencyMs`; stops it however it ends.
 */
export async function withStack<T>(
  latencyMs: number,
  measure: (stack: DemoStack) => Promise<T>,
): Promise<T> {
  const stack = await startDemo({
    appPort: 0,
    clerkPort: 0,
    latencyMs,
    log: "ignore",
  });
  // wrangler runs in its own process group, so Ctrl+C would leave it up.
  const interrupted = async () => {
    await stack.stop();
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    return await measure(stack);
  } finally {
    process.off("SIGINT", interrupted);
    process.off("SIGTERM", interrupted);
    await stack.stop();
  }
}

export interface BenchUser {
  userId: string;
  /** The `Cookie` header a signed-in browser sends. */
  cookie: string;
}

export async function signedInUser(
  stack: DemoStack,
  scenario: Scenario = { spotify: "track" },
): Promise<BenchUser> {
  const user = await createFakeUser(
    stack.fakes.clerkUrl,
    stack.appUrl,
    scenario,
  );
  const cookie = Object.entries(user.cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  return { userId: user.userId, cookie };
}

export interface TimedResponse {
  status: number;
  /** Until the status line and headers arrived. */
  ttfbMs: number;
  /** Until the last byte of the body, streamed parts included. */
  totalMs: number;
  body: string;
}

/** A GET as the browser sends it; redirects count as answers, not hops. */
export async function timedGet(
  url: string,
  cookie: string,
  accept = "text/html",
): Promise<TimedResponse> {
  const started = performance.now();
  const response = await fetch(url, {
    headers: { cookie, accept },
    redirect: "manual",
  });
  const ttfbMs = performance.now() - started;
  const body = await response.text();
  const totalMs = performance.now() - started;
  return { status: response.status, ttfbMs, totalMs, body };
}

export function expectOk(response: TimedResponse, what: string) {
  if (response.status !== 200) {
    throw new Error(`${what} answered ${response.status}, not 200`);
  }
}

export async function upstreamCallCounts(stack: DemoStack, userId: string) {
  const calls = await readUpstreamCalls(stack.fakes.clerkUrl, userId);
  const clerk = calls.filter((call) => call.service === "clerk").length;
  return { clerk, spotify: calls.length - clerk };
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] ?? Number.NaN;
}

export const median = (values: number[]) => percentile(values, 50);

export interface LoopRate {
  requests: number;
  perSecond: number;
  failures: number;
}

/** `connections` loops, each sending its next request when one returns. */
export async function closedLoopRate(
  url: string,
  cookie: string,
  connections: number,
  durationMs: number,
): Promise<LoopRate> {
  let requests = 0;
  let failures = 0;
  const started = performance.now();
  const until = started + durationMs;
  const loop = async () => {
    while (performance.now() < until) {
      const ok = await fetch(url, { headers: { cookie }, redirect: "manual" })
        .then(async (response) => {
          await response.arrayBuffer();
          return response.ok;
        })
        .catch(() => false);
      requests += 1;
      if (!ok) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (performance.now() - started) / 1000;
  return { requests, perSecond: requests / seconds, failures };
}

/** A number of at least `min` from a command-line option. */
export function numberOption(name: string, text: string, min = 0): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) {
    throw new Error(`--${name} must be a number of at least ${min}: ${text}`);
  }
  return value;
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(header),
    line(header.map(() => "---")),
    ...rows.map((row) => line(row)),
  ].join("\n");
}

/** Date, machine and Node, for the line above a table. */
export function machineSummary(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
  return [
    `Date: ${new Date().toISOString()}`,
    `Machine: ${cores.length} × ${model} (load average ${load})`,
    `Node: ${process.version}`,
  ].join("\n");
}

export const ms = (value: number) => `${Math.round(value)} ms`;
