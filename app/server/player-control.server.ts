import { type ActionFunctionArgs, data } from "@remix-run/cloudflare";
import type { ControlProblem, ControlResult } from "../lib/controls";
import { requireSession } from "./auth.server";
import { ClerkError } from "./clerk-api.server";
import { spotifyFor } from "./dashboard.server";
import { requestServices } from "./request.server";
import { type PlayerCommand, SpotifyError } from "./spotify.server";

const PROBLEM_STATUS: Record<ControlProblem, number> = {
  "premium-required": 403,
  "no-active-device": 409,
  "missing-scope": 403,
  "not-allowed": 403,
  "rate-limited": 429,
  "token-rejected": 401,
  unavailable: 503,
  "bad-request": 400,
};

/**
 * Play, pause, skip or seek (the Worker entry has already refused posts
 * from other sites). The result is data the page renders, with or without
 * JavaScript.
 */
export async function controlPlayer(args: ActionFunctionArgs) {
  const services = requestServices(args.context);
  const session = await requireSession(args, services.config);

  const command = parseCommand(await args.request.formData());
  if (!command)
    return result({
      ok: false,
      intent: null,
      problem: "bad-request",
      retryAfterSeconds: null,
    });

  const { spotify } = spotifyFor(args, services, session);
  try {
    await spotify.command(command);
    return result({ ok: true, intent: command.intent });
  } catch (error) {
    const problem = problemOf(error);
    const retryAfterSeconds =
      error instanceof SpotifyError || error instanceof ClerkError
        ? (error.retryAfterSeconds ?? null)
        : null;
    return result({
      ok: false,
      intent: command.intent,
      problem,
      retryAfterSeconds,
    });
  }
}

function result(outcome: ControlResult) {
  const status = outcome.ok ? 200 : PROBLEM_STATUS[outcome.problem];
  const headers = new Headers({ "Cache-Control": "private, no-store" });
  if (!outcome.ok && outcome.retryAfterSeconds !== null) {
    headers.set("Retry-After", String(outcome.retryAfterSeconds));
  }
  return data(outcome, { status, headers });
}

const INTENTS = ["play", "pause", "next", "previous", "seek"] as const;

function parseCommand(form: FormData): PlayerCommand | null {
  const intent = INTENTS.find((candidate) => candidate === form.get("intent"));
  if (!intent) return null;
  if (intent !== "seek") return { intent };
  const positionMs = Number(form.get("positionMs"));
  return Number.isFinite(positionMs) && positionMs >= 0
    ? { intent, positionMs }
    : null;
}

function problemOf(error: unknown): ControlProblem {
  if (error instanceof SpotifyError) {
    switch (error.kind) {
      case "premium-required":
      case "no-active-device":
      case "missing-scope":
      case "rate-limited":
      case "token-rejected":
      case "unavailable":
        return error.kind;
      case "not-allowlisted":
      case "owner-premium-lapsed":
      case "forbidden":
        return "not-allowed";
    }
  }
  if (error instanceof ClerkError) {
    switch (error.kind) {
      case "rate-limited":
        return "rate-limited";
      case "spotify-not-connected":
        return "token-rejected";
      case "key-rejected":
      case "unavailable":
        return "unavailable";
    }
  }
  throw error;
}
