import type { ReactNode } from "react";
import { AppShell } from "./AppShell";

/** One failure screen: what happened, then what to do about it. */
export function FailureLayout({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <AppShell>
      <article className="card failure" aria-labelledby="failure-title">
        <h1 id="failure-title" className="title">
          {title}
        </h1>
        {children}
        {actions ? <div className="actions">{actions}</div> : null}
      </article>
    </AppShell>
  );
}
