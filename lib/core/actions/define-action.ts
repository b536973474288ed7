import "server-only";
import type { z } from "zod";
import { withTenant } from "@/db/tenant";
import { getActor, type Actor } from "@/lib/core/auth/actor";
import { can, type Permission } from "@/lib/core/authz/permissions";
import { AppError } from "@/lib/core/errors";
import { translator } from "@/lib/core/i18n/translator";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { fieldErrors } from "@/lib/core/validation/issue-message";
import { echoValues, formDataToObject } from "./form-data";
import type { ActionState } from "./state";
import { log } from "@/lib/core/log/logger";

/** A console action's tenant context (audited as the signed-in user), with that person's session. */
export interface ActionContext extends TenantContext {
  /** The signed-in person: their role, memberships and what they must do first. */
  user: Actor;
}

/** "self": any signed-in person acting on their own account, allowed while enrolment is pending. */
export type ActionPermission = Permission | "self";

interface Definition<S extends z.ZodType, R> {
  permission: ActionPermission;
  schema: S;
  run: (ctx: ActionContext, input: z.infer<S>) => Promise<R>;
  /** After commit: a message, data for the form, or a redirect (which throws). */
  done?: (result: R, input: z.infer<S>) => ActionState | Promise<ActionState>;
}

export type ServerAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Which permission each action requires: read by the test that tries every action as every role. */
export const actionPermissions = new WeakMap<ServerAction, ActionPermission>();

function allowed(actor: Actor, permission: ActionPermission): boolean {
  if (permission === "self") return true;
  return actor.pending === null && can(actor.role, permission);
}

/**
 * The one wrapper for every mutation: session → permission → validation → tenant transaction
 * with its audit event(s) → localised result. A run that writes no audit event is rolled back.
 */
export function defineAction<S extends z.ZodType, R>(definition: Definition<S, R>): ServerAction {
  const action: ServerAction = async (_previous, formData) => {
    const t = await translator("errors");
    const actor = await getActor();
    if (!actor) return { status: "error", message: t("unauthenticated") };
    if (!allowed(actor, definition.permission)) return { status: "error", message: t("forbidden") };

    const raw = formDataToObject(formData);
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) {
      return {
        status: "error",
        message: t("checkFields"),
        fieldErrors: fieldErrors(parsed.error, t),
        values: echoValues(raw),
      };
    }

    let result: R;
    try {
      result = await withTenant(
        actor.orgId,
        async (tx) => {
          const ctx = tenantContext(tx, actor.orgId, { type: "user", id: actor.userId });
          const value = await definition.run({ ...ctx, user: actor }, parsed.data);
          if (ctx.audited() === 0) throw new Error("a mutation must write an audit event");
          return value;
        },
        actor.userId,
      );
    } catch (error) {
      if (error instanceof AppError) {
        // Field messages may use the error's values too (a vendor's name, a number of customers).
        const fields =
          error.fieldErrors &&
          Object.fromEntries(
            Object.entries(error.fieldErrors).map(([k, v]) => [k, t(v, error.messageValues)]),
          );
        return {
          status: "error",
          message: t(error.messageKey ?? error.code, error.messageValues),
          fieldErrors: fields,
          values: echoValues(raw),
        };
      }
      log.error({ permission: definition.permission, err: error }, "action failed");
      return { status: "error", message: t("internal"), values: echoValues(raw) };
    }
    return definition.done ? definition.done(result, parsed.data) : { status: "ok" };
  };
  actionPermissions.set(action, definition.permission);
  return action;
}
