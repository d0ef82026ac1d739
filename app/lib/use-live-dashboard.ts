import { useCallback, useEffect, useRef, useState } from "react";
import {
  type NowPlayingPanel,
  type NowPlayingRefresh,
  type PlayingItem,
  panelItemKey,
  type RecentPlay,
} from "./playback";
import {
  delayAfterOutage,
  delayAfterRateLimit,
  delayAfterRead,
} from "./refresh-schedule";

export type LiveData = {
  nowPlaying: NowPlayingPanel;
  recentlyPlayed: RecentPlay[] | null;
  queue: PlayingItem[] | null;
};

/** Why the data on screen may be old. */
export type Staleness =
  | { kind: "fresh" }
  | { kind: "unavailable" }
  | { kind: "rate-limited"; retryAfterSeconds: number | null };

export type LiveDashboard = LiveData & {
  /** Browser time the data was read; null until the page is hydrated. */
  readAt: number | null;
  staleness: Staleness;
  refreshIn(delayMs: number): void;
};

/**
 * Keeps the dashboard current through the JSON refresh route, timed to the
 * playing item, and silent while the tab is hidden. The server-rendered
 * data is the starting point and is taken again whenever the route's
 * loader runs.
 */
export function useLiveDashboard(initial: LiveData): LiveDashboard {
  const [data, setData] = useState(initial);
  const [readAt, setReadAt] = useState<number | null>(null);
  const [staleness, setStaleness] = useState<Staleness>({ kind: "fresh" });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const outages = useRef(0);
  const latest = useRef({ data, readAt });
  latest.current = { data, readAt };

  const schedule = useCallback((delayMs: number, run: () => void) => {
    clearTimeout(timer.current);
    if (document.visibilityState === "hidden") return;
    timer.current = setTimeout(run, delayMs);
  }, []);

  const refresh = useCallback(async () => {
    clearTimeout(timer.current);
    if (document.visibilityState === "hidden") return;
    const shown = panelItemKey(latest.current.data.nowPlaying);
    const response = await fetch(
      `/api/now-playing?item=${encodeURIComponent(shown)}`,
      { headers: { accept: "application/json" } },
    ).catch(() => null);

    if (response?.ok) {
      const body: NowPlayingRefresh = await response.json();
      outages.current = 0;
      setData((previous) => ({
        nowPlaying: body.nowPlaying,
        recentlyPlayed: body.changes?.recentlyPlayed ?? previous.recentlyPlayed,
        queue: body.changes ? body.changes.queue : previous.queue,
      }));
      setReadAt(Date.now());
      setStaleness({ kind: "fresh" });
      schedule(
        delayAfterRead(body.nowPlaying, progressOf(body.nowPlaying)),
        refresh,
      );
      return;
    }
    if (response?.status === 429) {
      const retryAfter = Number(response.headers.get("retry-after"));
      const seconds =
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
      setStaleness({ kind: "rate-limited", retryAfterSeconds: seconds });
      schedule(delayAfterRateLimit(seconds), refresh);
      return;
    }
    if (response?.status === 401 || response?.status === 403) {
      // Signed out, or a refusal with its own screen: the server renders it.
      window.location.reload();
      return;
    }
    outages.current += 1;
    setStaleness({ kind: "unavailable" });
    schedule(delayAfterOutage(outages.current), refresh);
  }, [schedule]);

  // New server data (a reload or a revalidation) starts the cycle again.
  useEffect(() => {
    setData(initial);
    setReadAt(Date.now());
    setStaleness(
      initial.nowPlaying.status === "unavailable"
        ? { kind: "unavailable" }
        : { kind: "fresh" },
    );
    const delay =
      initial.nowPlaying.status === "unavailable"
        ? delayAfterOutage(1)
        : delayAfterRead(initial.nowPlaying, progressOf(initial.nowPlaying));
    schedule(delay, refresh);
    return () => clearTimeout(timer.current);
  }, [initial, schedule, refresh]);

  useEffect(() => {
    let lastWake = 0;
    const wake = () => {
      if (document.visibilityState === "hidden") {
        clearTimeout(timer.current);
        return;
      }
      // Focus and visibility often arrive together: one refresh for both.
      if (Date.now() - lastWake < 1000) return;
      lastWake = Date.now();
      void refresh();
    };
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("focus", wake);
    return () => {
      document.removeEventListener("visibilitychange", wake);
      window.removeEventListener("focus", wake);
    };
  }, [refresh]);

  const refreshIn = useCallback(
    (delayMs: number) => schedule(delayMs, refresh),
    [schedule, refresh],
  );

  return { ...data, readAt, staleness, refreshIn };
}

function progressOf(panel: NowPlayingPanel) {
  return panel.status === "active" ? panel.playback.progressMs : null;
}
