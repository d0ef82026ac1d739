import type { IncomingMessage, ServerResponse } from "node:http";
import type { CannedReply } from "./answers.ts";

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
  body: string;
  /** Scheme, host and port as the client addressed this server. */
  origin: string;
}

const MAX_BODY_BYTES = 1_048_576;

export class RequestTooLargeError extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY_BYTES) reject(new RequestTooLargeError());
      else resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", reject);
  });
}

export async function readRequest(req: IncomingMessage): Promise<FakeRequest> {
  const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
  const url = new URL(req.url ?? "/", origin);
  return {
    method: req.method ?? "GET",
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body: await readBody(req),
    origin,
  };
}

export function writeReply(res: ServerResponse, reply: CannedReply): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.status === 204 ? undefined : reply.body);
}

export function bearerToken(request: FakeRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(
    request.headers.authorization ?? "",
  );
  return match?.[1] ?? null;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Matches `/v1/users/:id` style patterns; returns the named segments. */
export function matchPath(
  pattern: string,
  path: string,
): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const actual = got[index] ?? "";
    if (segment.startsWith(":")) {
      const value = decodeSegment(actual);
      if (!value) return null;
      params[segment.slice(1)] = value;
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

export function queryRecord(query: URLSearchParams): Record<string, string> {
  return Object.fromEntries(query);
}
