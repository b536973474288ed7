"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { setSystemArchived } from "@/lib/systems/commands";
import { systemIdSchema } from "@/lib/systems/schemas";

export const archiveSystemAction = defineAction({
  permission: "systems.manage",
  schema: systemIdSchema,
  run: (ctx, input) => setSystemArchived(ctx, { id: input.id, archived: true }),
  done: (_result, input) => redirect(`/systems/${input.id}`),
});

// Restoring is the same permission: whoever may archive may undo it.
export const restoreSystemAction = defineAction({
  permission: "systems.manage",
  schema: systemIdSchema,
  run: (ctx, input) => setSystemArchived(ctx, { id: input.id, archived: false }),
  done: (_result, input) => redirect(`/systems/${input.id}`),
});
