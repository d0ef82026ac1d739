import { decode } from "turbo-stream";
import { type NowPlayingPanel, panelItemKey } from "../../app/lib/playback.ts";
import { type TimedResponse, timedGet } from "./support.ts";

/*
 * The `?item=` key the dashboard's own script sends with each refresh, so a
 * simulated browser costs the Worker what a real one does: the key of the
 * item on screen, first from the server-rendered page, then from the last
 * refresh.
 */

export interface DashboardTab {
  /** GET / as a full page load. */
  load(): Promise<TimedResponse>;
  /** The script's refresh, naming the item on screen. */
  refresh(): Promise<TimedResponse>;
}

/** One open dashboard of a signed-in user. */
export function dashboardTab(appUrl: string, cookie: string): DashboardTab {
  let shownItem = "";
  return {
    async load() {
      const page = await timedGet(`${appUrl}/`, cookie);
      if (page.status === 200) {
        shownItem = (await renderedItemKey(page.body)) ?? shownItem;
      }
      return page;
    },
    async refresh() {
      const item = encodeURIComponent(shownItem);
      const url = `${appUrl}/api/now-playing?item=${item}`;
      const refresh = await timedGet(url, cookie, "application/json");
      if (refresh.status === 200) {
        shownItem = refreshedItemKey(refresh.body) ?? shownItem;
      }
      return refresh;
    },
  };
}

/** The key of the item a server-rendered dashboard shows. */
async function renderedItemKey(html: string): Promise<string | null> {
  const loaderData = field(await pageData(html), "loaderData");
  const panel = field(field(loaderData, "routes/home"), "nowPlaying");
  return isNowPlayingPanel(panel) ? panelItemKey(panel) : null;
}

/** The key of the item a refresh answered with. */
function refreshedItemKey(body: string): string | null {
  const panel = field(JSON.parse(body), "nowPlaying");
  return isNowPlayingPanel(panel) ? panelItemKey(panel) : null;
}

/** Whether a refresh carried the history and queue (the item changed). */
export function refreshHadChanges(body: string): boolean {
  return field(JSON.parse(body), "changes") !== undefined;
}

/** Remix's single-fetch data, as the page's script decodes it. */
async function pageData(html: string): Promise<unknown> {
  const enqueued = html.matchAll(
    /streamController\.enqueue\(("(?:[^"\\]|\\.)*")\)/g,
  );
  const encoder = new TextEncoder();
  const chunks = [...enqueued].map((match) =>
    encoder.encode(JSON.parse(match[1] ?? '""')),
  );
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const decoded = await decode(stream);
  await decoded.done;
  return decoded.value;
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  return Object.hasOwn(value, key) ? Reflect.get(value, key) : undefined;
}

function isNowPlayingPanel(value: unknown): value is NowPlayingPanel {
  const status = field(value, "status");
  if (status === "idle" || status === "unavailable") return true;
  const item = field(field(value, "playback"), "item");
  return status === "active" && typeof field(item, "type") === "string";
}
