import { afterAll, describe, expect, it } from "vitest";
import { closeAppDb } from "@/db/client";
import { todayIso } from "@/lib/core/dates";
import { ageOn, isMinorOn, minorAges, minorBornOn } from "@/lib/customers/minor-age";
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

/** The instant 00:00 on `date` in a zone's wall clock, for zones without DST on these dates. */
const at = (iso: string) => new Date(iso);

describe("ages from a birth date, each law on its own calendar (PIPL Art. 31, GDPR Art. 8, CCPA §1798.120(c))", () => {
  it("counts whole years: the day before a birthday one less, on the day one more", () => {
    expect(ageOn("2012-12-08", "2026-12-07")).toBe(13);
    expect(ageOn("2012-12-07", "2026-12-07")).toBe(14);
    expect(ageOn("2013-03-10", "2026-12-07")).toBe(13);
  });

  it("someone born on 29 February has their birthday on 1 March of a common year", () => {
    expect(ageOn("2012-02-29", "2026-02-28")).toBe(13);
    expect(ageOn("2012-02-29", "2026-03-01")).toBe(14);
    // In a leap year, on the day itself.
    expect(ageOn("2012-02-29", "2028-02-28")).toBe(15);
    expect(ageOn("2012-02-29", "2028-02-29")).toBe(16);
  });

  it("turns 16 in Beijing, Brussels and Los Angeles at each zone's midnight", () => {
    const bornOn = "2010-12-08";
    const laws = ["PIPL", "GDPR", "CCPA"] as const;
    // 16:00Z on 7 December: already the 8th in Beijing, still the 7th in Europe and California.
    expect(minorAges(bornOn, laws, "Europe/Brussels", at("2026-12-07T16:00:00Z"))).toEqual({
      PIPL: 16,
      GDPR: 15,
      CCPA: 15,
    });
    // 23:00Z: the 8th in Brussels too (UTC+1), California still the 7th (UTC-8).
    expect(minorAges(bornOn, laws, "Europe/Brussels", at("2026-12-07T23:00:00Z"))).toEqual({
      PIPL: 16,
      GDPR: 16,
      CCPA: 15,
    });
    // The organisation's EU zone decides GDPR's day: Lisbon is an hour behind Brussels.
    expect(minorAges(bornOn, ["GDPR"], "Europe/Lisbon", at("2026-12-07T23:00:00Z"))).toEqual({
      GDPR: 15,
    });
    expect(minorAges(bornOn, laws, "Europe/Brussels", at("2026-12-08T08:00:00Z"))).toEqual({
      PIPL: 16,
      GDPR: 16,
      CCPA: 16,
    });
    expect(minorAges(null, laws, "Europe/Brussels")).toEqual({});
  });

  it("keeps the birth date while the customer may be under 16 on any law's calendar, else nothing", () => {
    expect(minorBornOn({ birthDate: "2013-03-10" }, "2026-12-07")).toBe("2013-03-10");
    // 16 in Beijing today, but California's date may still be yesterday.
    expect(minorBornOn({ birthDate: "2010-12-07" }, "2026-12-07")).toBe("2010-12-07");
    expect(minorBornOn({ birthDate: "2010-12-06" }, "2026-12-07")).toBeNull();
    for (const date of ["1990-05-17", null, undefined, "2014-02-30", "2014-13-01", "14-01-2014"])
      expect(minorBornOn({ birthDate: date }, "2026-12-07")).toBeNull();
    expect(isMinorOn("2010-12-08", "2026-12-07")).toBe(true);
    expect(isMinorOn("2010-12-07", "2026-12-07")).toBe(false);
  });
});

describe("the birth date inside a PRC resident ID", () => {
  it("reads positions 7–14 of a valid 18-character ID", () => {
    expect(birthDateFromResidentId(idBornOn("2013-03-10"))).toBe("2013-03-10");
    expect(minorBornOn({ nationalId: idBornOn("2013-03-10") }, "2026-12-07")).toBe("2013-03-10");
    expect(minorBornOn({ nationalId: idBornOn("2010-12-06") }, "2026-12-07")).toBeNull();
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
      minorBornOn({ birthDate: "1990-01-01", nationalId: idBornOn("2013-03-10") }, "2026-12-07"),
    ).toBe("2013-03-10");
    expect(
      minorBornOn({ birthDate: "2013-06-01", nationalId: idBornOn("2013-03-10") }, "2026-12-07"),
    ).toBe("2013-06-01");
  });
});

describe("the vault fills minor_born_on wherever a birth date or ID number arrives", () => {
  // 12 or 13 years old whatever day the test runs.
  const year = Number(todayIso().slice(0, 4));
  const thirteen = `${year - 13}-06-15`;
  const expected = thirteen;

  it("from the birth date, from the ID number, and again when either changes; adults stay null", async () => {
    const { orgId } = await createOrg();
    const [byDate, byId, adult] = await upsert(orgId, [
      { externalRef: "m-1", birthDate: thirteen },
      { externalRef: "m-2", nationalId: idBornOn(thirteen) },
      { externalRef: "m-3", birthDate: "1990-05-17", nationalId: idBornOn("1990-05-17") },
    ]);
    expect((await storedRow(orgId, byDate.id)).minorBornOn).toBe(expected);
    expect((await storedRow(orgId, byId.id)).minorBornOn).toBe(expected);
    expect((await storedRow(orgId, adult.id)).minorBornOn).toBeNull();
    expect(byDate.fields).toEqual(["birthDate"]);

    // A corrected birth date: the stored ID (an adult's here) is read back and the minor date goes.
    await upsert(orgId, [
      { externalRef: "m-2", nationalId: idBornOn("1990-05-17") },
      { externalRef: "m-3", birthDate: thirteen },
    ]);
    expect((await storedRow(orgId, byId.id)).minorBornOn).toBeNull();
    expect((await storedRow(orgId, adult.id)).minorBornOn).toBe(expected);
    // Nothing else about the birth date is stored in clear: the mask keeps the year only, as before.
    expect((await storedRow(orgId, adult.id)).birthDateMasked).toBe(
      `${thirteen.slice(0, 4)}-**-**`,
    );
  });
});
