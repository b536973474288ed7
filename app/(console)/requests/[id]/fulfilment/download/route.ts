import { z } from "zod";
import { defineRoute } from "@/lib/core/actions/define-route";
import { AppError } from "@/lib/core/errors";
import { latestExport, openExportForDownload } from "@/lib/requests/fulfilment/exports";

/** The request's newest data package, for staff to hand over; each download audited and counted. */
export const GET = defineRoute(
  "requests.handle",
  async ({ tx, orgId, actor, audit }, _request, context) => {
    const { id } = await context.params;
    const requestId = z.uuid().safeParse(id);
    if (!requestId.success) throw new AppError("notFound");
    const summary = await latestExport(tx, orgId, requestId.data);
    if (!summary) throw new AppError("notFound");
    const file = await openExportForDownload(tx, orgId, summary.id, { userId: actor.id });
    await audit({
      action: "request.downloaded",
      targetType: "request",
      targetId: file.requestId,
      details: { exportId: summary.id, by: "staff" },
    });
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Content-Length": String(file.bytes.length),
        "X-Content-SHA256": file.sha256,
        "Cache-Control": "no-store",
      },
    });
  },
);
