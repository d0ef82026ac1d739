import { readdir, readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import * as v from "valibot";
import { ROOT, runNodeScript } from "./node-script.ts";

/*
 * What the dashboard costs to ship: the Worker bundle as Cloudflare
 * receives it, and the JavaScript the dashboard page itself loads. clerk-js
 * is not counted: the browser fetches it from Clerk's host at run time.
 */

export const CLIENT_DIR = join(ROOT, "build", "client");
/** Where `npm run deploy:check` leaves the bundle. */
export const WORKER_DIR = join(ROOT, "build", "worker");

export const KIB = 1024;
export const KB = 1000;

export const BUDGETS = { workerGzipKiB: 350, clientJsGzipKB: 160 };

/** The route ids whose modules a signed-in GET / loads. */
const DASHBOARD_ROUTES = ["root", "routes/home"];

export const gzipSize = (bytes: Uint8Array) => gzipSync(bytes).byteLength;

/** `wrangler deploy --dry-run`: bundles and minifies, uploads nothing. */
export function buildWorkerBundle(outdir: string): Promise<void> {
  const wrangler = join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
  return runNodeScript(wrangler, ["deploy", "--dry-run", "--outdir", outdir]);
}

/**
 * Gzipped bytes of the Worker's modules in a `--outdir` folder, taken the
 * way wrangler reports "Total Upload ... gzip": all modules, one stream.
 */
export async function workerBundleGzip(outdir: string): Promise<number> {
  const names = await readdir(outdir).catch(() => []);
  const modules = names.filter(isWorkerModule).sort();
  if (modules.length === 0) {
    throw new Error(
      `no Worker bundle in ${outdir}: run npm run build && npm run deploy:check`,
    );
  }
  const contents = await Promise.all(
    modules.map((name) => readFile(join(outdir, name))),
  );
  return gzipSize(Buffer.concat(contents));
}

function isWorkerModule(name: string) {
  return [".js", ".mjs", ".cjs", ".wasm"].includes(extname(name));
}

const ManifestEntry = v.object({
  module: v.string(),
  imports: v.optional(v.array(v.string()), []),
});

const RemixManifest = v.object({
  entry: ManifestEntry,
  routes: v.record(v.string(), ManifestEntry),
});

/**
 * The dashboard's scripts from the client build: the entry, the root and
 * the dashboard route with their imports. Vite's own manifest is deleted by
 * the Remix build, so this reads Remix's `assets/manifest-*.js`.
 */
export async function dashboardScriptsInBuild(
  clientDir = CLIENT_DIR,
): Promise<string[]> {
  const assets = join(clientDir, "assets");
  const names = await readdir(assets).catch(() => []);
  const file = names.find((name) => /^manifest-[\w-]+\.js$/.test(name));
  if (!file) {
    throw new Error(`no Remix manifest in ${assets}: run npm run build`);
  }
  const text = await readFile(join(assets, file), "utf8");
  const json = text
    .replace(/^window\.__remixManifest=/, "")
    .replace(/;\s*$/, "");
  const manifest = v.parse(RemixManifest, JSON.parse(json));
  const modules = DASHBOARD_ROUTES.map((id) => {
    const route = manifest.routes[id];
    if (!route) throw new Error(`the Remix manifest has no route ${id}`);
    return route;
  });
  return unique(
    [manifest.entry, ...modules].flatMap((m) => [m.module, ...m.imports]),
  );
}

/** Same-origin scripts a page names: module preloads, script tags, imports. */
export function scriptsInHtml(html: string): string[] {
  const patterns = [
    /<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g,
    /<script[^>]*src="([^"]+)"/g,
    /\bimport\s*(?:[^"';]*?\bfrom\s*)?\(?\s*"([^"]+)"/g,
  ];
  const paths = patterns.flatMap((pattern) =>
    [...html.matchAll(pattern)].map((match) => match[1] ?? ""),
  );
  return unique(paths.filter((path) => /^\/[^/].*\.m?js$/.test(path)));
}

export interface ScriptsSize {
  files: number;
  gzipBytes: number;
}

/** Each script gzipped on its own, as each is its own response. */
export async function scriptsGzip(
  paths: string[],
  read: (path: string) => Promise<Uint8Array>,
): Promise<ScriptsSize> {
  const sizes = await Promise.all(
    paths.map(async (path) => gzipSize(await read(path))),
  );
  const gzipBytes = sizes.reduce((sum, size) => sum + size, 0);
  return { files: paths.length, gzipBytes };
}

export const readFromBuild =
  (clientDir = CLIENT_DIR) =>
  (path: string) =>
    readFile(join(clientDir, path));

function unique(values: string[]) {
  return [...new Set(values)];
}
