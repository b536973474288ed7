import { z } from "zod";
import { describe, expect, it } from "vitest";
import * as passwordActions from "@/app/(console)/account/password/actions";
import * as twoFactorActions from "@/app/(console)/account/two-factor/actions";
import { actionPermissions, defineAction } from "@/lib/core/actions/define-action";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { auditedActions } from "./test-support";

// Stands for any organisation-level mutation: the wrapper, not the action, must refuse.
let ran = 0;
const probe = defineAction({
  permission: "organization.update",
  schema: z.object({}),
  run: async (ctx) => {
    ran += 1;
    await ctx.audit({
      action: "organization.updated",
      targetType: "organization",
      targetId: ctx.orgId,
    });
  },
});

describe("a person with something pending", () => {
  it.each(["mfa_enrolment", "password_change"] as const)(
    "is refused every non-self action while %s is pending",
    async (pending) => {
      const { orgId, ownerId } = await createOrg();
      await actAs(ownerId, orgId, pending);
      const before = ran;
      expect(await probe({ status: "idle" }, form({}))).toEqual({
        status: "error",
        message: "errors.forbidden",
      });
      expect(ran).toBe(before);
      expect((await auditedActions(orgId, ownerId)).map((e) => e.action)).not.toContain(
        "organization.updated",
      );

      await actAs(ownerId, orgId, null);
      expect(await probe({ status: "idle" }, form({}))).toEqual({ status: "ok" });
      expect(ran).toBe(before + 1);
    },
  );

  it("can still use the account actions, which all require only 'self'", async () => {
    const actions = [...Object.values(passwordActions), ...Object.values(twoFactorActions)];
    expect(actions.length).toBe(4);
    for (const action of actions) expect(actionPermissions.get(action)).toBe("self");
    const { orgId } = await createOrg();
    const dpo = await createMember(orgId, "privacy_officer");
    await actAs(dpo, orgId, "mfa_enrolment");
    // Reaches validation (not the permission check): the field errors come from the schema.
    expect(
      await twoFactorActions.confirmEnrolmentAction({ status: "idle" }, form({})),
    ).toMatchObject({ message: "errors.checkFields" });
  });
});
