"use server";

import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { createVendor } from "@/lib/vendors/commands";
import { vendorCreateSchema } from "@/lib/vendors/schemas";

export const createVendorAction = defineAction({
  permission: "vendors.create",
  schema: vendorCreateSchema,
  run: (ctx, input) => createVendor(ctx, input),
  done: (id) => redirect(`/vendors/${id}?notice=created`),
});
