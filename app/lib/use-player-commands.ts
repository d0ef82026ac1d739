import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { controlPlayer } from "../server/player-control.server";
import type { ControlResult, Intent } from "./controls";
import { AFTER_COMMAND_MS } from "./refresh-schedule";

const INTENTS: Intent[] = ["play", "pause", "next", "previous", "seek"];

/**
 * Sends player commands without leaving the page. The result of a command
 * posted without JavaScript arrives as `actionResult` instead.
 */
export function usePlayerCommands(
  actionResult: ControlResult | undefined,
  refreshIn: (delayMs: number) => void,
) {
  const fetcher = useFetcher<typeof controlPlayer>();
  const pending =
    fetcher.state === "idle"
      ? null
      : (INTENTS.find((intent) => intent === fetcher.formData?.get("intent")) ??
        null);
  const result = fetcher.data ?? actionResult;

  // A command Spotify accepted shows on the next read, a moment later.
  const [accepted, setAccepted] = useState<{ intent: Intent; at: number }>();
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data?.ok) return;
    setAccepted({ intent: fetcher.data.intent, at: Date.now() });
    refreshIn(AFTER_COMMAND_MS);
  }, [fetcher.state, fetcher.data, refreshIn]);

  return {
    Form: fetcher.Form,
    submit: fetcher.submit,
    pending,
    result,
    /** The last accepted command, for showing it before Spotify confirms. */
    accepted,
  };
}

export type PlayerCommands = ReturnType<typeof usePlayerCommands>;
