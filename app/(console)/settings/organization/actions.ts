"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { updateOrganization } from "@/lib/organizations/commands";
import { organizationSchema } from "@/lib/organizations/schemas";
import { updateClockSettings } from "@/lib/requests/clock-settings";
import { clockSettingsSchema } from "@/lib/requests/schemas";

export const update = defineAction({
  permission: "organization.update",
  schema: organizationSchema,
  run: (ctx, input) => updateOrganization(ctx, input),
  done: async () => {
    // The names show in the shell (organisation switcher) as well as on this page.
    revalidatePath("/", "layout");
    return { status: "ok", message: (await translator("organization"))("saved") };
  },
});

/** The GDPR zone and the PIPL periods new requests are received on. */
export const updateClockSettingsAction = defineAction({
  permission: "clocks.manage",
  schema: clockSettingsSchema,
  run: (ctx, input) => updateClockSettings(ctx, input),
  done: async () => {
    revalidatePath("/settings/organization");
    return { status: "ok", message: (await translator("organization"))("clocks.saved") };
  },
});
