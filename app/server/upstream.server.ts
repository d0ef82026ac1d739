import { concatenate } from "./bytes.server";

/** What went wrong on the way to an upstream, when no usable answer came. */
export type TransportFailure = "timeout" | "network" | "too-large";

export class UpstreamTransportError extends Error {
  readonly failure: TransportFailure;

  constructor(failure: TransportFailure) {
    super(`upstream ${failure}`);
    this.name = "UpstreamTransportError";
    this.failure = failure;
  }
}

export type UpstreamResponse = {
  status: number;
  headers: Headers;
  contentType: string;
  body: string;
  durationMs: number;
  /** 2 when the first answer was a 5xx or a reset and the call was repeated. */
  attempts: number;
};

export type UpstreamLimits = {
  /** One deadline for every attempt together, bodies included. */
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
};

/** A repeat is worth starting only with this much of the deadline left. */
const RETRY_MIN_TIME_LEFT_MS = 1000;
const RETRY_PAUSE_MS = 100;

/**
 * Fetches and reads the whole body inside one deadline, so a slow body is
 * bounded like a slow connect, and refuses bodies larger than `maxBytes`.
 * A GET that met a 5xx or a dropped connection is repeated once, when
 * enough of the deadline is left; a timeout is never repeated.
 */
export async function fetchBounded(
  fetcher: typeof fetch,
  url: string,
  init: RequestInit,
  limits: UpstreamLimits,
): Promise<UpstreamResponse> {
  const started = Date.now();
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal
    ? AbortSignal.any([deadline, limits.signal])
    : deadline;
  const repeatable = (init.method ?? "GET") === "GET";
  const timeLeft = () => limits.timeoutMs - (Date.now() - started);

  for (let attempt = 1; ; attempt++) {
    const mayRepeat = repeatable && attempt === 1;
    try {
      const response = await fetcher(url, { ...init, signal });
      const bytes = await readCapped(response, limits.maxBytes, signal);
      if (mayRepeat && worthRepeating(response, timeLeft())) {
        const asked = (retryAfterSeconds(response.headers) ?? 0) * 1000;
        await pause(Math.max(RETRY_PAUSE_MS, asked), signal);
        continue;
      }
      const contentType = response.headers.get("content-type") ?? "";
      return {
        status: response.status,
        headers: response.headers,
        contentType,
        body: decode(bytes, contentType),
        durationMs: Date.now() - started,
        attempts: attempt,
      };
    } catch (error) {
      if (error instanceof UpstreamTransportError) throw error;
      if (deadline.aborted) throw new UpstreamTransportError("timeout");
      if (signal.aborted || !mayRepeat) {
        throw new UpstreamTransportError("network");
      }
      if (timeLeft() < RETRY_MIN_TIME_LEFT_MS) {
        throw new UpstreamTransportError("network");
      }
    }
  }
}

function worthRepeating(response: Response, timeLeftMs: number) {
  if (response.status < 500 || response.status === 501) return false;
  if (timeLeftMs < RETRY_MIN_TIME_LEFT_MS) return false;
  const wait = retryAfterSeconds(response.headers);
  return (
    wait === undefined || wait * 1000 + RETRY_MIN_TIME_LEFT_MS <= timeLeftMs
  );
}

/** Waits `ms`, or less when `signal` aborts; leaves no listener behind. */
function pause(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    signal.addEventListener("abort", stop, { once: true });
  });
}

async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
) {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new UpstreamTransportError("too-large");
  }
  if (!response.body) return new Uint8Array();

  const reader = response.body.getReader();
  // Not every body stops when the request is aborted, so the deadline
  // races each read as well.
  let stop = () => {};
  const aborted = new Promise<never>((_, reject) => {
    stop = () => {
      reader.cancel().catch(() => {});
      reject(signal.reason);
    };
  });
  aborted.catch(() => {});
  if (signal.aborted) stop();
  signal.addEventListener("abort", stop, { once: true });

  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new UpstreamTransportError("too-large");
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener("abort", stop);
  }
  return concatenate(chunks, size);
}

/** Decodes with the declared charset, falling back to UTF-8. */
function decode(bytes: Uint8Array, contentType: string) {
  const charset = /charset="?([\w-]+)"?/i.exec(contentType)?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? "utf-8");
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  // TextDecoder drops a leading byte-order mark, which JSON.parse rejects.
  return decoder.decode(bytes);
}

/** Parses a JSON body; undefined when the body is not JSON at all. */
export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * Seconds to wait from a Retry-After header (seconds or an HTTP date).
 * A wait of 0 or a date already past says nothing usable, so it reads as
 * missing, like an unreadable one.
 */
export function retryAfterSeconds(headers: Headers, now = Date.now()) {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value)
    ? Number(value)
    : Math.ceil((Date.parse(value) - now) / 1000);
  return seconds > 0 ? seconds : undefined;
}
