import type { Page, Request, Route } from "@playwright/test";

export interface Held {
  /** Resolves once the held request has reached its point of holding. */
  reached: Promise<void>;
  /** Lets it go on; resolves once the page has its answer or dropped it. */
  release(): Promise<void>;
}

type Matcher = (request: Request) => boolean;

/**
 * A slow network for the page's next request of a kind: the Worker reads
 * Spotify at once, but the page receives the answer only on `release()`.
 * For reads only: a post sent again from here would lose its Origin.
 */
export function holdNextReply(page: Page, matches: Matcher) {
  return holdNext(page, matches, async (route, released) => {
    const response = await route.fetch();
    released.reached();
    await released.promise;
    await route.fulfill({ response });
  });
}

/** A slow network on the way out: the Worker sees the request on release. */
export function holdNextRequest(page: Page, matches: Matcher) {
  return holdNext(page, matches, async (route, released) => {
    released.reached();
    await released.promise;
    await route.continue();
  });
}

async function holdNext(
  page: Page,
  matches: Matcher,
  hold: (
    route: Route,
    released: { reached(): void; promise: Promise<void> },
  ) => Promise<void>,
): Promise<Held> {
  const reached = settlement();
  const released = settlement();
  const delivered = settlement();

  // Unrouting while the handler runs would let the held request go, so
  // the handler stays, and lets everything after the first one through.
  let taken = false;
  const handler = async (route: Route) => {
    if (taken || !matches(route.request())) return route.fallback();
    taken = true;
    // A page that aborted the request has nothing left to deliver it to.
    await hold(route, { reached: reached.done, promise: released.promise })
      .catch(() => {})
      .finally(delivered.done);
  };
  await page.route("**/*", handler);

  return {
    reached: reached.promise,
    async release() {
      released.done();
      await delivered.promise;
    },
  };
}

function settlement() {
  let done: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    done = resolve;
  });
  return { promise, done };
}
