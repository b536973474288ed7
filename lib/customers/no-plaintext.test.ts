import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { residentIdCheckChar } from "@/lib/customers/national-id";
import { revealField } from "@/lib/customers/queries";
import { dumpDatabase } from "@/lib/customers/test-dump";
import { upsert } from "@/lib/customers/test-support";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

// Random values, so nothing another test file writes into the shared database can match them.
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
const mobile = `139${digits(8)}`;
const idStem = `320102${1950 + randomInt(50)}0${1 + randomInt(9)}1${randomInt(10)}${digits(3)}`;
const nationalId = idStem + residentIdCheckChar(idStem);
const localPart = `vault.${digits(6)}`;
const name = `欧阳${String.fromCodePoint(0x4e00 + randomInt(0x5000))}${String.fromCodePoint(0x4e00 + randomInt(0x5000))}`;

describe("the database holds no plaintext", () => {
  it("contains none of a customer's personal values, in text or as bytes", async () => {
    const { orgId } = await createOrg();
    const [customer] = await upsert(orgId, [
      {
        externalRef: `np-${digits(6)}`,
        displayName: name,
        phone: `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`,
        email: `${localPart}@example.com`,
        nationalId,
      },
    ]);
    // Seeded for real: each value decrypts back.
    expect(await withTenant(orgId, (tx) => revealField(tx, orgId, customer.id, "phone"))).toBe(
      `+86${mobile}`,
    );

    const dump = await dumpDatabase();
    // The customer's row is in the dump (its masked phone), only its plaintext is not.
    expect(dump).toContain(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    const secrets = [
      name,
      mobile,
      `+86${mobile}`,
      `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`,
      `${localPart}@example.com`,
      localPart,
      nationalId,
      idStem.slice(6, 14),
    ];
    for (const secret of secrets) {
      expect(dump.includes(secret), `plaintext ${secret}`).toBe(false);
      expect(dump.includes(Buffer.from(secret, "utf8").toString("hex")), `hex of ${secret}`).toBe(
        false,
      );
    }
  });
});
