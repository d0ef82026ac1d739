import { HOSTILE_NAMES } from "../fakes/hostile-names.ts";
import { expect, test } from "./fixtures.ts";

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
