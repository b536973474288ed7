"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { enqueue } from "@/lib/core/jobs/worker";
import { startRotation } from "@/lib/keys/rotation";

/** A new organisation key version becomes primary now; the job moves everything else to it. */
export const rotateOrgKeyAction = defineAction({
  permission: "keys.rotate",
  schema: z.object({}),
  run: (ctx) => startRotation(ctx),
  done: async (rotation) => {
    // After commit, so the job finds the rotation row.
    await enqueue("key-rotation", { orgId: rotation.orgId, rotationId: rotation.id });
    revalidatePath("/settings/keys");
    const t = await translator("keys");
    return { status: "ok", message: t("rotation.started", { version: rotation.toVersion }) };
  },
});
