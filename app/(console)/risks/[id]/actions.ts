"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { acceptRisk, linkRisk, unlinkRisk } from "@/lib/risks/commands";
import { riskAcceptSchema, riskLinkSchema } from "@/lib/risks/schemas";

const refreshed = (key: string) => async (_: unknown, input: { id: string }) => {
  revalidatePath(`/risks/${input.id}`);
  return { status: "ok" as const, message: (await translator("risks"))(key) };
};

export const acceptRiskAction = defineAction({
  permission: "risks.approve",
  schema: riskAcceptSchema,
  run: (ctx, input) => acceptRisk(ctx, input),
  done: refreshed("acceptance.accepted"),
});

export const linkRiskAction = defineAction({
  permission: "risks.manage",
  schema: riskLinkSchema,
  run: (ctx, input) => linkRisk(ctx, input),
  done: refreshed("links.linked"),
});

export const unlinkRiskAction = defineAction({
  permission: "risks.manage",
  schema: riskLinkSchema,
  run: (ctx, input) => unlinkRisk(ctx, input),
  done: refreshed("links.unlinked"),
});
