import { DEFAULT_RETRY_AFTER_SECONDS } from "../lib/failures";

/*
 * After a 429, calls wait until Retry-After has passed: no request the
 * same isolate handles asks again before then. The gates live in isolate
 * memory, so other isolates learn the wait from their own first 429.
 */

const MAX_WAIT_SECONDS = 3600;
const MAX_GATES = 10_000;

const closedUntil = new Map<string, number>();

/** Seconds left before `key` may call again; 0 when it may call now. */
export function secondsUntilOpen(key: string, now = Date.now()) {
  const until = closedUntil.get(key);
  if (until === undefined) return 0;
  if (until <= now) {
    closedUntil.delete(key);
    return 0;
  }
  return Math.ceil((until - now) / 1000);
}

/**
 * Closes the gate for `key` for the wait Retry-After asked for; a missing
 * or non-positive one means the default wait, never none.
 */
export function closeGate(
  key: string,
  retryAfterSeconds: number | undefined,
  now = Date.now(),
) {
  const asked =
    retryAfterSeconds !== undefined && retryAfterSeconds > 0
      ? retryAfterSeconds
      : DEFAULT_RETRY_AFTER_SECONDS;
  const wait = Math.min(asked, MAX_WAIT_SECONDS);
  if (closedUntil.size >= MAX_GATES) dropOpenGates(now);
  closedUntil.set(key, now + wait * 1000);
}

function dropOpenGates(now: number) {
  for (const [key, until] of closedUntil) {
    if (until <= now) closedUntil.delete(key);
  }
  // Every gate still closed: forget the oldest rather than grow.
  if (closedUntil.size >= MAX_GATES) {
    const oldest = closedUntil.keys().next().value;
    if (oldest !== undefined) closedUntil.delete(oldest);
  }
}
