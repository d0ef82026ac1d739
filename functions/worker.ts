import { createRequestHandler } from "@remix-run/cloudflare";
import { getLoadContext } from "../app/load-context";
import { isCrossSiteWrite } from "../app/server/origin.server";
import * as build from "../build/server";

const handleRemixRequest = createRequestHandler(build);

export default {
  fetch(request, env, ctx) {
    // Checked here, before any route runs, so no action ever sees one.
    if (isCrossSiteWrite(request, env)) {
      return new Response("Cross-site request refused.", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }

    const context = getLoadContext({
      request,
      context: { cloudflare: { env, ctx, cf: request.cf } },
    });
    return handleRemixRequest(request, context);
  },
} satisfies ExportedHandler<Env>;
