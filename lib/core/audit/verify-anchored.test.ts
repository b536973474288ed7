import { createTranslator } from "next-intl";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import enAudit from "@/messages/en/audit.json";
import enErrors from "@/messages/en/errors.json";
import { checkpoint, orgWithCheckpoints, rewriteFrom, tamper } from "./test-support";
import { verifyOrganizationChain } from "./verify-organization";

afterAll(closeAppDb);

const verify = (orgId: string) => withTenant(orgId, (tx) => verifyOrganizationChain(tx, orgId));

describe("verification anchored on the signed checkpoints", () => {
  it("reports an untouched chain intact and matched against every checkpoint", async () => {
    const orgId = await orgWithCheckpoints();
    expect(await verify(orgId)).toMatchObject({
      intact: true,
      lastSeq: 15,
      checkpoints: 2,
      anchoredAt: 12,
    });
  });

  it("catches a rewrite from #7 with recomputed hashes, naming the first checkpoint that disagrees", async () => {
    const orgId = await orgWithCheckpoints();
    await rewriteFrom(orgId, 7);
    const verdict = await verify(orgId);
    expect(verdict).toEqual({
      intact: false,
      reason: "checkpointMismatch",
      checkpoint: 12,
      lastMatching: 5,
    });
    const t = createTranslator({ locale: "en", messages: { audit: enAudit }, namespace: "audit" });
    expect(t("chain.mismatch", { seq: 12 })).toBe("Event #12 does not match signed checkpoint #12");
  });

  it("refuses to sign a new checkpoint over the rewrite, and says why", async () => {
    const orgId = await orgWithCheckpoints();
    await rewriteFrom(orgId, 7);
    const error = await checkpoint(orgId).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "chainBroken",
      messageKey: "chainCheckpointMismatch",
      messageValues: { seq: 12 },
    });
    const t = createTranslator({
      locale: "en",
      messages: { errors: enErrors },
      namespace: "errors",
    });
    expect(t("chainCheckpointMismatch", { seq: 12 })).toContain(
      "event #12 does not match signed checkpoint #12",
    );
  });

  it("does not take an edited or planted checkpoint row as an anchor", async () => {
    // The rewrite, and the checkpoint row's hash changed to agree with it: the signature fails.
    const edited = await orgWithCheckpoints();
    await rewriteFrom(edited, 7);
    await tamper((c) =>
      c.query(
        "update audit_checkpoints c set hash = e.hash from audit_events e where e.org_id = c.org_id and e.seq = c.seq and c.org_id = $1",
        [edited],
      ),
    );
    expect(await verify(edited)).toEqual({
      intact: false,
      reason: "checkpointNotGenuine",
      checkpoint: 12,
    });
    await expect(checkpoint(edited)).rejects.toMatchObject({
      messageKey: "chainCheckpointNotGenuine",
      messageValues: { seq: 12 },
    });

    // A row planted on an untouched chain is reported, not silently skipped.
    const planted = await orgWithCheckpoints();
    await tamper((c) =>
      c.query(
        `insert into audit_checkpoints (org_id, seq, hash, signed_at, key_id, signature)
       select org_id, seq, hash, now(), 'forged', 'AAAA' from audit_events where org_id = $1 and seq = 9`,
        [planted],
      ),
    );
    expect(await verify(planted)).toEqual({
      intact: false,
      reason: "checkpointNotGenuine",
      checkpoint: 9,
    });
  });

  it("catches a tail cut off after a checkpoint", async () => {
    const orgId = await orgWithCheckpoints();
    await tamper((c) =>
      c.query("delete from audit_events where org_id = $1 and seq >= 10", [orgId]),
    );
    expect(await verify(orgId)).toEqual({
      intact: false,
      reason: "checkpointMismatch",
      checkpoint: 12,
      lastMatching: 5,
    });
  });
});
