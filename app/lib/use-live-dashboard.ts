import { useAuth } from "@clerk/remix";
import { useCallback, useEffect, useRef, useState } from "react";
import { dataArrivedAt } from "./document-arrival";
import type {
  NowPlayingPanel,
  NowPlayingRefresh,
  PlayingItem,
  RecentPlay,
} from "./playback";
import {
  type RefreshLoop,
  type Staleness,
  startRefreshLoop,
} from "./refresh-loop";
import { renewWithin } from "./refresh-request";

export type { Staleness } from "./refresh-loop";

export type LiveData = {
  nowPlaying: NowPlayingPanel;
  recentlyPlayed: RecentPlay[] | null;
  queue: PlayingItem[] | null;
};

/**
 * When the recently-played list was read: `readAt` by the server's clock,
 * which the list's times are in, `seenAt` by the browser's, which ticks.
 */
export type HistoryClock = { readAt: number; seenAt: number | null };

export type LiveDashboard = LiveData & {
  /** Browser time the data was read; null until the page is hydrated. */
  readAt: number | null;
  history: HistoryClock;
  staleness: Staleness;
  /** Successful refreshes so far, so a notice can wait for the next one. */
  reads: number;
  commandStarted(): void;
  commandSettled(accepted: boolean): void;
};

/** Offline, or with Clerk down, getToken never settles. */
const CLERK_WAIT_MS = 3_000;

const stalenessOf = (panel: NowPlayingPanel): Staleness =>
  panel.status === "unavailable"
    ? { kind: "unavailable", upstream: panel.upstream }
    : { kind: "fresh" };

function withRefresh(shown: LiveData, refresh: NowPlayingRefresh): LiveData {
  const { changes } = refresh;
  return {
    nowPlaying: refresh.nowPlaying,
    recentlyPlayed: changes?.recentlyPlayed ?? shown.recentlyPlayed,
    queue: changes ? changes.queue : shown.queue,
  };
}

/**
 * Keeps the dashboard current through the JSON refresh route, timed to the
 * playing item, and silent while the tab is hidden. The server-rendered
 * data, read at `initial.readAt`, is the starting point and is taken again
 * whenever the route's loader runs.
 */
export function useLiveDashboard(
  initial: LiveData & { readAt: number },
): LiveDashboard {
  const { getToken } = useAuth();
  const tokens = useRef(getToken);
  tokens.current = getToken;

  const [data, setData] = useState<LiveData>(initial);
  const [readAt, setReadAt] = useState<number | null>(null);
  const [history, setHistory] = useState<HistoryClock>({
    readAt: initial.readAt,
    seenAt: null,
  });
  const [staleness, setStaleness] = useState(() =>
    stalenessOf(initial.nowPlaying),
  );
  const [reads, setReads] = useState(0);
  const loop = useRef<RefreshLoop | null>(null);

  useEffect(() => {
    const seenAt = dataArrivedAt();
    setData(initial);
    setReadAt(seenAt);
    setHistory({ readAt: initial.readAt, seenAt });
    setStaleness(stalenessOf(initial.nowPlaying));

    const renewSession = () =>
      renewWithin(() => tokens.current({ skipCache: true }), CLERK_WAIT_MS);
    const current = startRefreshLoop(initial.nowPlaying, seenAt, renewSession, {
      read(refresh) {
        const at = Date.now();
        setData((shown) => withRefresh(shown, refresh));
        if (refresh.changes?.recentlyPlayed) {
          setHistory({ readAt: refresh.readAt, seenAt: at });
        }
        setReadAt(at);
        setReads((count) => count + 1);
      },
      stale: setStaleness,
      // Signed out, or refused: the server renders the screen that says so.
      reload: () => window.location.reload(),
    });
    loop.current = current;

    const wake = () => current.wake();
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("focus", wake);
    return () => {
      current.stop();
      loop.current = null;
      document.removeEventListener("visibilitychange", wake);
      window.removeEventListener("focus", wake);
    };
  }, [initial]);

  const commandStarted = useCallback(() => loop.current?.commandStarted(), []);
  const commandSettled = useCallback(
    (accepted: boolean) => loop.current?.commandSettled(accepted),
    [],
  );

  return {
    ...data,
    readAt,
    history,
    staleness,
    reads,
    commandStarted,
    commandSettled,
  };
}
