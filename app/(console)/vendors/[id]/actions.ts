"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { setVendorArchived } from "@/lib/vendors/commands";
import { vendorIdSchema } from "@/lib/vendors/schemas";

export const archiveVendorAction = defineAction({
  permission: "vendors.archive",
  schema: vendorIdSchema,
  run: (ctx, input) => setVendorArchived(ctx, input.id, true),
  done: (_result, input) => redirect(`/vendors/${input.id}?notice=archived`),
});

// Restoring is the same permission: whoever may archive may undo it.
export const restoreVendorAction = defineAction({
  permission: "vendors.archive",
  schema: vendorIdSchema,
  run: (ctx, input) => setVendorArchived(ctx, input.id, false),
  done: (_result, input) => redirect(`/vendors/${input.id}?notice=restored`),
});
