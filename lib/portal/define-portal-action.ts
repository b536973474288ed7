import "server-only";
import type { z } from "zod";
import { withoutTenant, withTenant } from "@/db/tenant";
import { echoValues, formDataToObject } from "@/lib/core/actions/form-data";
import type { ActionState } from "@/lib/core/actions/state";
import type { AuditActor } from "@/lib/core/audit/record";
import { AppError } from "@/lib/core/errors";
import { translator, type Translate } from "@/lib/core/i18n/translator";
import { allowHit, rateLimitKey } from "@/lib/core/rate-limit";
import { tenantContext, type TenantContext } from "@/lib/core/tenancy/context";
import { fieldErrors } from "@/lib/core/validation/issue-message";
import { organizationBySlug } from "@/lib/organizations/queries";
import { PORTAL_VISITOR } from "./challenge";
import { portalSession, portalVisit } from "./cookies";
import type { PortalPurpose, PortalSession } from "./session";
import { notBefore } from "./timing";
import { log } from "@/lib/core/log/logger";

type Visit = Awaited<ReturnType<typeof portalVisit>>;

type Needs = PortalPurpose | null;

/** Where a portal action runs: the organisation of the page's slug, who asks, and their session. */
export interface PortalRequest<P extends Needs = Needs> {
  org: { id: string; slug: string };
  visit: Visit;
  /** The verified customer's signed portal session; null for the identity steps, before it exists. */
  session: P extends PortalPurpose ? PortalSession : null;
}

/**
 * A portal command's tenant context: audited as the verified customer when there is a session,
 * else as the anonymous visitor (commands that learn who the customer is audit as them on `tx`).
 */
export type PortalContext<P extends Needs = Needs> = TenantContext & PortalRequest<P>;

type Refusal = { message: string; fieldErrors?: Record<string, string> };

interface Definition<S extends z.ZodType, R, P extends Needs, D> {
  /** The signed portal session the action needs, or null: a visitor proving who they are. */
  session: P;
  /** Messages namespace holding `failed` (and `sessionExpired`, `rateLimited` when they can occur). */
  messages: string;
  schema: S;
  /** FormData → the schema's input; by default every field as the form names it. */
  input?: (formData: FormData) => Record<string, unknown>;
  /** A refused input's texts; by default each issue's message from the `errors` namespace, as defineAction does. */
  invalid?: (error: z.ZodError, raw: Record<string, unknown>, t: Translate) => Refusal;
  /** An AppError the command threw, as the visitor should read it; by default `failed`. */
  refused?: (error: AppError, t: Translate) => Promise<Refusal | undefined> | Refusal | undefined;
  /** Hits per client address, counted in their own transaction before anything else (a refused try still counts). */
  throttle?: { name: string; hits: number; windowSeconds: number };
  /** Every answer, whatever matched, comes after at least this long. */
  answerAfterMs?: number;
  /** The command, in one tenant transaction with its audit events; omitted when the action only moves cookies. */
  run?: (ctx: PortalContext<P>, input: z.infer<S>) => Promise<R>;
  /** After commit: cookies, delivery, the answer or a redirect (which throws). */
  done?: (
    result: R,
    request: PortalRequest<P>,
    input: z.infer<S>,
    t: Translate,
  ) => ActionState<D> | Promise<ActionState<D>>;
}

export type PortalAction<D = unknown> = (
  previous: ActionState<D>,
  formData: FormData,
) => Promise<ActionState<D>>;

/** What each portal action needs, read by tests/authorization.test.ts, which calls every one without it. */
export const portalActionSessions = new WeakMap<object, Needs>();

/** The organisation slug a portal form posts (a hidden field: the page's own slug). */
const slugOf = (formData: FormData) => String(formData.get("org") ?? "");

/**
 * The one wrapper for the public portal's mutations, as defineAction is for the console's:
 * validation with localised errors → the page's organisation → per-address throttle → the signed
 * portal session → one tenant transaction whose audit events are the customer's → the answer,
 * after the same time whatever matched. Refusals write nothing; internals are logged by name only.
 */
export function definePortalAction<
  S extends z.ZodType,
  R = undefined,
  P extends Needs = null,
  D = unknown,
>(definition: Definition<S, R, P, D>): PortalAction<D> {
  const action: PortalAction<D> = async (_previous, formData) => {
    const startedAt = Date.now();
    const answer = async (state: ActionState<D>) => {
      if (definition.answerAfterMs) await notBefore(startedAt, definition.answerAfterMs);
      return state;
    };
    const t = await translator(definition.messages);
    const raw = definition.input ? definition.input(formData) : formDataToObject(formData);
    const values = echoValues(raw);
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) {
      const refusal = definition.invalid
        ? definition.invalid(parsed.error, raw, t)
        : {
            message: (await translator("errors"))("checkFields"),
            fieldErrors: fieldErrors(parsed.error, await translator("errors")),
          };
      return answer({ status: "error", ...refusal, values });
    }

    let request: PortalRequest<P>;
    let result: R;
    try {
      const slug = slugOf(formData);
      const org = await organizationBySlug(slug);
      if (!org) return answer({ status: "error", message: t("failed"), values });
      const visit = await portalVisit();
      const { throttle } = definition;
      if (
        throttle &&
        !(await withoutTenant((tx) =>
          allowHit(
            tx,
            rateLimitKey(throttle.name, visit.ip),
            throttle.hits,
            throttle.windowSeconds,
          ),
        ))
      ) {
        return answer({ status: "error", message: t("rateLimited"), values });
      }
      const session = definition.session ? await portalSession(org.id, definition.session) : null;
      if (definition.session && !session)
        return answer({ status: "error", message: t("sessionExpired") });
      request = {
        org: { id: org.id, slug },
        visit,
        session: session as PortalRequest<P>["session"],
      };
      const actor: AuditActor = session
        ? { type: "customer", id: session.customerId }
        : PORTAL_VISITOR;
      const run = definition.run;
      result = run
        ? await withTenant(org.id, (tx) =>
            run({ ...tenantContext(tx, org.id, actor), ...request }, parsed.data),
          )
        : (undefined as R);
    } catch (error) {
      if (error instanceof AppError) {
        const refusal = await definition.refused?.(error, t);
        return answer({ status: "error", ...(refusal ?? { message: t("failed") }), values });
      }
      log.error({ event: definition.messages, err: error }, "portal action failed");
      return answer({ status: "error", message: t("failed"), values });
    }
    // The wait comes before `done`, which may redirect (by throwing).
    await answer({ status: "idle" });
    return definition.done ? definition.done(result, request, parsed.data, t) : { status: "ok" };
  };
  portalActionSessions.set(action, definition.session);
  return action;
}
