import { z } from "zod";
import { defineRoute } from "@/lib/core/actions/define-route";
import { AppError } from "@/lib/core/errors";
import { translator } from "@/lib/core/i18n/translator";
import { mayViewDepartment } from "@/lib/departments/access";
import { departmentCsv } from "@/lib/departments/export";
import { departmentOverview } from "@/lib/departments/overview";

/** The department page as CSV, for whoever may open the page (a manager only their own); audited. */
export const GET = defineRoute("departments.read", async (ctx, _request, { params }) => {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success || !(await mayViewDepartment(ctx.tx, ctx.orgId, ctx.user, id.data)))
    throw new AppError("notFound");
  const overview = await departmentOverview(ctx.tx, ctx.orgId, ctx.user, id.data);
  const csv = departmentCsv(overview, await translator("departments"), await translator("common"));
  await ctx.audit({
    action: "department.exported",
    targetType: "department",
    targetId: id.data,
    details: { people: overview.people.length, findings: overview.findings.length },
  });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="department-${id.data.slice(0, 8)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
