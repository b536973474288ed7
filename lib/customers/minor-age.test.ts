import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { todayIso } from "@/lib/core/dates";
import { customerMinorUntil, isMinorOn, minorUntilOf } from "@/lib/customers/minor-age";
import {
  birthDateFromResidentId,
  isValidResidentId,
  residentIdCheckChar,
} from "@/lib/customers/national-id";
import { customerInput } from "@/lib/customers/schemas";
import { storedRow, upsert } from "@/lib/customers/test-support";
import { createOrg } from "@/tests/factories";

afterAll(closeAppDb);

/** A valid 18-character ID for someone born on `birthDate` (YYYY-MM-DD). */
const idBornOn = (birthDate: string, area = "110105", sequence = "123") => {
  const first17 = `${area}${birthDate.replaceAll("-", "")}${sequence}`;
  return first17 + residentIdCheckChar(first17);
};

describe("minor_until from a birth date (PIPL Art. 31, Beijing dates)", () => {
  it("a 13-year-old is a minor until their 14th birthday", () => {
    expect(minorUntilOf("2013-03-10", "2026-12-07")).toBe("2027-03-10");
  });

  it("the day before the 14th birthday they are a minor; on the day they are not", () => {
    expect(minorUntilOf("2012-12-08", "2026-12-07")).toBe("2026-12-08");
    expect(isMinorOn("2026-12-08", "2026-12-07")).toBe(true);
    expect(minorUntilOf("2012-12-07", "2026-12-07")).toBeNull();
    expect(isMinorOn("2026-12-07", "2026-12-07")).toBe(false);
  });

  it("counts the day in Beijing: 16:00Z on the eve of the birthday is already the birthday there", () => {
    const today = todayIso(new Date("2026-12-06T16:00:00Z"));
    expect(today).toBe("2026-12-07");
    expect(minorUntilOf("2012-12-07", today)).toBeNull();
    expect(minorUntilOf("2012-12-07", todayIso(new Date("2026-12-06T15:59:59Z")))).toBe(
      "2026-12-07",
    );
  });

  it("someone born on 29 February turns 14 on 1 March of a common year", () => {
    expect(minorUntilOf("2012-02-29", "2026-02-28")).toBe("2026-03-01");
    expect(minorUntilOf("2012-02-29", "2026-03-01")).toBeNull();
  });

  it("adults, missing and impossible dates give null", () => {
    for (const date of ["1990-05-17", null, undefined, "2014-02-30", "2014-13-01", "14-01-2014"])
      expect(minorUntilOf(date, "2026-12-07")).toBeNull();
  });
});

describe("the birth date inside a PRC resident ID", () => {
  it("reads positions 7–14 of a valid 18-character ID", () => {
    expect(birthDateFromResidentId(idBornOn("2013-03-10"))).toBe("2013-03-10");
    expect(customerMinorUntil({ nationalId: idBornOn("2013-03-10") }, "2026-12-07")).toBe(
      "2027-03-10",
    );
    expect(customerMinorUntil({ nationalId: idBornOn("2012-12-07") }, "2026-12-07")).toBeNull();
  });

  it("gives nothing for 15-digit IDs or impossible dates, and refuses IDs whose date is impossible or in the future", () => {
    expect(birthDateFromResidentId("320102900307123")).toBeNull();
    const impossible = idBornOn("2014-02-30");
    expect(birthDateFromResidentId(impossible)).toBeNull();
    expect(isValidResidentId(impossible, "2026-12-07")).toBe(false);
    expect(isValidResidentId(idBornOn("2027-01-01"), "2026-12-07")).toBe(false);
    expect(isValidResidentId(idBornOn("2013-03-10"), "2026-12-07")).toBe(true);
    const wrongCheck =
      idBornOn("2013-03-10").slice(0, 17) + (idBornOn("2013-03-10").endsWith("0") ? "1" : "0");
    expect(isValidResidentId(wrongCheck, "2026-12-07")).toBe(false);
    expect(
      customerInput.safeParse({ externalRef: "u-1", nationalId: impossible }).error?.issues[0]
        .message,
    ).toBe("errors.nationalIdFormat");
  });

  it("takes the younger reading when the declared birth date and the ID disagree", () => {
    expect(
      customerMinorUntil(
        { birthDate: "1990-01-01", nationalId: idBornOn("2013-03-10") },
        "2026-12-07",
      ),
    ).toBe("2027-03-10");
    expect(
      customerMinorUntil(
        { birthDate: "2013-06-01", nationalId: idBornOn("2013-03-10") },
        "2026-12-07",
      ),
    ).toBe("2027-06-01");
  });
});

describe("the vault fills minor_until wherever a birth date or ID number arrives", () => {
  // 12 or 13 years old whatever day the test runs; turns 14 next 15 June.
  const year = Number(todayIso().slice(0, 4));
  const thirteen = `${year - 13}-06-15`;
  const expected = `${year + 1}-06-15`;

  it("from the birth date, from the ID number, and again when either changes; adults stay null", async () => {
    const { orgId } = await createOrg();
    const [byDate, byId, adult] = await upsert(orgId, [
      { externalRef: "m-1", birthDate: thirteen },
      { externalRef: "m-2", nationalId: idBornOn(thirteen) },
      { externalRef: "m-3", birthDate: "1990-05-17", nationalId: idBornOn("1990-05-17") },
    ]);
    expect((await storedRow(orgId, byDate.id)).minorUntil).toBe(expected);
    expect((await storedRow(orgId, byId.id)).minorUntil).toBe(expected);
    expect((await storedRow(orgId, adult.id)).minorUntil).toBeNull();
    expect(byDate.fields).toEqual(["birthDate"]);

    // A corrected birth date: the stored ID (an adult's here) is read back and the minor date goes.
    await upsert(orgId, [
      { externalRef: "m-2", nationalId: idBornOn("1990-05-17") },
      { externalRef: "m-3", birthDate: thirteen },
    ]);
    expect((await storedRow(orgId, byId.id)).minorUntil).toBeNull();
    expect((await storedRow(orgId, adult.id)).minorUntil).toBe(expected);
    // Nothing else about the birth date is stored in clear: the mask keeps the year only, as before.
    expect((await storedRow(orgId, adult.id)).birthDateMasked).toBe(
      `${thirteen.slice(0, 4)}-**-**`,
    );
  });
});
