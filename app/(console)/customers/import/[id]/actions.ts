"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction } from "@/lib/core/actions/define-action";
import { enqueue } from "@/lib/core/jobs/worker";
import { startImport } from "@/lib/imports/commands";
import { customerImportJob } from "@/lib/imports/import-job";
import { mappingInput, toMapping } from "@/lib/imports/mapping-input";

export const runImportAction = defineAction({
  permission: "customers.import",
  schema: mappingInput.extend({ id: z.uuid() }),
  run: (ctx, { id, ...mapping }) => startImport(ctx, id, toMapping(mapping)),
  // After commit, so the job finds the import running.
  done: async ({ orgId, importId }) => {
    await enqueue(customerImportJob.name, { orgId, importId });
    redirect(`/customers/import/${importId}`);
  },
});
