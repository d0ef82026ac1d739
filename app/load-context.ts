import type { AppLoadContext } from "@remix-run/cloudflare";
import { createNonce } from "./server/security-headers.server";

declare module "@remix-run/cloudflare" {
  interface AppLoadContext {
    cloudflare: {
      env: Env;
      ctx: Pick<ExecutionContext, "waitUntil" | "passThroughOnException">;
      cf: unknown;
    };
    /** Ties log lines to one request; Cloudflare's ray id when present. */
    requestId: string;
    /** This response's Content-Security-Policy nonce. */
    cspNonce: string;
  }
}

/** The context every loader gets, in the Worker and under `vite dev`. */
export function getLoadContext({
  request,
  context,
}: {
  request: Request;
  context: Pick<AppLoadContext, "cloudflare">;
}): AppLoadContext {
  return {
    ...context,
    requestId: request.headers.get("cf-ray") ?? crypto.randomUUID(),
    cspNonce: createNonce(),
  };
}
