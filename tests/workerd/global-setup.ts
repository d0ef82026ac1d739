import type { TestProject } from "vitest/node";
import { startFakes } from "../fakes/server.ts";
import {
  FRONTEND_API,
  offlineBindings,
  SECRET_KEY,
} from "../support/offline-settings.ts";

declare module "vitest" {
  interface ProvidedContext {
    workerBindings: Record<string, string>;
    fakeClerkUrl: string;
    fakeSpotifyUrl: string;
  }
}

/** Starts the fake Clerk and Spotify once for the whole run. */
export default async function setup(project: TestProject) {
  const fakes = await startFakes({
    clerkPort: 0,
    spotifyPort: 0,
    secretKey: SECRET_KEY,
    frontendApi: FRONTEND_API,
  });

  project.provide("fakeClerkUrl", fakes.clerkUrl);
  project.provide("fakeSpotifyUrl", fakes.spotifyUrl);
  project.provide(
    "workerBindings",
    offlineBindings({ ...fakes, publicKeyPem: fakes.keys.publicKeyPem }),
  );

  return () => fakes.close();
}
