"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { setSystemArchived } from "@/lib/systems/commands";
import { systemArchiveSchema } from "@/lib/systems/schemas";

/** Archive or restore; either way the page shows the system as it now is. */
export const archiveSystemAction = defineAction({
  permission: "systems.manage",
  schema: systemArchiveSchema,
  run: (ctx, input) => setSystemArchived(ctx, input),
  done: (_result, input) => redirect(`/systems/${input.id}`),
});
