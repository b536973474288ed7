"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { deleteDepartment, updateDepartment } from "@/lib/departments/commands";
import { deleteDepartmentSchema, updateDepartmentSchema } from "@/lib/departments/schemas";

export const update = defineAction({
  permission: "departments.manage",
  schema: updateDepartmentSchema,
  run: (ctx, input) => updateDepartment(ctx, input),
  done: async (_, input) => {
    revalidatePath("/departments");
    revalidatePath(`/departments/${input.id}`);
    return { status: "ok", message: (await translator("departments"))("updated") };
  },
});

export const remove = defineAction({
  permission: "departments.manage",
  schema: deleteDepartmentSchema,
  run: (ctx, input) => deleteDepartment(ctx, input),
  done: () => {
    revalidatePath("/departments");
    redirect("/departments?deleted=1");
  },
});
