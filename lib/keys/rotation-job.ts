import "server-only";
import { z } from "zod";
import type { JobDefinition } from "@/lib/core/jobs/job";
import { runRotation } from "@/lib/keys/rotation";

const payload = z.object({ orgId: z.uuid(), rotationId: z.uuid() });

/** Sent by the keys page after startRotation commits; a retry resumes where the last batch ended. */
export const keyRotationJob: JobDefinition = {
  name: "key-rotation",
  run: async (data) => {
    const { orgId, rotationId } = payload.parse(data);
    await runRotation(orgId, rotationId);
  },
};
