import { ApiProblem } from "./problem";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
export const MAX_BATCH_ITEMS = 1000;

/** Reads at most MAX_BODY_BYTES, refusing (413) as soon as the body is larger, declared or not. */
export async function readBody(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES)
    throw new ApiProblem("tooLarge", `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ApiProblem("tooLarge", `The body may be at most ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON.parse with a 400 problem for anything that is not one JSON document. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiProblem("malformed", "The body is not valid JSON.");
  }
}

/** Batches over the limit are refused as too large before any item is validated. */
export function checkBatchSize(body: unknown): void {
  const items = (body as { items?: unknown } | null)?.items;
  if (Array.isArray(items) && items.length > MAX_BATCH_ITEMS) {
    throw new ApiProblem(
      "tooLarge",
      `A batch may hold at most ${MAX_BATCH_ITEMS} items; split it into several calls.`,
    );
  }
}
