import type { AppLoadContext } from "@remix-run/cloudflare";

declare module "@remix-run/cloudflare" {
  interface AppLoadContext {
    cloudflare: {
      env: Env;
      ctx: Pick<ExecutionContext, "waitUntil" | "passThroughOnException">;
      cf: unknown;
    };
    /** Ties log lines to one request; Cloudflare's ray id when present. */
    requestId: string;
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
  };
}
