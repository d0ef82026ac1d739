import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { chromiumLaunch, desktop } from "../browser/chromium.ts";
import {
  createFakeUser,
  readUpstreamCalls,
} from "../browser/support/fake-users.ts";
import { setVisibility } from "../browser/support/visibility.ts";
import { startDemo } from "../demo/stack.ts";

/*
 * How many Spotify calls one open dashboard costs, per minute, while the
 * track plays, while it is paused, and while the tab is hidden. A figure
 * for the README, not a test: `npm run bench:calls -- --minutes 2`
 */

const { values } = parseArgs({
  options: { minutes: { type: "string", default: "2" } },
});
const minutes = Number(values.minutes);

const states = [
  { name: "playing", spotify: "track", hidden: false },
  { name: "paused", spotify: "paused", hidden: false },
  { name: "hidden tab, playing", spotify: "track", hidden: true },
] as const;

const stack = await startDemo({ appPort: 0, clerkPort: 0, log: "ignore" });
const browser = await chromium.launch(chromiumLaunch);

async function spotifyCalls(userId: string) {
  const calls = await readUpstreamCalls(stack.fakes.clerkUrl, userId);
  return calls.filter((call) => call.service === "spotify");
}

const rows: string[] = [];
try {
  // The three dashboards run side by side, each with its own user.
  await Promise.all(
    states.map(async (state) => {
      const user = await createFakeUser(stack.fakes.clerkUrl, stack.appUrl, {
        spotify: state.spotify,
      });
      const context = await browser.newContext(desktop);
      await context.addCookies(
        Object.entries(user.cookies).map(([name, value]) => ({
          name,
          value,
          domain: "localhost",
          path: "/",
        })),
      );
      const page = await context.newPage();
      await page.goto(stack.appUrl);
      await page.getByText(/Playing now|Paused/).waitFor();
      const onLoad = (await spotifyCalls(user.userId)).length;
      if (state.hidden) await setVisibility(page, "hidden");

      await page.waitForTimeout(minutes * 60_000);
      const calls = (await spotifyCalls(user.userId)).slice(onLoad);
      const paths = [...new Set(calls.map((call) => call.path))].join(", ");
      rows.push(
        `| ${state.name} | ${onLoad} | ${(calls.length / minutes).toFixed(1)} | ${paths || "none"} |`,
      );
      await context.close();
    }),
  );
} finally {
  await browser.close();
  await stack.stop();
}

console.log(`
Spotify calls for one open dashboard, over ${minutes} min per state
(fake Spotify, ${new Date().toISOString().slice(0, 10)}):

| State | Calls to render the page | Calls per minute after | Endpoints |
|---|---|---|---|
${rows.join("\n")}
`);
