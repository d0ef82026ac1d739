import { test as base, expect, type Response } from "@playwright/test";
import { DEMO_USER_ID } from "../demo/stack.ts";
import { type DemoAddresses, readDemoAddresses } from "./demo-addresses.ts";
import { type ConsoleWatch, watchConsole } from "./support/console-watch.ts";
import { watchCspViolations } from "./support/csp-watch.ts";
import { lockDemoUser } from "./support/demo-user-lock.ts";
import {
  createFakeUser,
  type FakeUser,
  readFakeUser,
  type Scenario,
  type SessionCookies,
  switchFakeUser,
} from "./support/fake-users.ts";
import { checkScreen } from "./support/screen-checks.ts";

interface DemoUser {
  displayName: string;
  email: string;
  /** What the fake Spotify plays for the demo user, from 0:42, at the start. */
  playingTrack: string;
}

interface Fixtures {
  demo: DemoAddresses;
  consoleWatch: ConsoleWatch;
  /** What the page's Content-Security-Policy blocked; must stay empty. */
  cspViolations: string[];
  /** A new fake user in these scenarios, signed in in this browser. */
  signInAs: (scenario: Scenario) => Promise<FakeUser>;
  /** Gives a fake user's Spotify a new scenario; Clerk stays connected. */
  switchSpotify: (
    user: FakeUser,
    spotify: NonNullable<Scenario["spotify"]>,
  ) => Promise<void>;
  /** Puts a session's cookies in this browser, as clerk-js writes them. */
  putSession: (cookies: SessionCookies) => Promise<void>;
  /** Opens a page of the app and checks the HTTP status it answered with. */
  visit: (path: string, status?: number) => Promise<Response>;
  /** Screenshot, accessibility and overflow checks for the current screen. */
  checkScreen: (name: string) => Promise<void>;
  /** The shared demo user, held for this test alone, put back afterwards. */
  demoUser: DemoUser;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the pattern
  demo: async ({}, use) => {
    await use(readDemoAddresses());
  },

  consoleWatch: [
    async ({ context }, use) => {
      const watch = watchConsole(context);
      await use(watch);
      expect(watch.unexpected, "page and console errors").toEqual([]);
    },
    { auto: true },
  ],

  cspViolations: [
    async ({ context }, use) => {
      const violations = await watchCspViolations(context);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],

  putSession: async ({ context, demo }, use) => {
    await use(async (cookies) => {
      const domain = new URL(demo.appUrl).hostname;
      await context.addCookies(
        Object.entries(cookies).map(([name, value]) => ({
          name,
          value,
          domain,
          path: "/",
        })),
      );
    });
  },

  signInAs: async ({ demo, putSession }, use) => {
    await use(async (scenario) => {
      const user = await createFakeUser(demo.clerkUrl, demo.appUrl, scenario);
      await putSession(user.cookies);
      return user;
    });
  },

  switchSpotify: async ({ demo }, use) => {
    await use((user, spotify) =>
      switchFakeUser(demo.clerkUrl, user.userId, {
        spotify,
        clerk: "connected",
      }),
    );
  },

  visit: async ({ page, demo, consoleWatch }, use) => {
    await use(async (path, status = 200) => {
      const url = new URL(path, demo.appUrl).href;
      if (status >= 400) consoleWatch.expectDocumentStatus(url, status);
      const response = await page.goto(url);
      if (!response) throw new Error(`no response for ${url}`);
      expect(response.status(), `HTTP status of ${path}`).toBe(status);
      return response;
    });
  },

  checkScreen: async ({ page }, use, testInfo) => {
    await use((name) => checkScreen(page, testInfo.project.name, name));
  },

  demoUser: async ({ demo }, use) => {
    const unlock = await lockDemoUser();
    try {
      // The demo plays on in real time between tests; starting its track over
      // leaves minutes of it, so no test sees it end halfway through.
      await switchFakeUser(demo.clerkUrl, DEMO_USER_ID, {
        spotify: "track",
        restart: true,
      });
      const { account, nowPlaying } = await readFakeUser(
        demo.clerkUrl,
        DEMO_USER_ID,
      );
      if (!nowPlaying) throw new Error("the demo user is not playing anything");
      await use({ ...account, playingTrack: nowPlaying.name });
    } finally {
      await switchFakeUser(demo.clerkUrl, DEMO_USER_ID, {
        spotify: "track",
        clerk: "connected",
      });
      await unlock();
    }
  },
});

export { expect };
