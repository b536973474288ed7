"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/core/actions/define-action";
import { createCheckpoint } from "@/lib/core/audit/checkpoint";
import {
  verifyCheckpointAgainstChain,
  type CheckpointVerdict,
} from "@/lib/core/audit/checkpoint-verify";
import { AppError } from "@/lib/core/errors";
import { translator } from "@/lib/core/i18n/translator";

/** Signs the chain head now, besides the hourly job. */
export const createCheckpointAction = defineAction({
  permission: "audit.checkpoint",
  schema: z.object({}),
  run: async (ctx) => {
    const checkpoint = await createCheckpoint(ctx);
    if (!checkpoint) throw new AppError("conflict");
    return checkpoint;
  },
  done: async (checkpoint) => {
    revalidatePath("/audit");
    const t = await translator("audit");
    return { status: "ok", message: t("checkpoints.created", { seq: checkpoint.seq }) };
  },
});

/**
 * Checks a pasted checkpoint against this deployment's key and the live chain. Read-only, but
 * recorded: who checked which sequence number, and the verdict code.
 */
export const verifyCheckpointAction = defineAction({
  permission: "audit.read",
  schema: z.object({ checkpoint: z.string().trim().min(1).max(20_000) }),
  run: async ({ tx, audit }, input) => {
    const verdict = await verifyCheckpointAgainstChain(tx, input.checkpoint);
    await audit({
      action: "audit.checkpoint_verified",
      targetType: "audit_checkpoint",
      details: {
        seq: verdict.payload?.seq ?? null,
        verdict: verdict.ok ? "valid" : verdict.reason,
      },
    });
    return verdict;
  },
  // The pasted text goes back so the form keeps it next to the verdict.
  done: (verdict: CheckpointVerdict, input) => ({
    status: "ok",
    data: { verdict, checkpoint: input.checkpoint },
  }),
});
