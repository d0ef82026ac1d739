import { type AppLoadContext, data } from "@remix-run/cloudflare";
import { FAILURE_STATUS, type Failure } from "../lib/failures";
import { createClerkApi } from "./clerk-api.server";
import { ConfigError, getConfig } from "./config.server";
import { createLogger } from "./log.server";

/** The status and headers a failure is sent with, as a page or as JSON. */
export function failureInit(failure: Failure) {
  const headers = new Headers({ "Cache-Control": "private, no-store" });
  if (failure.kind === "rate-limited" && failure.retryAfterSeconds !== null) {
    headers.set("Retry-After", String(failure.retryAfterSeconds));
  }
  return { status: FAILURE_STATUS[failure.kind], headers };
}

/** What `fail` threw, so a JSON route can answer with the failure. */
const thrownFailures = new WeakMap<object, Failure>();

/** Ends the request with a failure screen and its status. */
export function fail(failure: Failure): never {
  const thrown = data(failure, failureInit(failure));
  thrownFailures.set(thrown, failure);
  throw thrown;
}

/**
 * For routes the page's script reads: a failure `fail` threw becomes the
 * JSON `{ failure }` with its status; anything else is thrown on.
 */
export function failureAsJson(thrown: unknown): Response {
  const failure =
    typeof thrown === "object" && thrown !== null
      ? thrownFailures.get(thrown)
      : undefined;
  if (!failure) throw thrown;
  return Response.json({ failure }, failureInit(failure));
}

/** The validated settings; a bad one ends the request naming the variable. */
export function requireConfig(context: AppLoadContext) {
  try {
    return getConfig(context.cloudflare.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      fail({ kind: "config", variable: error.variable });
    }
    throw error;
  }
}

/** What a loader or action needs to talk to the outside, for one request. */
export function requestServices(context: AppLoadContext) {
  const config = requireConfig(context);
  const log = createLogger(context.requestId);
  const clerk = createClerkApi({
    apiUrl: config.clerk.apiUrl,
    secretKey: config.clerk.secretKey,
    log,
  });
  return { config, log, clerk };
}

export type RequestServices = ReturnType<typeof requestServices>;
