import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeAppDb } from "@/db/client";
import { customerImports, customers } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import { idle } from "@/lib/core/actions/state";
import { enqueue } from "@/lib/core/jobs/worker";
import { findCustomersBy } from "@/lib/customers/queries";
import { auditOfTarget, lastAudit } from "@/tests/audit";
import { actAs, createMember, createOrg, orgWithOfficer } from "@/tests/factories";
import { uploadImportAction } from "@/app/(console)/customers/import/actions";
import { runImportAction } from "@/app/(console)/customers/import/[id]/actions";
import { customerImportSweepJob, IMPORT_CHUNK_ROWS, runCustomerImport } from "./import-job";
import { redirectOf } from "@/tests/action-outcome";

vi.mock("@/lib/core/jobs/worker", () => ({ enqueue: vi.fn(async () => {}) }));
afterAll(closeAppDb);

let orgId: string;
let officerId: string;
beforeAll(async () => {
  ({ orgId, officerId } = await orgWithOfficer());
});
beforeEach(() => actAs(officerId, orgId));

const header = "用户ID,姓名,手机号,邮箱,适用法律";
const good = [
  "imp-1,张伟,13800138001,zhang.wei@example.com,PIPL",
  "imp-2,李娜,139 1234 5001,,PIPL",
  "imp-3,Emma Schmidt,+49 151 23456789,emma@example.de,GDPR",
];
const badPhone = "imp-4,王芳,12345,wang@example.com,PIPL";

function uploadForm(text: string | Uint8Array, name = "客户.csv", encoding = "utf-8"): FormData {
  const data = new FormData();
  data.append("file", new File([text as BlobPart], name, { type: "text/csv" }));
  data.append("encoding", encoding);
  return data;
}

async function upload(text: string): Promise<string> {
  const path = await redirectOf(uploadImportAction(idle, uploadForm(text)));
  const id = /^\/customers\/import\/([0-9a-f-]{36})$/.exec(path)?.[1];
  expect(id).toBeDefined();
  return id!;
}

const runForm = (id: string, mapping: Record<string, string>) => {
  const data = new FormData();
  data.append("id", id);
  for (const [field, column] of Object.entries(mapping)) data.append(field, column);
  return data;
};
const guessed = { externalRef: "0", displayName: "1", phone: "2", email: "3", laws: "4" };

const importRow = async (id: string) =>
  (
    await withTenant(orgId, (tx) =>
      tx
        .select()
        .from(customerImports)
        .where(and(eq(customerImports.orgId, orgId), eq(customerImports.id, id))),
    )
  )[0];
const eventsOf = (id: string) => auditOfTarget(orgId, id);
const customerCount = async () =>
  (
    await withTenant(orgId, (tx) =>
      tx.select({ id: customers.id }).from(customers).where(eq(customers.orgId, orgId)),
    )
  ).length;

describe("customer CSV import", () => {
  it("stores an upload sealed, with the mapping its Chinese headers suggest, audited with counts only", async () => {
    const id = await upload(`\uFEFF${header}\r\n${[...good, badPhone].join("\r\n")}\r\n`);
    const row = await importRow(id);
    expect(row).toMatchObject({
      status: "uploaded",
      fileName: "客户.csv",
      totalRows: 4,
      createdBy: officerId,
      fileKeyVersion: 1,
      mapping: {
        externalRef: "用户ID",
        displayName: "姓名",
        phone: "手机号",
        email: "邮箱",
        laws: "适用法律",
      },
    });
    const stored = row.fileEnc!.toString("latin1") + row.fileEnc!.toString("utf8");
    for (const secret of ["13800138001", "zhang.wei", "张伟", "Schmidt"])
      expect(stored).not.toContain(secret);
    expect(await eventsOf(id)).toEqual([
      {
        action: "customer.import_uploaded",
        actorType: "user",
        actorId: officerId,
        details: { rows: 4, columns: 5 },
      },
    ]);
  });

  it.each([
    ["a file without a header row", "imp-1,13800138001\n", "noHeader"],
    ["an empty file", "", "empty"],
    ["a header with no rows", `${header}\n`, "noRows"],
  ])("refuses %s, keeping nothing but the audited refusal", async (_, text, problem) => {
    const before = await withTenant(orgId, (tx) =>
      tx.select({ id: customerImports.id }).from(customerImports),
    );
    const state = await uploadImportAction(idle, uploadForm(text || " "));
    expect(state).toMatchObject({ status: "error", message: `imports.upload.problems.${problem}` });
    expect(
      await withTenant(orgId, (tx) => tx.select({ id: customerImports.id }).from(customerImports)),
    ).toHaveLength(before.length);
    expect(await lastAudit(orgId)).toMatchObject({
      action: "customer.import_failed",
      details: { stage: "upload", reason: problem },
    });
  });

  it("refuses GBK bytes sent as UTF-8, and reads them when GB18030 is chosen", async () => {
    const gbk = new Uint8Array(
      Buffer.from("d3c3bba749442cd0d5c3fb0a752d67626b2cd5c5c8fd0a", "hex"),
    ); // 用户ID,姓名\nu-gbk,张三\n
    expect(await uploadImportAction(idle, uploadForm(gbk))).toMatchObject({
      status: "error",
      message: "imports.upload.problems.notText",
    });
    const path = await redirectOf(uploadImportAction(idle, uploadForm(gbk, "gbk.csv", "gb18030")));
    const row = await importRow(path.split("/").at(-1)!);
    expect(row.mapping).toEqual({ externalRef: "用户ID", displayName: "姓名" });
  });

  it("imports the valid rows, records the bad ones by row number without values, and clears the file", async () => {
    const id = await upload(`${header}\n${[...good, badPhone].join("\n")}\n`);
    vi.mocked(enqueue).mockClear();
    expect(await redirectOf(runImportAction(idle, runForm(id, guessed)))).toBe(
      `/customers/import/${id}`,
    );
    expect(enqueue).toHaveBeenCalledWith("customer-import", { orgId, importId: id });
    expect(await importRow(id)).toMatchObject({ status: "running", processedRows: 0 });

    expect(await runCustomerImport(orgId, id)).toBe("completed");
    const row = await importRow(id);
    expect(row).toMatchObject({
      status: "completed",
      processedRows: 4,
      importedRows: 3,
      errorRows: 1,
      fileEnc: null,
      fileKeyVersion: null,
    });
    expect(row.errors).toEqual([{ row: 5, field: "phone", message: "errors.phoneFormat" }]);
    expect(row.finishedAt).toBeInstanceOf(Date);

    const [zhang] = await withTenant(orgId, (tx) =>
      findCustomersBy(tx, orgId, { phone: "138-0013-8001" }),
    );
    expect(zhang).toMatchObject({ externalRef: "imp-1", nameMasked: "张*", laws: ["PIPL"] });
    expect(
      await withTenant(orgId, (tx) => findCustomersBy(tx, orgId, { email: "emma@example.de" })),
    ).toMatchObject([{ externalRef: "imp-3", laws: ["GDPR"] }]);
    expect(
      await withTenant(orgId, (tx) => findCustomersBy(tx, orgId, { externalRef: "imp-4" })),
    ).toEqual([]);

    const events = await eventsOf(id);
    expect(events.map((e) => e.action)).toEqual([
      "customer.import_uploaded",
      "customer.import_started",
      "customer.batch_upserted",
      "customer.import_completed",
    ]);
    expect(events[1].details).toEqual({
      rows: 4,
      valid: 3,
      invalid: 1,
      fields: ["externalRef", "displayName", "phone", "email", "laws"],
    });
    expect(events[2]).toEqual({
      action: "customer.batch_upserted",
      actorType: "system",
      actorId: "customer-import-job",
      details: { created: 3, updated: 0, unchanged: 0, rows: 4, skipped: 1 },
    });
    expect(events[3].details).toEqual({ rows: 4, imported: 3, skipped: 1 });
    expect(JSON.stringify([events, row.errors])).not.toMatch(/12345|王芳|wang@|13800138001/);

    // A second delivery of the same job finds nothing to do.
    expect(await runCustomerImport(orgId, id)).toBe("skipped");
    expect((await eventsOf(id)).length).toBe(4);
  });

  it("resumes after a crash without importing anything twice", async () => {
    const rows = Array.from(
      { length: 1_200 },
      (_, i) => `res-${i},客户${i},139${String(i).padStart(8, "0")},,PIPL`,
    );
    rows[10] = "res-10,客户10,12,,PIPL"; // bad phone, first chunk
    rows[700] = "res-700,客户700,13900000700,,HIPAA"; // bad law, second chunk
    rows[1_100] = "res-5,重复,13900001100,,PIPL"; // repeats row 7's external ref, third chunk
    const id = await upload(`${header}\n${rows.join("\n")}\n`);
    await redirectOf(runImportAction(idle, runForm(id, guessed)));
    const before = await customerCount();

    expect(await runCustomerImport(orgId, id, { maxChunks: 1 })).toBe("stopped");
    expect(await importRow(id)).toMatchObject({
      status: "running",
      processedRows: IMPORT_CHUNK_ROWS,
      importedRows: 499,
      errorRows: 1,
    });
    expect(await customerCount()).toBe(before + 499);

    expect(await runCustomerImport(orgId, id)).toBe("completed");
    const row = await importRow(id);
    expect(row).toMatchObject({
      status: "completed",
      processedRows: 1_200,
      importedRows: 1_197,
      errorRows: 3,
      fileEnc: null,
    });
    expect(await customerCount()).toBe(before + 1_197);
    expect(row.errors).toEqual([
      { row: 12, field: "phone", message: "errors.phoneFormat" },
      { row: 702, field: "laws", message: "errors.choice" },
      { row: 1_102, field: "externalRef", message: "imports.rowErrors.duplicateRef?row=7" },
    ]);
    const events = await eventsOf(id);
    expect(
      events.filter((e) => e.action === "customer.batch_upserted").map((e) => e.details.created),
    ).toEqual([499, 499, 199]);
    expect(events.at(-1)).toMatchObject({
      action: "customer.import_completed",
      details: { rows: 1_200, imported: 1_197, skipped: 3 },
    });
  });

  it("resumes an import whose job was lost, from the sweep, once it is half an hour old", async () => {
    const id = await upload(`${header}\n${good.join("\n")}\n`);
    await redirectOf(runImportAction(idle, runForm(id, guessed)));
    await customerImportSweepJob.run({});
    expect(await importRow(id)).toMatchObject({ status: "running", processedRows: 0 });

    await withTenant(orgId, (tx) =>
      tx
        .update(customerImports)
        .set({ createdAt: sql`now() - interval '31 minutes'` })
        .where(and(eq(customerImports.orgId, orgId), eq(customerImports.id, id))),
    );
    await customerImportSweepJob.run({});
    expect(await importRow(id)).toMatchObject({ status: "completed", importedRows: 3 });
  });

  it("fails closed on an unreadable file: status failed, file cleared, audited", async () => {
    const id = await upload(`${header}\n${good.join("\n")}\n`);
    await redirectOf(runImportAction(idle, runForm(id, guessed)));
    const row = await importRow(id);
    const tampered = Buffer.from(row.fileEnc!);
    tampered[tampered.length - 1] ^= 1;
    await withTenant(orgId, (tx) =>
      tx
        .update(customerImports)
        .set({ fileEnc: tampered })
        .where(and(eq(customerImports.orgId, orgId), eq(customerImports.id, id))),
    );
    vi.spyOn(console, "error").mockImplementationOnce(() => {});
    expect(await runCustomerImport(orgId, id)).toBe("failed");
    expect(await importRow(id)).toMatchObject({ status: "failed", fileEnc: null, importedRows: 0 });
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      action: "customer.import_failed",
      actorType: "system",
      details: { stage: "run", processed: 0, error: "DecryptionError" },
    });
  });

  it("runs only an uploaded import, and only with the external ID mapped", async () => {
    const id = await upload(`${header}\n${good.join("\n")}\n`);
    expect(await runImportAction(idle, runForm(id, { ...guessed, externalRef: "" }))).toMatchObject(
      { status: "error", fieldErrors: { externalRef: "errors.required" } },
    );
    expect(await importRow(id)).toMatchObject({ status: "uploaded" });
    await redirectOf(runImportAction(idle, runForm(id, guessed)));
    expect(await runImportAction(idle, runForm(id, guessed))).toMatchObject({
      status: "error",
      message: "errors.conflict",
    });
    const other = await createOrg();
    await actAs(await createMember(other.orgId, "owner"), other.orgId);
    expect(await runImportAction(idle, runForm(id, guessed))).toMatchObject({
      status: "error",
      message: "errors.notFound",
    });
  });

  it("refuses people without the import permission, writing nothing", async () => {
    const id = await upload(`${header}\n${good.join("\n")}\n`);
    const count = (
      await withTenant(orgId, (tx) => tx.select({ id: customerImports.id }).from(customerImports))
    ).length;
    for (const role of ["manager", "employee", "auditor"] as const) {
      await actAs(await createMember(orgId, role), orgId);
      expect(await uploadImportAction(idle, uploadForm(`${header}\n${good[0]}\n`))).toMatchObject({
        status: "error",
        message: "errors.forbidden",
      });
      expect(await runImportAction(idle, runForm(id, guessed))).toMatchObject({
        status: "error",
        message: "errors.forbidden",
      });
    }
    expect(
      (await withTenant(orgId, (tx) => tx.select({ id: customerImports.id }).from(customerImports)))
        .length,
    ).toBe(count);
    expect(await importRow(id)).toMatchObject({ status: "uploaded" });
  });
});
