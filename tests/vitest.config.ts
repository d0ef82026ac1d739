import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

/*
 * Tests run inside workerd against the real Worker entry, with Clerk and
 * Spotify replaced by the HTTP fakes that global-setup starts on loopback.
 * The Worker reaches them through the same settings a deployer uses.
 */
export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: "./functions/worker.ts",
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: inject<Record<string, string>>("workerBindings"),
      },
    })),
  ],
  test: {
    root: ".",
    include: ["tests/workerd/**/*.test.ts"],
    globalSetup: ["tests/workerd/global-setup.ts"],
    testTimeout: 15_000,
    deps: {
      optimizer: {
        // The pool would load `cookie` (nested CommonJS in @remix-run/*)
        // as ESM and fail on its named exports; prebundling fixes that.
        ssr: {
          enabled: true,
          include: [
            "@remix-run/cloudflare",
            "@remix-run/react",
            "@clerk/remix",
            "@clerk/remix/ssr.server",
            "react",
            "react-dom/server",
            "isbot",
          ],
        },
      },
    },
  },
});
