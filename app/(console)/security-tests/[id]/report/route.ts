import { defineRoute } from "@/lib/core/actions/define-route";
import { AppError } from "@/lib/core/errors";
import { downloadHeaders, fileKinds, type FileKind } from "@/lib/core/files/file-type";
import { downloadReport } from "@/lib/security-tests/commands";
import { isId } from "@/lib/security-tests/schemas";

/** The assessment's report, as an attachment of the type its bytes were found to be; each download is audited. */
export const GET = defineRoute("security_tests.export", async (ctx, _request, { params }) => {
  const { id } = await params;
  if (typeof id !== "string" || !isId(id)) throw new AppError("notFound");
  const report = await downloadReport(ctx, id);
  const kind = fileKinds.includes(report.kind as FileKind) ? (report.kind as FileKind) : "zip";
  return new Response(new Uint8Array(report.content), {
    headers: downloadHeaders(report.fileName, kind),
  });
});
