"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { addClockRule, updateIncidentSettings } from "@/lib/incidents/clock-settings";
import { incidentClockRuleSchema, incidentSettingsSchema } from "@/lib/incidents/schemas";

const saved = async (key: string) => {
  revalidatePath("/settings/incidents");
  return { status: "ok" as const, message: (await translator("incidents"))(`done.${key}`) };
};

export const updateIncidentSettingsAction = defineAction({
  permission: "incidentClocks.manage",
  schema: incidentSettingsSchema,
  run: (ctx, input) => updateIncidentSettings(ctx, input),
  done: () => saved("settingsSaved"),
});

export const addClockRuleAction = defineAction({
  permission: "incidentClocks.manage",
  schema: incidentClockRuleSchema,
  run: (ctx, input) => addClockRule(ctx, input),
  done: () => saved("ruleAdded"),
});
