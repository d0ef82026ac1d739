import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HOSTILE_NAMES } from "../fakes/hostile-names.ts";
import { expect, test } from "./fixtures.ts";

const SHARED_HEADERS = [
  "strict-transport-security",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-opener-policy",
];

/** The headers public/_headers gives every static file (its `/*` rule). */
async function staticFileHeaders() {
  const file = join(import.meta.dirname, "..", "..", "public", "_headers");
  const lines = (await readFile(file, "utf8")).split("\n");
  const rule = lines.slice(lines.indexOf("/*") + 1);
  const end = rule.findIndex((line) => !line.startsWith("  "));
  return new Map(
    rule.slice(0, end).map((line) => {
      const [name = "", ...value] = line.trim().split(": ");
      return [name.toLowerCase(), value.join(": ")] as const;
    }),
  );
}

test("the page's policy blocks what it does not name, and the test sees it", async ({
  page,
  signInAs,
  visit,
  cspViolations,
  consoleWatch,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/");
  await expect(page.getByText("Playing now")).toBeVisible();
  // Chromium logs the blocked load as well.
  consoleWatch.expectError(/tracker\.invalid.*Content Security Policy/);

  await page.evaluate(() => {
    const pixel = document.createElement("img");
    pixel.src = "https://tracker.invalid/pixel.png";
    document.body.appendChild(pixel);
  });

  await expect
    .poll(() => [...cspViolations])
    .toEqual([
      expect.stringMatching(
        /^img-src blocked https:\/\/tracker\.invalid\/pixel\.png at /,
      ),
    ]);
  // Seen and expected: the fixture checks that nothing else was blocked.
  cspViolations.length = 0;
});

test("hostile names show as text and stay inside the screen", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    dialog.dismiss().catch(() => {});
  });
  await signInAs({ spotify: "hostile-names" });
  await visit("/");

  await expect(
    page.getByRole("heading", { name: HOSTILE_NAMES.track }),
  ).toBeVisible();
  await expect(page.getByText(HOSTILE_NAMES.album).first()).toBeVisible();
  await expect(page.locator("img[src=x], b[onmouseover]")).toHaveCount(0);
  await checkScreen("hostile-names");
  expect(dialogs, "alerts from the names").toBe(0);
});

test("static files carry the headers the Worker gives its pages", async ({
  request,
  demo,
}) => {
  const expected = await staticFileHeaders();
  const landing = await request.get(demo.appUrl);
  const script = /"(\/assets\/[\w.-]+\.js)"/.exec(await landing.text())?.[1];
  expect(script, "a script on the landing page").toBeDefined();

  for (const path of ["/favicon.svg", script ?? ""]) {
    const file = await request.get(new URL(path, demo.appUrl).href);
    expect(file.status(), path).toBe(200);
    for (const name of SHARED_HEADERS) {
      const value = expected.get(name);
      expect(value, `${name} in public/_headers`).toBeTruthy();
      expect(file.headers()[name], `${name} of ${path}`).toBe(value);
      expect(landing.headers()[name], `${name} of the page`).toBe(value);
    }
  }
});
