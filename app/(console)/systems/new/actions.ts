"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { createSystem } from "@/lib/systems/commands";
import { systemCreateSchema } from "@/lib/systems/schemas";

export const createSystemAction = defineAction({
  permission: "systems.manage",
  schema: systemCreateSchema,
  run: (ctx, input) => createSystem(ctx, input),
  done: (id) => redirect(`/systems/${id}`),
});
