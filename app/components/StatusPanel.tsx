import type { ReactNode } from "react";

/** A card that stands where the player would be, saying why it is not. */
export function StatusPanel({
  title,
  children,
  tone = "neutral",
}: {
  title: string;
  children: ReactNode;
  tone?: "neutral" | "warning";
}) {
  return (
    <section
      className={`card status-panel status-panel-${tone}`}
      aria-labelledby="status-panel-title"
    >
      <h1 id="status-panel-title" className="title">
        {title}
      </h1>
      {children}
    </section>
  );
}
