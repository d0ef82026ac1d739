import { type PlayingItem, UP_NEXT_LENGTH } from "../lib/playback";
import { CoverArt } from "./CoverArt";

/** The next few items in Spotify's queue, when Spotify shares it. */
export function UpNext({ queue }: { queue: PlayingItem[] | null }) {
  if (!queue || queue.length === 0) return null;
  return (
    <section className="card" aria-labelledby="up-next-title">
      <h2 id="up-next-title" className="section-title">
        Up next
      </h2>
      <ol className="recent">
        {queue.slice(0, UP_NEXT_LENGTH).map((item, index) => (
          // The queue can hold the same track twice.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} className="recent-item recent-item-compact">
            <CoverArt
              src={"imageUrl" in item ? item.imageUrl : null}
              alt=""
              size={40}
            />
            <div className="recent-text">
              <p className="recent-title">{"name" in item ? item.name : ""}</p>
              <p className="muted">{byline(item)}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function byline(item: PlayingItem) {
  if (item.type === "track") return item.artists.map((a) => a.name).join(", ");
  if (item.type === "episode") return item.show.name;
  return "";
}
