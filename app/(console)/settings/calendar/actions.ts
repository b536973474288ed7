"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { saveCalendarYear } from "@/lib/requests/calendar-admin";
import { calendarYearSchema } from "@/lib/requests/schemas";

async function done(refreshed: number) {
  revalidatePath("/settings/calendar");
  return {
    status: "ok" as const,
    message: (await translator("requests"))("calendar.saved", { count: refreshed }),
  };
}

export const updateCalendarYearAction = defineAction({
  permission: "calendar.manage",
  schema: calendarYearSchema,
  run: (ctx, input) => saveCalendarYear(ctx, input, { adding: false }),
  done: (result) => done(result.refreshed),
});

export const addCalendarYearAction = defineAction({
  permission: "calendar.manage",
  schema: calendarYearSchema,
  run: (ctx, input) => saveCalendarYear(ctx, input, { adding: true }),
  done: (result) => done(result.refreshed),
});
