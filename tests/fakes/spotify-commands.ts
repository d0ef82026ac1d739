import { type FakeAnswer, noContent, spotifyError } from "./answers.ts";
import type { FakeRequest } from "./http.ts";
import type { CommandOutcome, Playback } from "./playback.ts";
import type { FakeUser } from "./world.ts";

function outcomeAnswer(outcome: CommandOutcome): FakeAnswer {
  switch (outcome) {
    case "done":
      return noContent();
    case "no-active-device":
      return spotifyError(
        404,
        "Player command failed: No active device found",
        "NO_ACTIVE_DEVICE",
      );
    case "restricted":
      return spotifyError(
        403,
        "Player command failed: Restriction violated",
        "UNKNOWN",
      );
  }
}

/** A whole number from the query; undefined when absent, NaN when bad. */
export function integerParam(
  request: FakeRequest,
  name: string,
): number | undefined {
  const raw = request.query.get(name);
  if (raw === null) return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

interface PlayInstructions {
  startsContent: boolean;
  positionMs?: number;
}

function playInstructions(body: string): PlayInstructions | null {
  if (body.trim() === "") return { startsContent: false };
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null) return null;
    const position = "position_ms" in parsed ? parsed.position_ms : undefined;
    return {
      startsContent: Object.keys(parsed).length > 0,
      ...(typeof position === "number" ? { positionMs: position } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * Starting other content by uri is not simulated: the queue resumes, at
 * position_ms when given. Resuming what already plays is a restriction.
 */
function play(request: FakeRequest, playback: Playback): FakeAnswer {
  const instructions = playInstructions(request.body);
  if (!instructions) return spotifyError(400, "Malformed json");
  const resumed = playback.play();
  if (resumed === "no-active-device" || !instructions.startsContent) {
    return outcomeAnswer(resumed);
  }
  if (instructions.positionMs === undefined) return noContent();
  return outcomeAnswer(playback.seek(instructions.positionMs));
}

function seek(request: FakeRequest, playback: Playback): FakeAnswer {
  const position = integerParam(request, "position_ms");
  if (position === undefined) {
    return spotifyError(400, "Required parameter position_ms missing");
  }
  if (Number.isNaN(position)) return spotifyError(400, "Invalid position_ms");
  return outcomeAnswer(playback.seek(position));
}

function volume(request: FakeRequest, playback: Playback): FakeAnswer {
  const percent = integerParam(request, "volume_percent");
  if (percent === undefined) {
    return spotifyError(400, "Required parameter volume_percent missing");
  }
  if (Number.isNaN(percent) || percent > 100) {
    return spotifyError(400, "Invalid volume_percent");
  }
  return outcomeAnswer(playback.setVolume(percent));
}

export type PlayerCommand =
  | "play"
  | "pause"
  | "seek"
  | "volume"
  | "next"
  | "previous";

/** PUT /play, /pause, /seek, /volume and POST /next, /previous. */
export function runCommand(
  command: PlayerCommand,
  request: FakeRequest,
  user: FakeUser,
): FakeAnswer {
  const deviceId = request.query.get("device_id");
  if (deviceId !== null && deviceId !== user.device.id) {
    return spotifyError(404, "Device not found");
  }
  const { playback } = user;
  switch (command) {
    case "play":
      return play(request, playback);
    case "pause":
      return outcomeAnswer(playback.pause());
    case "seek":
      return seek(request, playback);
    case "volume":
      return volume(request, playback);
    case "next":
      return outcomeAnswer(playback.next());
    case "previous":
      return outcomeAnswer(playback.previous());
  }
}
