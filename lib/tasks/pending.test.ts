import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { reviewsAwaiting } from "@/lib/policies/reviews";
import { documentWithVersion } from "@/lib/policies/test-support";
import { createMember, createOrg } from "@/tests/factories";
import { pendingTaskCount } from "./pending";

afterAll(closeAppDb);

let orgId: string;
let author: string;
let reviewer: string;
let employee: string;
let versionId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [author, reviewer, employee] = [
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "privacy_officer"),
    await createMember(orgId, "employee"),
  ];
  ({ id: versionId } = await documentWithVersion(
    orgId,
    author,
    reviewer,
    "in_review",
    "review-task",
  ));
});

describe("review tasks (four-eyes)", () => {
  it("go to a person who may approve, never to the version's author", async () => {
    const forReviewer = await withTenant(orgId, (tx) =>
      reviewsAwaiting(tx, orgId, { userId: reviewer, role: "privacy_officer" }),
    );
    expect(forReviewer.map((r) => r.versionId)).toEqual([versionId]);
    expect(
      await withTenant(orgId, (tx) =>
        reviewsAwaiting(tx, orgId, { userId: author, role: "privacy_officer" }),
      ),
    ).toEqual([]);
    expect(
      await withTenant(orgId, (tx) =>
        reviewsAwaiting(tx, orgId, { userId: employee, role: "employee" }),
      ),
    ).toEqual([]);
  });

  it("count towards the navigation's pending tasks", async () => {
    const count = (userId: string, role: "privacy_officer" | "employee") =>
      withTenant(orgId, (tx) => pendingTaskCount(tx, orgId, { userId, role }));
    expect(await count(reviewer, "privacy_officer")).toBe(1);
    expect(await count(author, "privacy_officer")).toBe(0);
  });
});
