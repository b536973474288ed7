"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/core/actions/define-action";
import { ORG_COOKIE } from "@/lib/core/auth/actor";
import { useSecureCookies } from "@/lib/core/auth/session-policy";
import { createAnotherOrganization } from "@/lib/organizations/commands";
import { organizationSchema } from "@/lib/organizations/schemas";

/** Creates the organisation, then switches to it: the same cookie the organisation switcher sets. */
export const create = defineAction({
  permission: "organization.create",
  schema: organizationSchema,
  run: (ctx, input) => createAnotherOrganization(ctx, input),
  done: async (orgId) => {
    // Not httpOnly: the switcher in the header rewrites it from the browser.
    (await cookies()).set(ORG_COOKIE, orgId, {
      path: "/",
      maxAge: 31_536_000,
      sameSite: "lax",
      secure: useSecureCookies,
    });
    redirect("/");
  },
});
