"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { evaluateControls } from "@/lib/controls/evaluate";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";

/** Evaluates every control now (the daily job does the same), recording today's results. */
export const evaluateControlsAction = defineAction({
  permission: "controls.evaluate",
  schema: z.object({}),
  run: async (ctx) => {
    await evaluateControls(ctx);
  },
  done: async () => {
    revalidatePath("/compliance");
    return { status: "ok", message: (await translator("controls"))("evaluated") };
  },
});
