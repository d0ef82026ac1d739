import { useMemo } from "react";
import type { ControlResult, KnownBlock } from "../lib/controls";
import type {
  NowPlayingPanel,
  PlayingItem,
  RecentPlay,
  SpotifyProfile,
} from "../lib/playback";
import { type HistoryClock, useLiveDashboard } from "../lib/use-live-dashboard";
import { usePlayerCommands } from "../lib/use-player-commands";
import { useTickingClock } from "../lib/use-ticking-clock";
import { AccountMenu } from "./AccountMenu";
import { AppShell } from "./AppShell";
import { ControlNotice } from "./ControlNotice";
import { Freshness } from "./Freshness";
import { NowPlayingCard } from "./NowPlayingCard";
import { RecentlyPlayed } from "./RecentlyPlayed";
import { StatusPanel } from "./StatusPanel";
import { TrackAnnouncer } from "./TrackAnnouncer";
import { UpNext } from "./UpNext";

export type DashboardViewProps = {
  nowPlaying: NowPlayingPanel;
  recentlyPlayed: RecentPlay[] | null;
  queue: PlayingItem[] | null;
  profile: Promise<SpotifyProfile | null>;
  readAt: number;
  /** Why no player command can work, when the server knew it up front. */
  controlsBlocked: KnownBlock | null;
  /** The result of a control posted without JavaScript. */
  controlResult?: ControlResult;
};

export function DashboardView(props: DashboardViewProps) {
  const { nowPlaying, recentlyPlayed, queue, readAt } = props;
  const initial = useMemo(
    () => ({ nowPlaying, recentlyPlayed, queue, readAt }),
    [nowPlaying, recentlyPlayed, queue, readAt],
  );
  const live = useLiveDashboard(initial);
  const commands = usePlayerCommands(
    props.controlResult,
    live,
    props.controlsBlocked,
  );
  const panel = live.nowPlaying;
  const now = useTickingClock(true);

  // Kept out of the ticking re-renders: its Suspense boundary may still be
  // hydrating while the clock ticks.
  const account = useMemo(
    () => <AccountMenu profile={props.profile} />,
    [props.profile],
  );

  return (
    <AppShell account={account}>
      <div className="dashboard">
        {commands.notice ? <ControlNotice result={commands.notice} /> : null}
        {panel.status === "active" ? (
          <NowPlayingCard
            playback={panel.playback}
            readAt={live.readAt}
            now={now}
            commands={commands}
          />
        ) : (
          <QuietPanel panel={panel} />
        )}
        <Freshness
          readAt={live.readAt}
          now={now}
          staleness={live.staleness}
          shown={panel.status}
        />
        <TrackAnnouncer panel={panel} />
        <UpNext queue={live.queue} />
        <RecentlyPlayed
          plays={live.recentlyPlayed}
          now={historyTime(live.history, now)}
        />
      </div>
    </AppShell>
  );
}

/** The server's clock at the list's read, moved on by the browser's. */
function historyTime({ readAt, seenAt }: HistoryClock, now: number | null) {
  return now === null || seenAt === null ? readAt : readAt + (now - seenAt);
}

function QuietPanel({ panel }: { panel: NowPlayingPanel }) {
  if (panel.status === "unavailable") {
    return (
      <StatusPanel title="Spotify is unavailable" tone="warning">
        <p>
          {panel.upstream === "clerk"
            ? "Clerk, which holds your Spotify connection, did not answer in time."
            : "Spotify did not answer in time, or sent something this app could not read."}{" "}
          You are still signed in; this page tries again by itself.
        </p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel title="Nothing is playing right now">
      <p>
        Spotify is not playing on any of your devices. Start something in a
        Spotify app and it shows here within a minute.
      </p>
    </StatusPanel>
  );
}
