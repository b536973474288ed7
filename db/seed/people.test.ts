import { describe, expect, it } from "vitest";
import { customerInput } from "@/lib/customers/schemas";
import { generatedActivity } from "./deals";
import { generatedCustomer } from "./people";

describe("generated customers", () => {
  const people = Array.from({ length: 20_000 }, (_, i) => generatedCustomer(i + 1));

  it("are the same on every run and valid as platform input", () => {
    expect(generatedCustomer(7)).toEqual(generatedCustomer(7));
    // Already canonical: the bulk seed stores them without parsing.
    for (const person of people.slice(0, 5000))
      expect(customerInput.parse(person), person.externalRef).toEqual(person);
  });

  it("have unique mainland mobile numbers that never collide with the named demo customers", () => {
    const mainland = people.filter((p) => p.phone.startsWith("+86")).map((p) => p.phone);
    expect(new Set(mainland).size).toBe(mainland.length);
    expect(mainland.every((p) => /^\+861[3-9]\d{9}$/.test(p) && !/^\+86139|^\+86138/.test(p))).toBe(
      true,
    );
  });

  it("mix regions and laws: mostly PIPL, about 5% GDPR and 3% CCPA, some with resident IDs", () => {
    const share = (test: (p: (typeof people)[number]) => boolean) =>
      people.filter(test).length / people.length;
    expect(share((p) => p.laws.includes("GDPR"))).toBeCloseTo(0.05, 1);
    expect(share((p) => p.laws.includes("CCPA"))).toBeCloseTo(0.03, 1);
    expect(share((p) => p.region === "US-CA")).toBeCloseTo(0.03, 1);
    expect(share((p) => p.nationalId !== undefined)).toBeGreaterThan(0.3);
    expect(share((p) => p.email !== undefined)).toBeGreaterThan(0.3);
  });

  it("hold 2–4 vouchers, about 2 bought from earlier customers", () => {
    const activity = people.slice(0, 5000).map((p, i) => generatedActivity(i + 1, p.phone));
    const orders = activity.flatMap((a, i) =>
      a.vouchers.filter((v) => v.order).map((v) => ({ buyer: i + 1, seller: v.order!.sellerN })),
    );
    expect(orders.length / activity.length).toBeGreaterThan(1.5);
    expect(orders.every((o) => o.seller >= 1 && o.seller < o.buyer)).toBe(true);
    expect(activity.every((a) => a.vouchers.length >= 2 && a.vouchers.length <= 4)).toBe(true);
  });
});
