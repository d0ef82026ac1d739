export type UpstreamFailure = {
  upstream: "spotify" | "clerk";
  operation: string;
  kind: string;
  /** timeout, network, too-large, malformed or status. */
  cause: string;
  status: number | null;
  durationMs: number;
};

export type Logger = {
  upstreamFailure(failure: UpstreamFailure): void;
  unexpected(error: unknown): void;
};

/**
 * One JSON line per event, tagged with the request id. Events name what
 * failed and how, never a token, cookie, URL with a user id, or user record.
 */
export function createLogger(requestId: string): Logger {
  const write = (fields: Record<string, unknown>) =>
    console.log(JSON.stringify({ requestId, ...fields }));

  return {
    upstreamFailure(failure) {
      write({ event: "upstream_failure", ...failure });
    },
    unexpected(error) {
      write({
        event: "unexpected_error",
        name: error instanceof Error ? error.name : typeof error,
        message: error instanceof Error ? error.message.slice(0, 300) : null,
      });
    },
  };
}
