import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { revealAction } from "@/app/(console)/customers/[id]/actions";
import { closeAppDb } from "@/db/client";
import { inTenant } from "@/lib/core/tenancy/context";
import type { ActionState } from "@/lib/core/actions/state";
import { decryptField } from "@/lib/core/crypto/field";
import { eraseCustomer } from "@/lib/customers/commands";
import { personalFieldNames } from "@/lib/customers/fields";
import { revealTargets } from "@/lib/customers/reveal-options";
import { eventsFor, system, upsert } from "@/lib/customers/test-support";
import { addPaymentAccount } from "@/lib/customers/vault-test-support";
import { actAs, createMember, createOrg, form } from "@/tests/factories";

// Counts decryptions, so a refused reveal can be shown to decrypt nothing.
vi.mock("@/lib/core/crypto/field", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/core/crypto/field")>();
  return { ...original, decryptField: vi.fn(original.decryptField) };
});

afterAll(closeAppDb);

const zhang = {
  externalRef: "u-10001",
  displayName: "张伟",
  phone: "+8613800138000",
  email: "zhang.wei@example.com",
  nationalId: "11010519491231002X",
  address: "北京市朝阳区建国路88号",
  birthDate: "1949-12-31",
};

let orgId: string;
let zhangId: string;
let accountId: string;

beforeAll(async () => {
  ({ orgId } = await createOrg());
  [{ id: zhangId }] = await upsert(orgId, [zhang]);
  accountId = await addPaymentAccount(orgId, zhangId, "alipay", "zhang.wei@example.com");
});

const reveal = (fields: Record<string, string | undefined>) =>
  revealAction(
    { status: "idle" },
    form({ customerId: zhangId, reason: "support_request", ...fields }),
  );
const valueOf = (state: ActionState) =>
  state.status === "ok" ? (state.data as { value: string | null }).value : state;
const reveals = async () =>
  (await eventsFor(orgId, zhangId)).filter((e) => e.action === "customer.revealed");

describe("reveal", () => {
  it("can reveal every personal field", () =>
    expect(revealTargets).toEqual([...personalFieldNames, "paymentAccount"]));

  it("returns each value and audits field, reason and note, never the value", async () => {
    await actAs(await createMember(orgId, "privacy_officer"), orgId);
    const before = (await reveals()).length;
    expect(valueOf(await reveal({ field: "phone" }))).toBe("+8613800138000");
    expect(
      valueOf(await reveal({ field: "displayName", reason: "other", note: "工单 #4521 核实身份" })),
    ).toBe("张伟");
    expect(valueOf(await reveal({ field: "address", reason: "subject_request" }))).toBe(
      zhang.address,
    );
    expect(valueOf(await reveal({ field: "birthDate", reason: "legal_obligation" }))).toBe(
      "1949-12-31",
    );
    expect(
      valueOf(await reveal({ field: "paymentAccount", accountId, reason: "fraud_investigation" })),
    ).toBe("zhang.wei@example.com");

    const events = (await reveals()).slice(before);
    expect(events.map((e) => e.details)).toEqual([
      { field: "phone", reason: "support_request", note: "" },
      { field: "displayName", reason: "other", note: "工单 #4521 核实身份" },
      { field: "address", reason: "subject_request", note: "" },
      { field: "birthDate", reason: "legal_obligation", note: "" },
      { field: "paymentAccount", accountId, reason: "fraud_investigation", note: "" },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/13800138000|张伟|zhang\.wei|建国路|1949-12-31/);
  });

  it("refuses without a reason, without a note for 'other', with a long note, or an account of someone else", async () => {
    await actAs(await createMember(orgId, "admin"), orgId);
    const before = (await reveals()).length;
    expect(await reveal({ field: "phone", reason: "" })).toMatchObject({
      status: "error",
      fieldErrors: { reason: "errors.choice" },
    });
    expect(await reveal({ field: "phone", reason: "other", note: "  " })).toMatchObject({
      status: "error",
      fieldErrors: { note: "errors.required" },
    });
    expect(await reveal({ field: "phone", note: "x".repeat(201) })).toMatchObject({
      status: "error",
      fieldErrors: { note: "errors.tooLong" },
    });
    expect(await reveal({ field: "paymentAccount" })).toMatchObject({
      status: "error",
      fieldErrors: { accountId: "errors.required" },
    });
    const { id: otherId } = (await upsert(orgId, [{ externalRef: "u-other" }]))[0];
    const othersAccount = await addPaymentAccount(
      orgId,
      otherId,
      "bank_card",
      "6222020200112233445",
    );
    expect(await reveal({ field: "paymentAccount", accountId: othersAccount })).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
    expect(await reveals()).toHaveLength(before);
  });

  it("allows 30 reveals an hour, then refuses the 31st without decrypting; a privacy officer may do more", async () => {
    await actAs(await createMember(orgId, "admin"), orgId);
    for (let i = 0; i < 30; i += 1)
      expect(valueOf(await reveal({ field: "email" })), `reveal ${i + 1}`).toBe(
        "zhang.wei@example.com",
      );
    const before = (await reveals()).length;
    vi.mocked(decryptField).mockClear();
    const refused = await reveal({ field: "email" });
    expect(refused).toMatchObject({
      status: "error",
      message: "errors.rateLimited",
      fieldErrors: { throttled: "errors.rateLimited" },
    });
    expect(JSON.stringify(refused)).not.toContain("zhang.wei");
    expect(decryptField).not.toHaveBeenCalled();
    expect(await reveals()).toHaveLength(before);
    // Still refused: the refusal itself is not counted, and the window does not reopen.
    expect(await reveal({ field: "phone" })).toMatchObject({
      status: "error",
      message: "errors.rateLimited",
    });

    await actAs(await createMember(orgId, "privacy_officer"), orgId);
    for (let i = 0; i < 31; i += 1)
      expect(valueOf(await reveal({ field: "email" })), `officer reveal ${i + 1}`).toBe(
        "zhang.wei@example.com",
      );
  });

  it("is refused for roles without customers.reveal, writing nothing", async () => {
    const before = (await reveals()).length;
    for (const role of ["employee", "manager", "auditor"] as const) {
      await actAs(await createMember(orgId, role), orgId);
      expect(await reveal({ field: "phone" }), role).toEqual({
        status: "error",
        message: "errors.forbidden",
      });
    }
    expect(await reveals()).toHaveLength(before);
  });

  it("is refused for an erased customer, with nothing decrypted", async () => {
    await actAs(await createMember(orgId, "privacy_officer"), orgId);
    const [gone] = await upsert(orgId, [{ externalRef: "u-gone", phone: "13700001111" }]);
    await inTenant(orgId, system, (ctx) => eraseCustomer(ctx, gone.id));
    vi.mocked(decryptField).mockClear();
    const state = await revealAction(
      { status: "idle" },
      form({ customerId: gone.id, field: "phone", reason: "support_request" }),
    );
    expect(state).toMatchObject({
      status: "error",
      message: "errors.notFound",
      fieldErrors: { erased: "errors.notFound" },
    });
    expect(decryptField).not.toHaveBeenCalled();
    expect((await eventsFor(orgId, gone.id)).map((e) => e.action)).toEqual([
      "customer.created",
      "customer.erased",
    ]);
  });
});
