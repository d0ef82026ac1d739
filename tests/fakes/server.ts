import type { KeyObject } from "node:crypto";
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { ApiResult, CannedReply } from "./answers.ts";
import { clerkJson, NEVER_ANSWERS } from "./answers.ts";
import { handleClerkRequest } from "./clerk.ts";
import { type ControlContext, handleControlRequest } from "./control.ts";
import {
  type FakeRequest,
  queryRecord,
  RequestTooLargeError,
  readRequest,
  writeReply,
} from "./http.ts";
import type { QuotaMode } from "./presentation.ts";
import { generateSigningKeys, type SigningKeys } from "./session.ts";
import { handleSpotifyRequest } from "./spotify.ts";
import {
  resetConnection,
  startTrickle,
  streamPaddedJson,
} from "./transport-faults.ts";
import { createWorld, recordCall, type World } from "./world.ts";

export interface FakeOptions {
  /** 0 (the default) picks a free port. */
  clerkPort?: number;
  spotifyPort?: number;
  secretKey?: string;
  /** The Clerk frontend API host the session tokens name as issuer. */
  frontendApi?: string;
  /** `azp` of minted session tokens unless a request names another. */
  authorizedParty?: string;
  keys?: SigningKeys;
  /** Added before every Clerk and Spotify API answer, not control routes. */
  latencyMs?: number;
  /** Clock for playback, token expiry and call logs. */
  now?: () => number;
  quotaMode?: QuotaMode;
  /** Pages for people (a demo's sign-in, say), served by the fake Clerk. */
  pages?: PageHandler;
}

/** Answers a request for a page, or null to let the fake API answer it. */
export type PageHandler = (
  request: FakeRequest,
  context: ControlContext,
) => CannedReply | null;

export interface RunningFakes {
  clerkUrl: string;
  spotifyUrl: string;
  world: World;
  keys: SigningKeys;
  secretKey: string;
  frontendApi: string;
  /** `pk_live_` for `frontendApi`: live keys skip the dev-browser cookie. */
  publishableKey: string;
  close(): Promise<void>;
}

type Service = "clerk" | "spotify";
type ApiHandler = (request: FakeRequest) => ApiResult;

interface ServiceSetup {
  service: Service;
  world: World;
  latencyMs: number;
  api: ApiHandler;
  control: ControlContext;
  pages?: PageHandler;
}

const isControl = (path: string) =>
  path === "/__fake" || path.startsWith("/__fake/");

async function answerApi(
  setup: ServiceSetup,
  request: FakeRequest,
  res: ServerResponse,
): Promise<void> {
  const { world, service } = setup;
  const startedAt = world.now();
  const started = performance.now();
  const { answer, userId } = setup.api(request);
  const userLatency = userId ? (world.users.get(userId)?.latencyMs ?? 0) : 0;
  const latencyMs = setup.latencyMs + userLatency;
  if (latencyMs > 0) await delay(latencyMs);
  const log = (status: number | null) => {
    if (userId === null) return;
    recordCall(world, userId, {
      service,
      method: request.method,
      path: request.path,
      query: queryRecord(request.query),
      status,
      startedAt,
      durationMs: Math.round(performance.now() - started),
    });
  };
  switch (answer.kind) {
    case "hang":
      res.on("close", () => log(null));
      return;
    case "trickle":
      startTrickle(res, answer);
      res.on("close", () => log(null));
      return;
    case "reset":
      resetConnection(res);
      log(null);
      return;
    case "padded-json":
      log(answer.status);
      await streamPaddedJson(res, answer);
      return;
    case "reply":
      writeReply(res, answer);
      log(answer.status);
  }
}

async function respond(
  setup: ServiceSetup,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const request = await readRequest(req);
    const page = setup.pages?.(request, setup.control);
    if (page) {
      writeReply(res, page);
    } else if (request.path.startsWith(`${NEVER_ANSWERS}/`)) {
      // Left open until the caller gives up or the fakes close.
    } else if (isControl(request.path)) {
      writeReply(res, handleControlRequest(request, setup.control));
    } else {
      await answerApi(setup, request, res);
    }
  } catch (error) {
    const tooLarge = error instanceof RequestTooLargeError;
    const message = error instanceof Error ? error.message : String(error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    writeReply(
      res,
      tooLarge
        ? clerkJson(413, { error: "request body too large" })
        : clerkJson(500, { error: `the fake failed: ${message}` }),
    );
  }
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      if (typeof address !== "object" || address === null) {
        reject(new Error("server has no TCP address"));
        return;
      }
      resolve(`http://127.0.0.1:${address.port}`);
    });
  });
}

function serve(setup: ServiceSetup): Server {
  const server = createServer((req, res) => {
    void respond(setup, req, res);
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  return server;
}

function shutDown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Hung requests would otherwise keep close() waiting forever.
    server.closeAllConnections();
  });
}

function publishableKeyFor(frontendApi: string): string {
  return `pk_live_${Buffer.from(`${frontendApi}$`).toString("base64")}`;
}

/** Starts the fake Clerk Backend API and Spotify Web API on 127.0.0.1. */
export async function startFakes(
  options: FakeOptions = {},
): Promise<RunningFakes> {
  const world = createWorld({ now: options.now, quotaMode: options.quotaMode });
  const keys = options.keys ?? generateSigningKeys();
  const secretKey = options.secretKey ?? "sk_live_fake_offline_secret";
  const frontendApi = options.frontendApi ?? "clerk.nowplaying.invalid";
  let forger: KeyObject | undefined;
  const control = {
    world,
    keys,
    issuer: `https://${frontendApi}`,
    defaultAzp: options.authorizedParty ?? "http://localhost:8787",
    forgerKey: () => {
      forger ??= generateSigningKeys().privateKey;
      return forger;
    },
  };
  const latencyMs = options.latencyMs ?? 0;
  const clerk = serve({
    service: "clerk",
    world,
    latencyMs,
    api: (request) => handleClerkRequest(request, { world, secretKey, keys }),
    control: { ...control, service: "clerk" },
    pages: options.pages,
  });
  const spotify = serve({
    service: "spotify",
    world,
    latencyMs,
    api: (request) => handleSpotifyRequest(request, { world }),
    control: { ...control, service: "spotify" },
  });
  const clerkUrl = await listen(clerk, options.clerkPort ?? 0);
  const spotifyUrl = await listen(spotify, options.spotifyPort ?? 0).catch(
    async (error: unknown) => {
      await shutDown(clerk);
      throw error;
    },
  );
  return {
    clerkUrl,
    spotifyUrl,
    world,
    keys,
    secretKey,
    frontendApi,
    publishableKey: publishableKeyFor(frontendApi),
    close: async () => {
      await Promise.all([shutDown(clerk), shutDown(spotify)]);
    },
  };
}
