"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { createDepartment } from "@/lib/departments/commands";
import { createDepartmentSchema } from "@/lib/departments/schemas";

export const create = defineAction({
  permission: "departments.manage",
  schema: createDepartmentSchema,
  run: (ctx, input) => createDepartment(ctx, input),
  done: async () => {
    revalidatePath("/departments");
    return { status: "ok", message: (await translator("departments"))("created") };
  },
});
