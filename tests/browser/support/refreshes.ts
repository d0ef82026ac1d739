import type { Page, Request } from "@playwright/test";

/** The dashboard's refresh through its JSON route. */
export const REFRESH = /\/api\/now-playing/;

export const isRefresh = (request: Request) => REFRESH.test(request.url());

/** A player command the page posts without leaving the page. */
export const isCommand = (request: Request) =>
  request.method() === "POST" && request.resourceType() === "fetch";

/** Every request of this kind the page makes from now on, oldest first. */
export function watchRequests(page: Page, matches: (r: Request) => boolean) {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (matches(request)) seen.push(request);
  });
  return seen;
}

export const watchRefreshes = (page: Page) => watchRequests(page, isRefresh);
