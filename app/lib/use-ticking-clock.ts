import { startTransition, useEffect, useState } from "react";

/**
 * The browser's clock, ticking once a second while `running` and the tab
 * is visible; null on the server and during hydration, so the first render
 * matches the server's HTML.
 */
export function useTickingClock(running: boolean) {
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    startTransition(() => setNow(Date.now()));
    if (!running) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      // A transition, so a tick never forces a boundary that is still
      // hydrating to render on the client.
      startTransition(() => setNow(Date.now()));
      if (document.visibilityState !== "hidden") {
        timer = setTimeout(tick, 1000 - (Date.now() % 1000));
      }
    };
    const resume = () => {
      clearTimeout(timer);
      if (document.visibilityState !== "hidden") tick();
    };
    tick();
    document.addEventListener("visibilitychange", resume);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", resume);
    };
  }, [running]);

  return now;
}
