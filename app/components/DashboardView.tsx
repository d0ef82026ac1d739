import type { NowPlayingPanel, SpotifyProfile } from "../lib/playback";
import { AccountMenu } from "./AccountMenu";
import { AppShell } from "./AppShell";
import { NowPlayingCard } from "./NowPlayingCard";
import { RecentlyPlayed } from "./RecentlyPlayed";
import { StatusPanel } from "./StatusPanel";

export type DashboardViewProps = {
  nowPlaying: NowPlayingPanel;
  recentlyPlayed: Parameters<typeof RecentlyPlayed>[0]["plays"];
  profile: Promise<SpotifyProfile | null>;
  readAt: number;
};

export function DashboardView(props: DashboardViewProps) {
  return (
    <AppShell account={<AccountMenu profile={props.profile} />}>
      <div className="dashboard">
        <NowPlaying panel={props.nowPlaying} />
        <RecentlyPlayed plays={props.recentlyPlayed} now={props.readAt} />
      </div>
    </AppShell>
  );
}

function NowPlaying({ panel }: { panel: NowPlayingPanel }) {
  switch (panel.status) {
    case "active":
      return <NowPlayingCard playback={panel.playback} />;
    case "idle":
      return (
        <StatusPanel title="Nothing is playing right now">
          <p>
            Spotify is not playing on any of your devices. Start something in a
            Spotify app and reload this page to see it here.
          </p>
        </StatusPanel>
      );
    case "unavailable":
      return (
        <StatusPanel title="Spotify is unavailable" tone="warning">
          <p>
            {panel.upstream === "clerk"
              ? "Clerk, which holds your Spotify connection, did not answer in time."
              : "Spotify did not answer in time, or sent something this app could not read."}{" "}
            You are still signed in; reload the page in a moment to try again.
          </p>
        </StatusPanel>
      );
  }
}
