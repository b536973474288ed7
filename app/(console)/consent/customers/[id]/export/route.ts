import { z } from "zod";
import { defineRoute } from "@/lib/core/actions/define-route";
import { AppError } from "@/lib/core/errors";
import { customerEvidence, evidenceCsv } from "@/lib/consent/export";
import { shortId } from "@/lib/core/short-id";
import { todayIso } from "@/lib/core/dates";

const format = z.enum(["csv", "json"]).catch("json");

/**
 * One customer's consent receipts as evidence (every field, content hashes, batch ids, Merkle
 * roots and inclusion proofs). The export is audited with counts only.
 */
export const GET = defineRoute(
  "consent.export",
  async ({ tx, orgId, audit, user }, request, context) => {
    const { id } = await context.params;
    const customerId = z.uuid().safeParse(id);
    if (!customerId.success) throw new AppError("notFound");
    const kind = format.parse(new URL(request.url).searchParams.get("format"));
    const evidence = await customerEvidence(tx, orgId, customerId.data);
    await audit({
      action: "consent.exported",
      targetType: "customer",
      targetId: customerId.data,
      details: { format: kind, receipts: evidence.receipts.length },
    });
    const day = todayIso(new Date(), user.timeZone);
    const name = `consent-receipts-${shortId(customerId.data)}-${day}.${kind}`;
    const body = kind === "csv" ? evidenceCsv(evidence) : JSON.stringify(evidence, null, 2);
    return new Response(body, {
      headers: {
        "Content-Type":
          kind === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
