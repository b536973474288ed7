"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { createFinding, uploadReport } from "@/lib/security-tests/commands";
import { findingCreateSchema, reportUploadSchema } from "@/lib/security-tests/schemas";

export const uploadReportAction = defineAction({
  permission: "security_tests.manage",
  schema: reportUploadSchema,
  run: async (ctx, input) => {
    await uploadReport(ctx, {
      assessmentId: input.assessmentId,
      fileName: input.file.name,
      bytes: new Uint8Array(await input.file.arrayBuffer()),
    });
    return input.assessmentId;
  },
  done: async (id) => {
    revalidatePath(`/security-tests/${id}`);
    return { status: "ok", message: (await translator("securityTests"))("report.uploaded") };
  },
});

export const createFindingAction = defineAction({
  permission: "security_tests.manage",
  schema: findingCreateSchema,
  run: async (ctx, input) => {
    await createFinding(ctx, input);
    return input.assessmentId;
  },
  done: async (id) => {
    revalidatePath(`/security-tests/${id}`);
    return { status: "ok", message: (await translator("securityTests"))("finding.created") };
  },
});
