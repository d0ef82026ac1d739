import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { DemoStack } from "../demo/stack.ts";
import { runLighthouse } from "./lighthouse.ts";
import { measureSession } from "./session.ts";
import {
  BUDGETS,
  buildWorkerBundle,
  KB,
  KIB,
  scriptsGzip,
  scriptsInHtml,
  workerBundleGzip,
} from "./sizes.ts";
import {
  closedLoopRate,
  expectOk,
  machineSummary,
  markdownTable,
  median,
  ms,
  numberOption,
  signedInUser,
  timedGet,
  withStack,
} from "./support.ts";

/*
 * The dashboard's figures against their targets, on the built Worker under
 * `wrangler dev` with the fakes answering after L ms. A report, not a
 * test: it exits 0 on a miss. `npm run bench -- --quick --latency 100`
 */

const { values } = parseArgs({
  options: {
    latency: { type: "string", default: "100" },
    quick: { type: "boolean", default: false },
  },
});
const latencyMs = numberOption("latency", values.latency, 1);
const sessionMs = values.quick ? 15_000 : 60_000;
const rateMs = values.quick ? 3_000 : 10_000;
const CONNECTIONS = 4;
const STATIC_ASSET = "/favicon.svg";

interface Line {
  figure: string;
  now: string;
  target: string;
  met: boolean;
}
const ratio = (value: number) => value.toFixed(2);

async function workerBundleLine(): Promise<Line> {
  const outdir = await mkdtemp(join(tmpdir(), "worker-bundle-"));
  try {
    await buildWorkerBundle(outdir);
    const kib = (await workerBundleGzip(outdir)) / KIB;
    const budget = BUDGETS.workerGzipKiB;
    return {
      figure: "Worker bundle, minified, gzipped",
      now: `${kib.toFixed(1)} KiB`,
      target: `≤ ${budget} KiB`,
      met: kib <= budget,
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}

async function pageTimingLines(stack: DemoStack): Promise<Line[]> {
  const home = `${stack.appUrl}/`;
  const regular = await signedInUser(stack);
  expectOk(await timedGet(home, regular.cookie), "first visit");
  const warm: number[] = [];
  for (let load = 0; load < 20; load++) {
    const page = await timedGet(home, regular.cookie);
    expectOk(page, "warm page load");
    warm.push(page.ttfbMs);
  }

  const cold: number[] = [];
  for (let visitor = 0; visitor < 10; visitor++) {
    const newcomer = await signedInUser(stack);
    const page = await timedGet(home, newcomer.cookie);
    expectOk(page, "first page load");
    cold.push(page.ttfbMs);
  }

  const warmRatio = median(warm) / latencyMs;
  const coldRatio = median(cold) / latencyMs;
  return [
    {
      figure: "Warm dashboard TTFB ÷ L (median of 20 loads)",
      now: `${ratio(warmRatio)} (${ms(median(warm))})`,
      target: "≤ 1.2",
      met: warmRatio <= 1.2,
    },
    {
      figure: "Cold-token TTFB ÷ L (median of 10 new users)",
      now: `${ratio(coldRatio)} (${ms(median(cold))})`,
      target: "≤ 2.2",
      met: coldRatio <= 2.2,
    },
  ];
}

async function sessionLines(stack: DemoStack): Promise<Line[]> {
  const costs = await measureSession(stack, sessionMs);
  const views = costs.loads + costs.refreshes;
  const clerkPerView = costs.clerk / views;
  const perLoad = costs.spotifyOnLoads / costs.loads;
  const unchanged = costs.refreshes - costs.refreshesWithChanges;
  const perRefresh = costs.spotifyOnUnchangedRefreshes / unchanged;
  notes.push(
    `Session: after a first visit (${costs.firstVisit.clerk} Clerk and ` +
      `${costs.firstVisit.spotify} Spotify calls), ${views} page views ` +
      `over ${sessionMs / 1000} s: ${costs.loads} full page loads and ` +
      `${costs.refreshes} refreshes of /api/now-playing, ` +
      `${costs.refreshesWithChanges} of which found a new item.`,
  );
  return [
    {
      figure: "Clerk calls per page view (page load or refresh)",
      now: `${clerkPerView.toFixed(3)} (${costs.clerk} in ${views})`,
      target: "≤ 0.05",
      met: clerkPerView <= 0.05,
    },
    {
      figure: "Spotify calls per render (page load)",
      now: perLoad.toFixed(1),
      target: "≤ 3 (player, history, queue)",
      met: perLoad <= 3,
    },
    {
      figure: "Spotify calls per refresh, same item",
      now: perRefresh.toFixed(1),
      target: "≤ 1 (player)",
      met: perRefresh <= 1,
    },
  ];
}

async function rateLine(stack: DemoStack): Promise<Line> {
  const user = await signedInUser(stack);
  const rate = async (path: string, durationMs: number) => {
    const url = `${stack.appUrl}${path}`;
    const run = await closedLoopRate(url, user.cookie, CONNECTIONS, durationMs);
    if (run.failures > 0) throw new Error(`${run.failures} ${path} failed`);
    return run.perSecond;
  };
  await rate("/", 1_000);
  await rate(STATIC_ASSET, 1_000);
  const page = await rate("/", rateMs);
  const file = await rate(STATIC_ASSET, rateMs);
  notes.push(
    `Requests/s: L = 0, ${CONNECTIONS} connections in a closed loop, ` +
      `${rateMs / 1000} s each after a 1 s warm-up.`,
  );
  return {
    figure: `Requests/s, dashboard ÷ ${STATIC_ASSET}`,
    now: `${ratio(page / file)} (${page.toFixed(0)} ÷ ${file.toFixed(0)})`,
    target: "≥ 0.5",
    met: page / file >= 0.5,
  };
}

async function clientJsLine(stack: DemoStack): Promise<Line> {
  const user = await signedInUser(stack);
  const page = await timedGet(`${stack.appUrl}/`, user.cookie);
  expectOk(page, "dashboard");
  const scripts = scriptsInHtml(page.body);
  const size = await scriptsGzip(scripts, async (path) => {
    const response = await fetch(`${stack.appUrl}${path}`);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  });
  const kb = size.gzipBytes / KB;
  const budget = BUDGETS.clientJsGzipKB;
  return {
    figure: `Page's own client JS, gzipped (${size.files} files, no clerk-js)`,
    now: `${kb.toFixed(1)} KB`,
    target: `≤ ${budget} KB`,
    met: kb <= budget,
  };
}

async function lighthouseLines(stack: DemoStack): Promise<Line[]> {
  const user = await signedInUser(stack);
  const { scores, shortfalls, consoleErrors } = await runLighthouse(
    `${stack.appUrl}/`,
    user.cookie,
  );
  if (shortfalls.length > 0) {
    notes.push(
      `Lighthouse audits short of full marks: ${shortfalls.join(", ")}.`,
    );
  }
  if (consoleErrors.length > 0) {
    notes.push(`Console errors Lighthouse saw: ${consoleErrors.join("; ")}.`);
  }
  const targets = { performance: 95, accessibility: 100, "best-practices": 95 };
  return Object.entries(targets).map(([category, target]) => {
    const score = scores[category] ?? 0;
    return {
      figure: `Lighthouse ${category}, mobile`,
      now: String(score),
      target: `≥ ${target}`,
      met: score >= target,
    };
  });
}

const notes = [
  "TTFB: until the status line and headers arrive. Warm: a user who has " +
    "visited before; cold: a new user, no Spotify token cached.",
];
const bundle = await workerBundleLine();
const atLatency = await withStack(latencyMs, async (stack) => ({
  timing: await pageTimingLines(stack),
  session: await sessionLines(stack),
  clientJs: await clientJsLine(stack),
  lighthouse: await lighthouseLines(stack),
}));
// Its own stack, once the first has stopped: two cores do not go far.
const rate = await withStack(0, rateLine);
const lines = [
  ...atLatency.timing,
  ...atLatency.session,
  rate,
  bundle,
  atLatency.clientJs,
  ...atLatency.lighthouse,
];

console.log(`
${machineSummary()}
Fakes' latency L: ${latencyMs} ms${values.quick ? " (--quick)" : ""}

${markdownTable(
  ["Figure", "Now", "Target", ""],
  lines.map(({ figure, now, target, met }) => [
    figure,
    now,
    target,
    met ? "pass" : "miss",
  ]),
)}

${notes.join("\n")}
`);
