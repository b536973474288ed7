import { afterEach, describe, expect, it } from "vitest";
import { describeStartupFailure } from "./startup-failure";

describe("describeStartupFailure", () => {
  const saved = process.env.DATABASE_URL;
  afterEach(() => {
    process.env.DATABASE_URL = saved;
  });

  it("names the unreachable server and what to do, never the password", () => {
    process.env.DATABASE_URL = "postgres://app:s3cret@db.internal:6543/pd";
    const text = describeStartupFailure(
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    );
    expect(text).toContain("db.internal:6543");
    expect(text).toContain("unset DATABASE_URL");
    expect(text).not.toContain("s3cret");
  });

  it("tells a refused password from a missing database", () => {
    process.env.DATABASE_URL = "postgres://app:s3cret@127.0.0.1/pd";
    expect(
      describeStartupFailure({ code: "28P01", message: "password authentication failed" }),
    ).toMatch(/refused the credentials/);
    expect(describeStartupFailure({ code: "3D000", message: "database does not exist" })).toMatch(
      /does not exist on 127\.0\.0\.1:5432/,
    );
  });

  it("says the cause of anything else instead of printing undefined", () => {
    expect(describeStartupFailure(new Error("The embedded PostgreSQL did not start."))).toBe(
      "Privacy Desk could not start: The embedded PostgreSQL did not start.",
    );
    expect(describeStartupFailure(undefined)).toBe("Privacy Desk could not start: undefined");
  });
});
