import {
  BUDGETS,
  dashboardScriptsInBuild,
  KB,
  KIB,
  readFromBuild,
  scriptsGzip,
  WORKER_DIR,
  workerBundleGzip,
} from "./sizes.ts";
import { markdownTable } from "./support.ts";

/*
 * Size budgets, checked in CI after `npm run build` and
 * `npm run deploy:check`: sizes are the same on every machine, so an
 * overrun is a change to look at, not noise. Exits 1 when over.
 */

const workerGzip = await workerBundleGzip(WORKER_DIR);
const scripts = await dashboardScriptsInBuild();
const clientJs = await scriptsGzip(scripts, readFromBuild());

const checks = [
  {
    name: "Worker bundle, minified, gzipped",
    figure: workerGzip / KIB,
    budget: BUDGETS.workerGzipKiB,
    unit: "KiB",
  },
  {
    name: `Dashboard's own client JS, gzipped (${clientJs.files} files, no clerk-js)`,
    figure: clientJs.gzipBytes / KB,
    budget: BUDGETS.clientJsGzipKB,
    unit: "KB",
  },
];

const rows = checks.map((check) => [
  check.name,
  `${check.figure.toFixed(1)} ${check.unit}`,
  `≤ ${check.budget} ${check.unit}`,
  check.figure <= check.budget ? "pass" : "OVER",
]);
console.log(markdownTable(["Size", "Now", "Budget", ""], rows));

const over = checks.filter((check) => check.figure > check.budget);
if (over.length > 0) {
  console.error(`\nOver budget: ${over.map((check) => check.name).join("; ")}`);
  process.exitCode = 1;
}
