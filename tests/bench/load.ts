import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";
import { dashboardTab } from "./dashboard-client.ts";
import {
  type BenchUser,
  machineSummary,
  markdownTable,
  ms,
  numberOption,
  percentile,
  signedInUser,
  type TimedResponse,
  upstreamCallCounts,
  withStack,
} from "./support.ts";

/*
 * Many dashboards open at once against the built Worker under
 * `wrangler dev`, the fakes answering after L ms. Each simulated user has
 * its own session and, like the page's script, sends the item on screen
 * with each refresh: GET / at its start and every 60 s, GET
 * /api/now-playing every 10 s in between. Starts are spread over 10 s.
 * Exits 1 on any error. `npm run load -- --short`
 */

const { values } = parseArgs({
  options: {
    latency: { type: "string", default: "100" },
    users: { type: "string" },
    minutes: { type: "string" },
    short: { type: "boolean", default: false },
  },
});
const latencyMs = numberOption("latency", values.latency);
const users = numberOption(
  "users",
  values.users ?? (values.short ? "50" : "200"),
  1,
);
const minutes = numberOption(
  "minutes",
  values.minutes ?? (values.short ? "0.5" : "5"),
);
const TICK_MS = 10_000;
const TICKS_PER_PAGE = 6;
const STAGGER_MS = 10_000;

type Kind = "page" | "refresh";
interface Tally {
  sent: number;
  errors: number;
  /** To the last byte, answers of any status. */
  totalMs: number[];
}
const tallies: Record<Kind, Tally> = {
  page: { sent: 0, errors: 0, totalMs: [] },
  refresh: { sent: 0, errors: 0, totalMs: [] },
};
const errorSamples = new Set<string>();

/** `lateMs`: how long after its due time the request could be sent. */
function record(kind: Kind, outcome: TimedResponse | Error, lateMs: number) {
  const tally = tallies[kind];
  tally.sent += 1;
  if (outcome instanceof Error) {
    tally.errors += 1;
    errorSamples.add(`${kind}: ${outcome.message}`);
    return;
  }
  // Timed from when it was due, so a Worker that falls behind shows it.
  tally.totalMs.push(lateMs + outcome.totalMs);
  if (outcome.status < 200 || outcome.status > 299) {
    tally.errors += 1;
    errorSamples.add(`${kind}: HTTP ${outcome.status}`);
  }
}

async function simulate(
  user: BenchUser,
  appUrl: string,
  startAt: number,
  endAt: number,
) {
  const tab = dashboardTab(appUrl, user.cookie);
  for (let tick = 0; ; tick++) {
    const due = startAt + tick * TICK_MS;
    if (due >= endAt) return;
    await delay(Math.max(0, due - performance.now()));
    const lateMs = Math.max(0, performance.now() - due);
    const kind: Kind = tick % TICKS_PER_PAGE === 0 ? "page" : "refresh";
    const send = kind === "page" ? tab.load() : tab.refresh();
    const outcome = await send.catch(
      (error: unknown) => new Error(String(error)),
    );
    record(kind, outcome, lateMs);
  }
}

const perUser = await withStack(latencyMs, async (stack) => {
  const people: BenchUser[] = [];
  for (let index = 0; index < users; index++) {
    people.push(await signedInUser(stack));
  }
  const started = performance.now();
  const endAt = started + minutes * 60_000;
  await Promise.all(
    people.map((user, index) => {
      const startAt = started + (index * STAGGER_MS) / users;
      return simulate(user, stack.appUrl, startAt, endAt);
    }),
  );
  const counts = await Promise.all(
    people.map((user) => upstreamCallCounts(stack, user.userId)),
  );
  return {
    clerk: counts.map((count) => count.clerk),
    spotify: counts.map((count) => count.spotify),
  };
});

const mean = (values: number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

const requestRow = (label: string, kind: Kind) => {
  const { sent, errors, totalMs } = tallies[kind];
  const p50 = ms(percentile(totalMs, 50));
  return [
    label,
    String(sent),
    String(errors),
    p50,
    ms(percentile(totalMs, 95)),
  ];
};

const upstreamRow = (service: string, counts: number[]) => [
  service,
  mean(counts).toFixed(2),
  (mean(counts) / minutes).toFixed(2),
  String(Math.max(...counts)),
];

console.log(`
${machineSummary()}
${users} users for ${minutes} min, fakes' latency L = ${latencyMs} ms; each
user loads GET / at its start and every 60 s and refreshes every 10 s in
between; starts spread over the first 10 s. Latency to the last byte,
counted from when the request was due.

${markdownTable(
  ["Request", "Count", "Errors", "p50", "p95"],
  [
    requestRow("GET / (page)", "page"),
    requestRow("GET /api/now-playing (refresh)", "refresh"),
  ],
)}

${markdownTable(
  ["Upstream calls", "Per user", "Per user per minute", "Most for one user"],
  [
    upstreamRow("Clerk", perUser.clerk),
    upstreamRow("Spotify", perUser.spotify),
  ],
)}
`);

const errorCount = tallies.page.errors + tallies.refresh.errors;
if (errorCount > 0) {
  const examples = [...errorSamples].slice(0, 5).join("\n");
  console.error(`${errorCount} errors, for example:\n${examples}`);
  process.exitCode = 1;
}
