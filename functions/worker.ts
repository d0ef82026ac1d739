import {
  type AppLoadContext,
  createRequestHandler,
} from "@remix-run/cloudflare";
import { getLoadContext } from "../app/load-context";
import { isCrossSiteWrite } from "../app/server/origin.server";
import { withSecurityHeaders } from "../app/server/security-headers.server";
import * as build from "../build/server";

const handleRemixRequest = createRequestHandler(build);

function respond(request: Request, context: AppLoadContext) {
  // Checked here, before any route runs, so no action ever sees one.
  if (isCrossSiteWrite(request, context.cloudflare.env)) {
    return new Response("Cross-site request refused.", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return handleRemixRequest(request, context);
}

export default {
  async fetch(request, env, ctx) {
    const context = getLoadContext({
      request,
      context: { cloudflare: { env, ctx, cf: request.cf } },
    });
    const response = await respond(request, context);
    return withSecurityHeaders(response, env, context.cspNonce);
  },
} satisfies ExportedHandler<Env>;
