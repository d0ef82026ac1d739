/** The most one chunk of the page carries. */
const MAX_CHUNK_BYTES = 64 * 1024;

/**
 * React's stream hands the page out in 512-byte pieces, and each piece
 * costs a trip through the runtime's stream machinery and a chunk on the
 * wire. React's stream is a byte stream, so a reader that brings its own
 * buffer gets every piece already queued in one read: the first piece
 * leaves at once, and what React wrote with it follows as one chunk.
 */
export function joinWrites(
  source: ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  let reader: ReadableStreamBYOBReader;
  try {
    reader = source.getReader({ mode: "byob" });
  } catch {
    // Not a byte stream (React's is): nothing to join with, so as it is.
    return source;
  }
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read(
        new Uint8Array(MAX_CHUNK_BYTES),
      );
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
