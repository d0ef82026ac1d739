import { useFetcher } from "@remix-run/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { controlPlayer } from "../server/player-control.server";
import {
  type ControlResult,
  type Intent,
  type KnownBlock,
  LASTING_PROBLEMS,
} from "./controls";
import type { LiveDashboard } from "./use-live-dashboard";

const INTENTS: Intent[] = ["play", "pause", "next", "previous", "seek"];

/** A command the listener gave, in browser time, for showing it at once. */
export type AskedCommand = {
  intent: Intent;
  positionMs: number | null;
  at: number;
};

type Failed = Extract<ControlResult, { ok: false }>;

function submittedIntent(event: FormEvent<HTMLFormElement>) {
  const submitter =
    event.nativeEvent instanceof SubmitEvent
      ? event.nativeEvent.submitter
      : null;
  if (!(submitter instanceof HTMLButtonElement)) return null;
  return INTENTS.find((intent) => intent === submitter.value) ?? null;
}

/**
 * Sends player commands without leaving the page, and tells the refresh
 * cycle when one starts and how it ended. The result of a command posted
 * without JavaScript arrives as `actionResult` instead.
 */
export function usePlayerCommands(
  actionResult: ControlResult | undefined,
  live: Pick<LiveDashboard, "commandStarted" | "commandSettled" | "reads">,
  knownBlock: KnownBlock | null,
) {
  const { commandStarted, commandSettled, reads } = live;
  const fetcher = useFetcher<typeof controlPlayer>();
  const pending = fetcher.state !== "idle";
  const result = fetcher.data ?? actionResult;

  // Kept until a read after it shows the outcome; dropped if refused.
  const [asked, setAsked] = useState<AskedCommand | null>(null);
  // A passing problem shows until the next successful read.
  const [readsAtFailure, setReadsAtFailure] = useState(0);

  const start = (command: AskedCommand) => {
    setAsked(command);
    commandStarted();
  };

  const wasPending = useRef(false);
  useEffect(() => {
    if (pending) {
      wasPending.current = true;
      return;
    }
    if (!wasPending.current) return;
    wasPending.current = false;
    const accepted = fetcher.data?.ok === true;
    if (!accepted) {
      setAsked(null);
      setReadsAtFailure(reads);
    }
    commandSettled(accepted);
  }, [pending, fetcher.data, reads, commandSettled]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The buttons stay focusable while a command is on its way.
    if (pending) {
      event.preventDefault();
      return;
    }
    const intent = submittedIntent(event);
    if (intent) start({ intent, positionMs: null, at: Date.now() });
  };

  const seek = (positionMs: number) => {
    start({ intent: "seek", positionMs, at: Date.now() });
    fetcher.submit({ intent: "seek", positionMs }, { method: "post" });
  };

  const failed: Failed | null = result?.ok === false ? result : null;
  const lasting = failed !== null && LASTING_PROBLEMS.includes(failed.problem);
  const notice =
    failed && (lasting || reads === readsAtFailure) ? failed : null;

  return {
    Form: fetcher.Form,
    onSubmit,
    seek,
    pending,
    asked,
    /** Why the last command failed, while that is still worth saying. */
    notice,
    /** A lasting refusal, met or known up front, keeps the controls off. */
    blocked: lasting ? failed.problem : knownBlock,
  };
}

export type PlayerCommands = ReturnType<typeof usePlayerCommands>;
