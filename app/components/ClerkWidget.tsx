import { ClerkFailed, ClerkLoading } from "@clerk/remix";
import type { ReactNode } from "react";
import { AppShell } from "./AppShell";

/**
 * A page built from one of Clerk's components, which need Clerk's script.
 * Until it loads, and if it never does, the page says so instead of
 * staying blank.
 */
export function ClerkWidget({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) {
  return (
    <AppShell>
      <section className="clerk-widget" aria-label={title}>
        <ClerkLoading>
          <p className="muted" role="status">
            Loading {title.toLowerCase()}…
          </p>
        </ClerkLoading>
        <ClerkFailed>
          <div className="card failure">
            <h1 className="title">{title} could not load</h1>
            <p>
              Clerk's sign-in script did not load, so this page cannot show.
              Check your connection and reload the page.
            </p>
          </div>
        </ClerkFailed>
        {children}
      </section>
    </AppShell>
  );
}
