/** Worker thread of the bulk seed: builds chunks (generation and encryption) off the main thread. */
import { parentPort, workerData } from "node:worker_threads";
import { buildChunk, type ChunkContext } from "./chunk";

const context = workerData.context as ChunkContext;

parentPort!.on(
  "message",
  ({ index, start, count }: { index: number; start: number; count: number }) => {
    const parts = buildChunk(context, start, count);
    // Transferred, not copied: the buffers move to the loading thread.
    parentPort!.postMessage(
      { index, parts },
      parts.map((part) => part.data.buffer as ArrayBuffer),
    );
  },
);
