import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, test } from "vitest";
import { joinWrites } from "../../app/server/join-writes.server";
import worker from "../../functions/worker";
import { APP_ORIGIN, signIn } from "./app";

/*
 * React writes the page as many small pieces in one go when its stream is
 * pulled, then waits for deferred data. What leaves the Worker must be
 * the same bytes in a few chunks, the first of them without delay.
 */

const bytes = (text: string) => new TextEncoder().encode(text);
const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));
const pieces = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => `<p>${from + index}</p>`);

/** A byte stream that writes each burst when pulled, as React's does. */
function reactLike(bursts: string[][]) {
  let next = 0;
  return new ReadableStream(
    {
      type: "bytes",
      async pull(controller) {
        const burst = bursts[next++];
        if (!burst) {
          controller.close();
          return;
        }
        if (next > 1) await delay(10);
        for (const piece of burst) controller.enqueue(bytes(piece));
      },
    },
    { highWaterMark: 0 },
  );
}

async function readRaw(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

async function readChunks(stream: ReadableStream<Uint8Array>) {
  const decoder = new TextDecoder();
  return (await readRaw(stream)).map((chunk) => decoder.decode(chunk));
}

test("a burst of small writes leaves as two chunks: its first piece, then the rest", async () => {
  const shell = pieces(0, 100);
  const late = pieces(100, 2);

  const chunks = await readChunks(joinWrites(reactLike([shell, late])));

  expect(chunks).toEqual([shell[0], shell.slice(1).join(""), late[0], late[1]]);
});

test("pieces already queued leave as one chunk", async () => {
  const source = new ReadableStream({
    type: "bytes",
    start(controller) {
      controller.enqueue(bytes("<!DOCTYPE html>"));
      controller.enqueue(bytes("<html></html>"));
      controller.close();
    },
  });

  expect(await readChunks(joinWrites(source))).toEqual([
    "<!DOCTYPE html><html></html>",
  ]);
});

test("no chunk carries more than 64 KiB", async () => {
  const piece = "<".repeat(16 * 1024);
  const source = new ReadableStream({
    type: "bytes",
    start(controller) {
      for (let count = 0; count < 5; count++) controller.enqueue(bytes(piece));
      controller.close();
    },
  });

  const chunks = await readRaw(joinWrites(source));
  expect(chunks.map((chunk) => chunk.byteLength)).toEqual([
    64 * 1024,
    16 * 1024,
  ]);
});

test("an error in the page's stream reaches the reader", async () => {
  const source = new ReadableStream({
    type: "bytes",
    start(controller) {
      controller.enqueue(bytes("<html>"));
      controller.error(new Error("render failed"));
    },
  });

  await expect(readChunks(joinWrites(source))).rejects.toThrow("render failed");
});

test("a reader that stops early cancels the page's stream", async () => {
  let cancelled = false;
  const source = new ReadableStream({
    type: "bytes",
    async pull(controller) {
      await delay(5);
      controller.enqueue(bytes("<p>more</p>"));
    },
    cancel() {
      cancelled = true;
    },
  });

  const reader = joinWrites(source).getReader();
  await reader.read();
  await reader.cancel();
  expect(cancelled).toBe(true);
});

test("a stream that is not a byte stream passes through as it is", async () => {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes("<html>"));
      controller.enqueue(bytes("</html>"));
      controller.close();
    },
  });

  expect(await readChunks(joinWrites(source))).toEqual(["<html>", "</html>"]);
});

test("the dashboard leaves the Worker in a few chunks, not 512-byte pieces", async () => {
  const user = await signIn({ spotify: "track" });

  const response = await worker.fetch(
    new Request(`${APP_ORIGIN}/`, { headers: { cookie: user.cookie } }),
    env,
    createExecutionContext(),
  );
  const chunks = await readChunks(response.body ?? new ReadableStream());

  expect(response.status).toBe(200);
  expect(chunks.join("")).toContain("Low Tide Radio");
  // The shell's first piece, the rest of the shell, then the deferred
  // profile and the end of the document.
  expect(chunks.length).toBeLessThanOrEqual(4);
});
