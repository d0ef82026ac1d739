import { useEffect, useRef, useState } from "react";
import { type NowPlayingPanel, panelItemKey } from "../lib/playback";

/**
 * Tells screen readers when the item changes, once per change: never on
 * the first render and never for the progress ticking by.
 */
export function TrackAnnouncer({ panel }: { panel: NowPlayingPanel }) {
  const [message, setMessage] = useState("");
  const shown = useRef(panelItemKey(panel));

  useEffect(() => {
    // An outage keeps the last item on screen: nothing changed for the user.
    if (panel.status === "unavailable") return;
    const key = panelItemKey(panel);
    if (key === shown.current) return;
    shown.current = key;
    setMessage(announcementFor(panel));
  }, [panel]);

  return (
    <p className="visually-hidden" aria-live="polite">
      {message}
    </p>
  );
}

function announcementFor(panel: NowPlayingPanel) {
  if (panel.status !== "active") return "Nothing is playing.";
  const { item } = panel.playback;
  switch (item.type) {
    case "track": {
      const artists = item.artists.map((artist) => artist.name).join(", ");
      return artists
        ? `Now playing: ${item.name} by ${artists}`
        : `Now playing: ${item.name}`;
    }
    case "episode":
      return `Now playing: ${item.name}, from ${item.show.name}`;
    case "ad":
      return "An advertisement is playing.";
    case "unknown":
      return item.name ? `Now playing: ${item.name}` : "Something is playing.";
  }
}
