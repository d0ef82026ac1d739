import { parseArgs } from "node:util";
import { startDemo } from "./stack.ts";

/*
 * `npm run demo`: the app on this machine with fake Clerk and Spotify.
 * Ports can be moved with --port, --clerk-port and --spotify-port.
 */

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8787" },
    "clerk-port": { type: "string", default: "8788" },
    "spotify-port": { type: "string", default: "8789" },
    latency: { type: "string", default: "0" },
  },
});

const demo = await startDemo({
  appPort: Number(values.port),
  clerkPort: Number(values["clerk-port"]),
  spotifyPort: Number(values["spotify-port"]),
  latencyMs: Number(values.latency),
});

console.log(`
  Now Playing, offline demo

  Open the app:        ${demo.appUrl}
  Switch scenarios:    ${demo.switcherUrl}

  "Continue with Spotify" signs you in as a made-up listener; the fake
  Spotify plays in real time. The switcher shows every failure screen.
  Press Ctrl+C to stop.
`);

const shutDown = async () => {
  await demo.stop();
  process.exit(0);
};
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);
