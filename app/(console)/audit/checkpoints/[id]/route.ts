import { z } from "zod";
import { defineRoute } from "@/lib/core/actions/define-route";
import { checkpointDocument } from "@/lib/core/audit/checkpoint";
import { AppError } from "@/lib/core/errors";

/** One signed checkpoint as a JSON file, verifiable offline with scripts/verify-checkpoint.ts. */
export const GET = defineRoute("audit.read", async ({ tx, orgId }, _request, context) => {
  const id = z.uuid().safeParse((await context.params).id);
  if (!id.success) throw new AppError("notFound");
  const document = await checkpointDocument(tx, orgId, id.data);
  if (!document) throw new AppError("notFound");
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-checkpoint-${document.payload.seq}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
