"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/core/actions/define-action";
import { translator } from "@/lib/core/i18n/translator";
import { createImport } from "@/lib/imports/commands";
import { csvEncodings } from "@/lib/imports/decode";

const uploadSchema = z.object({
  file: z.instanceof(File).refine((file) => file.size > 0, "errors.required"),
  encoding: z.enum(csvEncodings).default("utf-8"),
});

export const uploadImportAction = defineAction({
  permission: "customers.import",
  schema: uploadSchema,
  run: async (ctx, input) =>
    createImport(ctx, {
      fileName: input.file.name,
      bytes: new Uint8Array(await input.file.arrayBuffer()),
      encoding: input.encoding,
    }),
  done: async (result) => {
    if ("problem" in result)
      return {
        status: "error",
        message: (await translator("imports"))(`upload.problems.${result.problem}`),
      };
    redirect(`/customers/import/${result.id}`);
  },
});
