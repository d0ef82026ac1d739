import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { type RunningFakes, startFakes } from "../fakes/server.ts";
import { addUser } from "../fakes/world.ts";
import {
  FRONTEND_API,
  offlineBindings,
  SECRET_KEY,
} from "../support/offline-settings.ts";
import { demoPages } from "./portal.ts";

/*
 * The offline demo: the built Worker under `wrangler dev` (workerd), the
 * fake Clerk and Spotify on 127.0.0.1, and one demo user. The Worker gets
 * ordinary settings that happen to point at the fakes.
 */

export const DEMO_USER_ID = "user_demo";

const ROOT = join(import.meta.dirname, "..", "..");

export interface DemoOptions {
  /** 0 picks free ports. */
  appPort?: number;
  clerkPort?: number;
  spotifyPort?: number;
  latencyMs?: number;
  /** Where wrangler's output goes; the terminal when not given. */
  log?: "inherit" | "ignore";
}

export interface DemoStack {
  appUrl: string;
  signInUrl: string;
  switcherUrl: string;
  fakes: RunningFakes;
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<DemoStack> {
  const appPort = options.appPort || (await freePort());
  const clerkPort = options.clerkPort || (await freePort());
  // Cookies are per host, not per port: the fake's sign-in page and the
  // app share "localhost", so the cookies it sets reach the app.
  const appUrl = `http://localhost:${appPort}`;
  const portalUrl = `http://localhost:${clerkPort}`;

  const fakes = await startFakes({
    clerkPort,
    spotifyPort: options.spotifyPort ?? 0,
    secretKey: SECRET_KEY,
    frontendApi: FRONTEND_API,
    authorizedParty: appUrl,
    latencyMs: options.latencyMs,
    pages: demoPages({ appUrl, demoUserId: DEMO_USER_ID }),
  });
  addUser(fakes.world, { userId: DEMO_USER_ID, spotify: "track", azp: appUrl });

  const signInUrl = `${portalUrl}/demo/sign-in`;
  const envFile = await writeEnvFile({
    ...offlineBindings({ ...fakes, publicKeyPem: fakes.keys.publicKeyPem }),
    CLERK_SIGN_IN_URL: signInUrl,
    CLERK_SIGN_UP_URL: signInUrl,
  });

  // This Node runs wrangler too: the one on PATH may be older than it needs.
  const worker = spawn(
    process.execPath,
    [
      join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js"),
      "dev",
      "--port",
      String(appPort),
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
    ],
    {
      cwd: ROOT,
      // wrangler dev otherwise bundles React's development build, which is
      // slower and louder than the one `wrangler deploy` ships.
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", options.log ?? "inherit", "inherit"],
      detached: true,
    },
  );

  const stop = async () => {
    stopProcessGroup(worker);
    await Promise.all([fakes.close(), rm(envFile, { force: true })]);
  };

  try {
    await waitForWorker(appUrl, worker);
  } catch (error) {
    await stop();
    throw error;
  }
  return { appUrl, signInUrl, switcherUrl: `${portalUrl}/demo`, fakes, stop };
}

/** A dotenv file outside the project's own .dev.vars, which it bypasses. */
async function writeEnvFile(settings: Record<string, string>) {
  const folder = join(ROOT, ".wrangler", "demo");
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${process.pid}.env`);
  const lines = Object.entries(settings).map(
    ([name, value]) => `${name}=${JSON.stringify(value)}`,
  );
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}

async function waitForWorker(url: string, worker: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (worker.exitCode !== null) {
      throw new Error(`wrangler dev exited with code ${worker.exitCode}`);
    }
    const ready = await fetch(url, { redirect: "manual" }).then(
      () => true,
      () => false,
    );
    if (ready) return;
    await delay(250);
  }
  throw new Error(`the Worker did not answer at ${url} within 60 s`);
}

function stopProcessGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    // wrangler starts workerd; the whole group has to go.
    process.kill(-child.pid, "SIGTERM");
  } catch {
    child.kill("SIGTERM");
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
