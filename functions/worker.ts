import { createRequestHandler } from "@remix-run/cloudflare";
import { getLoadContext } from "../app/load-context";
import * as build from "../build/server";

const handleRemixRequest = createRequestHandler(build);

export default {
  fetch(request, env, ctx) {
    const context = getLoadContext({
      request,
      context: { cloudflare: { env, ctx, cf: request.cf } },
    });
    return handleRemixRequest(request, context);
  },
} satisfies ExportedHandler<Env>;
