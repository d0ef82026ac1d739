import { expect, test } from "vitest";
import { joinWrites } from "../../app/server/join-writes.server";

/*
 * React writes the page as many small pieces in one go, then waits for
 * deferred data. What leaves the Worker must be the same bytes in one
 * chunk per burst.
 */

const bytes = (text: string) => new TextEncoder().encode(text);
const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));

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

test("a burst of small writes leaves as one chunk, a later write as its own", async () => {
  const source = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (let piece = 0; piece < 100; piece++) {
        controller.enqueue(bytes(`<p>${piece}</p>`));
      }
      await delay(20);
      controller.enqueue(bytes("<script>late</script>"));
      controller.enqueue(bytes("</html>"));
      controller.close();
    },
  });

  const chunks = await readChunks(joinWrites(source));

  const shell = Array.from({ length: 100 }, (_, piece) => `<p>${piece}</p>`);
  expect(chunks).toEqual([shell.join(""), "<script>late</script></html>"]);
});

test("a burst past 64 KiB does not wait for the turn to end", async () => {
  const piece = new Uint8Array(16 * 1024).fill(60);
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let count = 0; count < 5; count++) controller.enqueue(piece);
      controller.close();
    },
  });

  const chunks = await readRaw(joinWrites(source));
  expect(chunks.map((chunk) => chunk.byteLength)).toEqual([
    64 * 1024,
    16 * 1024,
  ]);
});

test("what is written just before the end is not lost", async () => {
  const source = new ReadableStream<Uint8Array>({
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

test("an error in the page's stream reaches the reader", async () => {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes("<html>"));
      controller.error(new Error("render failed"));
    },
  });

  await expect(readChunks(joinWrites(source))).rejects.toThrow("render failed");
});

test("a reader that stops early cancels the page's stream", async () => {
  let cancelled = false;
  const source = new ReadableStream<Uint8Array>({
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
