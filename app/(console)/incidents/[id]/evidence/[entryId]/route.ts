import { defineRoute } from "@/lib/core/actions/define-route";
import { AppError } from "@/lib/core/errors";
import { downloadHeaders, fileKinds, type FileKind } from "@/lib/core/files/file-type";
import { downloadEvidence } from "@/lib/incidents/response/timeline";
import { isIncidentId } from "@/lib/incidents/schemas";

/** A timeline entry's evidence, as an attachment of the type its bytes were found to be; audited. */
export const GET = defineRoute("incidentRecords.read", async (ctx, _request, { params }) => {
  const { entryId } = await params;
  if (typeof entryId !== "string" || !isIncidentId(entryId)) throw new AppError("notFound");
  const file = await downloadEvidence(ctx, entryId);
  const kind = fileKinds.includes(file.kind as FileKind) ? (file.kind as FileKind) : "zip";
  return new Response(new Uint8Array(file.content), {
    headers: downloadHeaders(file.fileName, kind),
  });
});
