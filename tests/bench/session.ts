import { setTimeout as delay } from "node:timers/promises";
import type { DemoStack } from "../demo/stack.ts";
import { dashboardTab, refreshHadChanges } from "./dashboard-client.ts";
import { expectOk, signedInUser, upstreamCallCounts } from "./support.ts";

/*
 * One user's dashboard over a session, after a first visit: twelve page
 * views at even intervals, every fourth a full page load (a reload) and
 * the rest the script's refreshes. The fakes' records of the user's calls
 * say what each view cost upstream.
 */

const VIEWS = 12;
const RELOAD_EVERY = 4;

export interface SessionCosts {
  firstVisit: { clerk: number; spotify: number };
  loads: number;
  refreshes: number;
  /** Refreshes that found a new item, and so read history and queue. */
  refreshesWithChanges: number;
  clerk: number;
  spotifyOnLoads: number;
  spotifyOnUnchangedRefreshes: number;
}

export async function measureSession(
  stack: DemoStack,
  durationMs: number,
): Promise<SessionCosts> {
  const user = await signedInUser(stack);
  const tab = dashboardTab(stack.appUrl, user.cookie);
  expectOk(await tab.load(), "first visit");
  const firstVisit = await upstreamCallCounts(stack, user.userId);

  const costs: SessionCosts = {
    firstVisit,
    loads: 0,
    refreshes: 0,
    refreshesWithChanges: 0,
    clerk: 0,
    spotifyOnLoads: 0,
    spotifyOnUnchangedRefreshes: 0,
  };
  let before = firstVisit;
  const started = performance.now();
  for (let view = 0; view < VIEWS; view++) {
    const due = started + ((view + 1) * durationMs) / VIEWS;
    await delay(Math.max(0, due - performance.now()));
    const isLoad = view % RELOAD_EVERY === 0;
    const response = isLoad ? await tab.load() : await tab.refresh();
    expectOk(response, isLoad ? "page load" : "refresh");

    const after = await upstreamCallCounts(stack, user.userId);
    const spotify = after.spotify - before.spotify;
    costs.clerk += after.clerk - before.clerk;
    if (isLoad) {
      costs.loads += 1;
      costs.spotifyOnLoads += spotify;
    } else if (refreshHadChanges(response.body)) {
      costs.refreshes += 1;
      costs.refreshesWithChanges += 1;
    } else {
      costs.refreshes += 1;
      costs.spotifyOnUnchangedRefreshes += spotify;
    }
    before = after;
  }
  return costs;
}
