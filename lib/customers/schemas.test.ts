import { describe, expect, it } from "vitest";
import { customerInput } from "@/lib/customers/schemas";

const parse = (fields: Record<string, unknown>) =>
  customerInput.safeParse({ externalRef: "u-1", ...fields });
const messageOf = (fields: Record<string, unknown>) =>
  parse(fields).error?.issues.map((i) => [i.path.join("."), i.message]);

describe("customerInput", () => {
  it("requires an external ref and nothing else", () => {
    expect(customerInput.safeParse({}).success).toBe(false);
    expect(customerInput.safeParse({ externalRef: "  " }).success).toBe(false);
    expect(parse({}).data).toMatchObject({ externalRef: "u-1" });
  });

  it("treats blank optional fields as not given", () => {
    expect(parse({ phone: "", email: " ", nationalId: "", displayName: "" }).data).toEqual({
      externalRef: "u-1",
    });
  });

  it("normalises phone, email and ID number", () => {
    expect(
      parse({
        phone: "138-1234-5678",
        email: " Alice@Example.COM",
        nationalId: "11010519491231002x",
      }).data,
    ).toMatchObject({
      phone: "+8613812345678",
      email: "alice@example.com",
      nationalId: "11010519491231002X",
    });
    expect(parse({ phone: "+1 (415) 555-2671" }).data?.phone).toBe("+14155552671");
  });

  it.each([
    [{ phone: "12345" }, [["phone", "errors.phoneFormat"]]],
    [{ email: "nobody" }, [["email", "errors.email"]]],
    [{ nationalId: "110105194912310021" }, [["nationalId", "errors.nationalIdFormat"]]], // wrong check digit
    [{ nationalId: "E12345678" }, [["nationalId", "errors.nationalIdFormat"]]],
  ])("refuses %j", (fields, expected) => expect(messageOf(fields)).toEqual(expected));

  it("accepts 15-digit IDs and valid 18-digit ones", () => {
    expect(parse({ nationalId: "320102900307123" }).success).toBe(true);
    expect(parse({ nationalId: "320102199003071239" }).success).toBe(true);
  });

  it("accepts a subset of the laws only", () => {
    expect(parse({ laws: ["PIPL", "GDPR"] }).data?.laws).toEqual(["PIPL", "GDPR"]);
    expect(parse({ laws: ["HIPAA"] }).success).toBe(false);
  });

  it("reads checkboxes and booleans, coerces dates", () => {
    expect(parse({ realNameVerified: "true" }).data?.realNameVerified).toBe(true);
    expect(parse({ realNameVerified: false }).data?.realNameVerified).toBe(false);
    expect(parse({}).data?.realNameVerified).toBeUndefined();
    expect(parse({ lastActiveAt: "2026-01-02T03:04:05Z" }).data?.lastActiveAt).toEqual(
      new Date("2026-01-02T03:04:05Z"),
    );
  });
});
