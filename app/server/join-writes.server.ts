import { concatenate } from "./bytes.server";

const MAX_JOINED_BYTES = 64 * 1024;

/**
 * React's stream hands the page out in 512-byte pieces, and each piece
 * costs a trip through the runtime's stream machinery and a chunk on the
 * wire. This joins everything React writes in one turn of the event loop
 * into one chunk, so the page leaves as a few chunks: the shell, then one
 * per deferred panel as it resolves. A burst past 64 KiB leaves at once.
 */
export function joinWrites(
  source: ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let closed = false;

  const release = (
    controller: TransformStreamDefaultController<Uint8Array>,
  ) => {
    if (closed || pending.length === 0) return;
    const joined = concatenate(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    try {
      controller.enqueue(joined);
    } catch {
      // The reader went away or the render failed while this waited for
      // its turn: nobody is left to send these bytes to.
      closed = true;
    }
  };

  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= MAX_JOINED_BYTES) release(controller);
        else if (pending.length === 1) setTimeout(() => release(controller), 0);
      },
      flush(controller) {
        release(controller);
        closed = true;
      },
    }),
  );
}
