"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { updateOrganization } from "@/lib/organizations/commands";
import { organizationSchema } from "@/lib/organizations/schemas";

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
