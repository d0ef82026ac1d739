import {
  type NowPlayingPanel,
  type NowPlayingRefresh,
  panelItemKey,
} from "./playback";
import {
  type RefreshOutcome,
  requestRefresh,
  type SessionRenewal,
  type Upstream,
} from "./refresh-request";
import {
  AFTER_COMMAND_MS,
  delayAfterOutage,
  delayAfterRateLimit,
  delayAfterRead,
  type ItemEndWatch,
  isAtItemEnd,
  watchItemEnd,
} from "./refresh-schedule";

/** Why the data on screen may be old. */
export type Staleness =
  | { kind: "fresh" }
  | { kind: "unavailable"; upstream: Upstream }
  | { kind: "rate-limited"; retryAfterSeconds: number | null };

export interface RefreshEvents {
  read(refresh: NowPlayingRefresh): void;
  stale(staleness: Staleness): void;
  reload(): void;
}

/** A read this recent makes a wake-up wait for the next planned refresh. */
const WAKE_FLOOR_MS = 5_000;

const progressOf = (panel: NowPlayingPanel) =>
  panel.status === "active" ? panel.playback.progressMs : null;

/** Where playback should be now, for data read at `readAt`. */
function progressSince(panel: NowPlayingPanel, readAt: number) {
  const progress = progressOf(panel);
  if (progress === null || panel.status !== "active") return progress;
  const playing = panel.playback.isPlaying;
  return playing ? progress + Math.max(0, Date.now() - readAt) : progress;
}

/**
 * The refresh cycle of one dashboard, from the data it starts with until
 * `stop`. One refresh at a time, none while the tab is hidden or a player
 * command is on its way, and no reply applied once a newer refresh or a
 * command has started: it would show what was true before.
 */
export function startRefreshLoop(
  first: NowPlayingPanel,
  firstReadAt: number,
  renewSession: SessionRenewal,
  events: RefreshEvents,
) {
  let panel = first;
  let lastReadAt = firstReadAt;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the next refresh is due; kept while the tab is hidden. */
  let dueAt: number | null = null;
  /** The end of a Retry-After wait or of an outage's backoff. */
  let waitUntil: number | null = null;
  let outages = 0;
  let itemEnd: ItemEndWatch | null = null;
  let latest = 0;
  let inFlight: AbortController | null = null;
  let commandPending = false;
  let stopped = false;

  const hidden = () => document.visibilityState === "hidden";

  function plan(delayMs: number) {
    clearTimeout(timer);
    timer = undefined;
    dueAt = Date.now() + delayMs;
    if (stopped || hidden()) return;
    timer = setTimeout(() => {
      timer = undefined;
      // The command's own outcome plans what follows it.
      if (!commandPending) void refresh();
    }, delayMs);
  }

  function wait(delayMs: number) {
    waitUntil = Date.now() + delayMs;
    plan(delayMs);
  }

  /**
   * Refreshes now if it is due, or plans it for when it is. A wake-up makes
   * it due at once, unless a wait is running or the last read is recent.
   */
  function catchUp(wakeUp: boolean) {
    const now = Date.now();
    let due = dueAt ?? now;
    if (waitUntil !== null && waitUntil > now) due = waitUntil;
    else if (wakeUp && now - lastReadAt >= WAKE_FLOOR_MS) due = now;
    if (due <= now) void refresh();
    else plan(due - now);
  }

  async function refresh() {
    if (stopped || hidden()) return;
    clearTimeout(timer);
    timer = undefined;
    dueAt = null;
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const request = ++latest;
    const item = encodeURIComponent(panelItemKey(panel));
    const outcome = await requestRefresh(
      `/api/now-playing?item=${item}`,
      controller.signal,
      renewSession,
    );
    if (inFlight === controller) inFlight = null;
    if (stopped || controller.signal.aborted || request !== latest) return;
    settle(outcome);
  }

  function settle(outcome: RefreshOutcome) {
    switch (outcome.kind) {
      case "read": {
        outages = 0;
        waitUntil = null;
        lastReadAt = Date.now();
        panel = outcome.refresh.nowPlaying;
        events.read(outcome.refresh);
        events.stale({ kind: "fresh" });
        const progress = progressOf(panel);
        const atEnd = isAtItemEnd(panel, progress);
        itemEnd = watchItemEnd(itemEnd, panelItemKey(panel), atEnd);
        plan(delayAfterRead(panel, progress, itemEnd?.reads));
        return;
      }
      case "rate-limited": {
        const { retryAfterSeconds } = outcome;
        events.stale({ kind: "rate-limited", retryAfterSeconds });
        wait(delayAfterRateLimit(retryAfterSeconds));
        return;
      }
      case "unavailable":
        outages += 1;
        events.stale({ kind: "unavailable", upstream: outcome.upstream });
        wait(delayAfterOutage(outages));
        return;
      case "reload":
        stop();
        events.reload();
        return;
    }
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
    inFlight?.abort();
  }

  if (first.status === "unavailable") {
    outages = 1;
    wait(delayAfterOutage(outages));
  } else {
    plan(delayAfterRead(first, progressSince(first, firstReadAt)));
  }

  return {
    /** The tab was shown, hidden or focused. */
    wake() {
      if (stopped) return;
      if (hidden()) {
        clearTimeout(timer);
        timer = undefined;
        return;
      }
      // A refresh on its way, or a command about to be confirmed, will do.
      if (inFlight || commandPending) return;
      catchUp(true);
    },
    commandStarted() {
      commandPending = true;
      // Whatever is in flight was read before the command.
      latest += 1;
    },
    commandSettled(accepted: boolean) {
      commandPending = false;
      if (accepted) {
        waitUntil = null;
        plan(AFTER_COMMAND_MS);
      } else {
        catchUp(false);
      }
    },
    stop,
  };
}

export type RefreshLoop = ReturnType<typeof startRefreshLoop>;
