"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { updateSystem } from "@/lib/systems/commands";
import { systemUpdateSchema } from "@/lib/systems/schemas";

export const updateSystemAction = defineAction({
  permission: "systems.manage",
  schema: systemUpdateSchema,
  run: async (ctx, input) => {
    await updateSystem(ctx, input);
    return input.id;
  },
  done: (id) => redirect(`/systems/${id}`),
});
