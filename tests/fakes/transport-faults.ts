import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PaddedJson, Trickle } from "./answers.ts";

/** Answers that go wrong on the wire rather than in what they say. */

export function startTrickle(res: ServerResponse, answer: Trickle): void {
  res.writeHead(answer.status, answer.headers);
  res.write(answer.opening);
  const timer = setInterval(() => res.write(answer.drip), answer.intervalMs);
  res.on("close", () => clearInterval(timer));
}

/** RST rather than FIN, so the client sees ECONNRESET, not an empty answer. */
export function resetConnection(res: ServerResponse): void {
  res.socket?.resetAndDestroy();
}

const CHUNK_CHARS = 64 * 1024;
const OPENING = '{"padding":"';
const CLOSING = '"}';

function* paddedJsonChunks(bytes: number): Generator<string> {
  const run = "x".repeat(CHUNK_CHARS);
  yield OPENING;
  let left = bytes - OPENING.length - CLOSING.length;
  while (left > 0) {
    yield left >= CHUNK_CHARS ? run : run.slice(0, left);
    left -= CHUNK_CHARS;
  }
  yield CLOSING;
}

function isPrematureClose(error: unknown): boolean {
  return (
    error instanceof Error &&
    "code" in error &&
    error.code === "ERR_STREAM_PREMATURE_CLOSE"
  );
}

export async function streamPaddedJson(
  res: ServerResponse,
  answer: PaddedJson,
): Promise<void> {
  res.writeHead(answer.status, answer.headers);
  try {
    await pipeline(Readable.from(paddedJsonChunks(answer.bytes)), res);
  } catch (error) {
    // A client that gives up on a 10 MB body is doing what it should.
    if (!isPrematureClose(error)) throw error;
  }
}
