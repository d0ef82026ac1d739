import { parseArgs } from "node:util";
import { startFakes } from "./server.ts";

/*
 * Starts the fakes by hand:
 *   node tests/fakes/cli.ts --clerk-port 4010 --spotify-port 4020 --latency 80
 * Flags fall back to FAKE_CLERK_PORT, FAKE_SPOTIFY_PORT, FAKE_LATENCY_MS.
 */

const { values } = parseArgs({
  options: {
    "clerk-port": { type: "string" },
    "spotify-port": { type: "string" },
    latency: { type: "string" },
    "secret-key": { type: "string" },
    "frontend-api": { type: "string" },
    "authorized-party": { type: "string" },
    "quota-mode": { type: "string" },
  },
});

function numberFrom(name: string, raw: string | undefined): number {
  if (raw === undefined) return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got "${raw}"`);
  }
  return value;
}

const quotaMode = values["quota-mode"] ?? "development";
if (quotaMode !== "development" && quotaMode !== "extended") {
  throw new Error('--quota-mode must be "development" or "extended"');
}

const fakes = await startFakes({
  clerkPort: numberFrom(
    "clerk port",
    values["clerk-port"] ?? process.env.FAKE_CLERK_PORT,
  ),
  spotifyPort: numberFrom(
    "spotify port",
    values["spotify-port"] ?? process.env.FAKE_SPOTIFY_PORT,
  ),
  latencyMs: numberFrom(
    "latency",
    values.latency ?? process.env.FAKE_LATENCY_MS,
  ),
  secretKey: values["secret-key"],
  frontendApi: values["frontend-api"],
  authorizedParty: values["authorized-party"],
  quotaMode,
});

// Only the fakes' own made-up keys are printed, ready to paste into .dev.vars.
console.log(`fake Clerk Backend API  ${fakes.clerkUrl}`);
console.log(`fake Spotify Web API    ${fakes.spotifyUrl}`);
console.log(`CLERK_API_URL=${fakes.clerkUrl}`);
console.log(`CLERK_PUBLISHABLE_KEY=${fakes.publishableKey}`);
console.log(`CLERK_SECRET_KEY=${fakes.secretKey}`);
console.log(`CLERK_JWT_KEY=${JSON.stringify(fakes.keys.publicKeyPem)}`);
console.log(`scenarios: ${fakes.spotifyUrl}/__fake/scenarios`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void fakes.close().then(() => process.exit(0));
  });
}
