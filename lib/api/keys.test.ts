import { afterAll, describe, expect, it } from "vitest";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(console)/settings/api/actions";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { actAs, createMember, createOrg, form } from "@/tests/factories";
import { getCustomer } from "./endpoints";
import { listApiKeys } from "./keys";
import { call, eventsOf } from "./test-support";

afterAll(closeAppDb);

describe("API keys in the console", () => {
  it("creates a key whose token is returned once, lists it without secrets, and revokes it", async () => {
    const { orgId } = await createOrg();
    const admin = await createMember(orgId, "admin");
    await actAs(admin, orgId);

    const refused = await createApiKeyAction({ status: "idle" }, form({ name: "", scopes: [] }));
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { name: "errors.required", scopes: "errors.chooseAtLeastOne" },
    });
    const bogus = await createApiKeyAction(
      { status: "idle" },
      form({ name: "x", scopes: ["admin:all"] }),
    );
    expect(bogus.status).toBe("error");

    const created = await createApiKeyAction(
      { status: "idle" },
      form({ name: "订单服务", scopes: ["customers:read"] }),
    );
    expect(created).toMatchObject({
      status: "ok",
      message: "api.create.done",
      data: { name: "订单服务", token: expect.stringMatching(/^pdk_/) },
    });
    const token = (created as { data: { token: string } }).data.token;

    const [row] = await withTenant(orgId, (tx) => listApiKeys(tx, orgId));
    expect(row).toMatchObject({
      name: "订单服务",
      scopes: ["customers:read"],
      createdBy: "Test admin",
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(row)).not.toContain(token.slice(17));
    expect(
      (await call(getCustomer, "/customers/x", { token, params: { externalRef: "x" } })).status,
    ).toBe(404);

    expect(await revokeApiKeyAction({ status: "idle" }, form({ id: row.id }))).toMatchObject({
      status: "ok",
      message: "api.revoke.done",
    });
    expect(await revokeApiKeyAction({ status: "idle" }, form({ id: row.id }))).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
    expect(
      (await call(getCustomer, "/customers/x", { token, params: { externalRef: "x" } })).status,
    ).toBe(401);
    expect((await eventsOf(orgId, "api_key.revoked")).map((e) => [e.actorType, e.actorId])).toEqual(
      [["user", admin]],
    );
  });

  it("lets a privacy officer see keys but not create them", async () => {
    const { orgId } = await createOrg();
    await actAs(await createMember(orgId, "privacy_officer"), orgId);
    expect(
      await createApiKeyAction({ status: "idle" }, form({ name: "x", scopes: ["customers:read"] })),
    ).toMatchObject({ status: "error", message: "errors.forbidden" });
  });
});
