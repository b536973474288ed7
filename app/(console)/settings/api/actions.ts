"use server";

import { revalidatePath } from "next/cache";
import { apiKeyIdInput, createApiKeyInput, createApiKey, revokeApiKey } from "@/lib/api/keys";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";

/** The token travels back in the result only, to be shown once; the database keeps its hash. */
export const createApiKeyAction = defineAction({
  permission: "api.manage",
  schema: createApiKeyInput,
  run: (ctx, input) => createApiKey(ctx, input),
  done: async (result) => {
    revalidatePath("/settings/api");
    const t = await translator("api");
    return {
      status: "ok",
      message: t("create.done", { name: result.name }),
      data: { name: result.name, token: result.token },
    };
  },
});

export const revokeApiKeyAction = defineAction({
  permission: "api.manage",
  schema: apiKeyIdInput,
  run: (ctx, input) => revokeApiKey(ctx, input.id),
  done: async () => {
    revalidatePath("/settings/api");
    const t = await translator("api");
    return { status: "ok", message: t("revoke.done") };
  },
});
