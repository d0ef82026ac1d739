/*
 * Data rendered into the page by the server was read before the page's
 * script ran: by the time it hydrates, a page that took a second to load
 * shows progress a second behind, and refreshes a second late at the end
 * of a track. The document's first byte left the server right after the
 * read, so its arrival is the better time for that data. Anything loaded
 * later (client navigation, revalidation) arrives when its effect runs.
 */

/** Longer than any page load worth correcting for; guards odd timings. */
const MAX_LOAD_MS = 10_000;

let documentDataSeen = false;

/** Browser time at which the data being taken now reached the browser. */
export function dataArrivedAt() {
  const now = Date.now();
  if (documentDataSeen) return now;
  documentDataSeen = true;
  const [navigation] = performance.getEntriesByType("navigation");
  if (!(navigation instanceof PerformanceNavigationTiming)) return now;
  // A client navigation from another page brought this data, not the
  // document.
  if (!isThisPage(navigation.name)) return now;
  const sinceFirstByte = performance.now() - navigation.responseStart;
  return now - Math.min(Math.max(sinceFirstByte, 0), MAX_LOAD_MS);
}

function isThisPage(documentUrl: string) {
  const loaded = new URL(documentUrl);
  return (
    loaded.pathname === window.location.pathname &&
    loaded.search === window.location.search
  );
}
