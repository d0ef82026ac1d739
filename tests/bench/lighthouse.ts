import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as v from "valibot";
import { ROOT, runNodeScript } from "./node-script.ts";

/*
 * Lighthouse's mobile run (its default form factor) against a signed-in
 * dashboard, on Debian's Chromium. Offline, clerk-js cannot load from
 * Clerk's host; that failed request is in the console and costs the
 * best-practices score its "errors in console" audit.
 */

const CLI = join(ROOT, "node_modules", "lighthouse", "cli", "index.js");
const CATEGORIES = ["performance", "accessibility", "best-practices"];

const Report = v.object({
  runtimeError: v.optional(v.object({ code: v.string(), message: v.string() })),
  categories: v.record(
    v.string(),
    v.object({
      score: v.nullable(v.number()),
      auditRefs: v.array(v.object({ id: v.string(), weight: v.number() })),
    }),
  ),
  audits: v.record(
    v.string(),
    v.looseObject({ score: v.nullable(v.number()) }),
  ),
});

const ConsoleErrors = v.object({
  details: v.object({
    items: v.array(
      v.object({
        description: v.string(),
        sourceLocation: v.optional(v.object({ url: v.string() })),
      }),
    ),
  }),
});

export interface LighthouseScores {
  /** 0-100 by category id, as Lighthouse shows them. */
  scores: Record<string, number>;
  /** Weighted audits that did not score full marks, as "category: id". */
  shortfalls: string[];
  /** What the browser's console reported as errors, once each. */
  consoleErrors: string[];
}

export async function runLighthouse(
  url: string,
  cookie: string,
): Promise<LighthouseScores> {
  const folder = await mkdtemp(join(tmpdir(), "lighthouse-"));
  try {
    // In a file, so the session cookie is not on a command line.
    const headers = join(folder, "headers.json");
    await writeFile(headers, JSON.stringify({ Cookie: cookie }));
    const output = join(folder, "report.json");
    await runNodeScript(
      CLI,
      [
        url,
        "--quiet",
        "--output=json",
        `--output-path=${output}`,
        `--only-categories=${CATEGORIES.join(",")}`,
        "--form-factor=mobile",
        "--chrome-flags=--headless=new --no-sandbox",
        `--extra-headers=${headers}`,
      ],
      { CHROME_PATH: "/usr/bin/chromium" },
    );
    return scoresOf(JSON.parse(await readFile(output, "utf8")));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function scoresOf(json: unknown): LighthouseScores {
  const report = v.parse(Report, json);
  if (report.runtimeError) {
    const { code, message } = report.runtimeError;
    throw new Error(`Lighthouse could not run: ${code} ${message}`);
  }
  const scores: Record<string, number> = {};
  const shortfalls: string[] = [];
  for (const [id, category] of Object.entries(report.categories)) {
    scores[id] = Math.round((category.score ?? 0) * 100);
    for (const ref of category.auditRefs) {
      const score = report.audits[ref.id]?.score ?? null;
      if (ref.weight > 0 && score !== null && score < 1) {
        shortfalls.push(`${id}: ${ref.id}`);
      }
    }
  }
  const consoleErrors = consoleErrorsOf(report.audits["errors-in-console"]);
  return { scores, shortfalls, consoleErrors };
}

function consoleErrorsOf(audit: unknown): string[] {
  const parsed = v.safeParse(ConsoleErrors, audit);
  if (!parsed.success) return [];
  const errors = parsed.output.details.items.map(
    ({ description, sourceLocation }) =>
      sourceLocation ? `${description} (${sourceLocation.url})` : description,
  );
  return [...new Set(errors)];
}
