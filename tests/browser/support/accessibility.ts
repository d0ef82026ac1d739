import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type axe from "axe-core";

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let axeSource: Promise<string> | undefined;

/*
 * axe is evaluated rather than added as a script tag, so a strict
 * Content-Security-Policy on the page stays on and its violations still
 * show up as console errors.
 */
export async function expectNoSeriousViolations(page: Page) {
  axeSource ??= readFile(axePath, "utf8");
  await page.evaluate(await axeSource);

  const violations = await page.evaluate(async () => {
    if (!window.axe) throw new Error("axe-core did not load into the page");
    const results = await window.axe.run(document);
    return results.violations
      .filter(({ impact }) => impact === "serious" || impact === "critical")
      .map(({ id, impact, help, nodes }) => ({
        rule: id,
        impact,
        help,
        targets: nodes.map(({ target }) => target.join(" ")),
      }));
  });

  expect(violations, "serious or critical accessibility violations").toEqual(
    [],
  );
}
