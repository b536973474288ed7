"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { updateVendor } from "@/lib/vendors/commands";
import { vendorUpdateSchema } from "@/lib/vendors/schemas";

export const updateVendorAction = defineAction({
  permission: "vendors.update",
  schema: vendorUpdateSchema,
  run: (ctx, input) => updateVendor(ctx, input),
  done: (_result, input) => redirect(`/vendors/${input.id}?notice=updated`),
});
