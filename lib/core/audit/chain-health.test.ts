import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { chainHealth } from "./chain-health";
import {
  append,
  checkpoint,
  orgWithCheckpoints,
  orgWithEvents,
  rewriteFrom,
  tamper,
} from "./test-support";

afterAll(closeAppDb);

const HOUR = 3600_000;
const healthAt = (orgId: string, hoursFromNow = 0) =>
  withTenant(orgId, (tx) => chainHealth(tx, orgId, new Date(Date.now() + hoursFromNow * HOUR)));

describe("the overview's chain health", () => {
  it("names the first signed checkpoint a rewrite with recomputed hashes no longer matches", async () => {
    const orgId = await orgWithCheckpoints();
    expect((await healthAt(orgId)).anchorProblem).toBeUndefined();
    await rewriteFrom(orgId, 7);
    expect((await healthAt(orgId)).anchorProblem).toEqual({
      reason: "checkpointMismatch",
      checkpoint: 12,
    });
  });

  it("flags a newest checkpoint row edited to agree with the rewrite", async () => {
    const orgId = await orgWithCheckpoints();
    await rewriteFrom(orgId, 7);
    await tamper((c) =>
      c.query(
        "update audit_checkpoints c set hash = e.hash from audit_events e where e.org_id = c.org_id and e.seq = c.seq and c.org_id = $1",
        [orgId],
      ),
    );
    expect((await healthAt(orgId)).anchorProblem).toEqual({
      reason: "checkpointNotGenuine",
      checkpoint: 12,
    });
  });

  it("raises the overdue alarm only when events wait more than two hours for a checkpoint", async () => {
    // A fresh organisation: no checkpoint yet, but none is due either.
    const fresh = await orgWithEvents(0);
    expect(await healthAt(fresh)).toMatchObject({
      lastCheckpoint: undefined,
      checkpointOverdue: false,
    });
    expect((await healthAt(fresh, 1.5)).checkpointOverdue).toBe(false);
    expect((await healthAt(fresh, 2.5)).checkpointOverdue).toBe(true);

    // Signed, then idle: the checkpoint's own record does not count, however old it gets.
    await checkpoint(fresh);
    expect((await healthAt(fresh, 48)).checkpointOverdue).toBe(false);

    // New work after the checkpoint starts the clock again.
    await append(fresh, 1);
    expect((await healthAt(fresh, 1.5)).checkpointOverdue).toBe(false);
    expect((await healthAt(fresh, 2.5)).checkpointOverdue).toBe(true);
  });
});
