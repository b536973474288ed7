import { describe, expect, it } from "vitest";
import { landingPath } from "./landing";

describe("landingPath", () => {
  const department = "0b6c5a3e-2f7d-4c1e-9a55-3f1d2c4b5a69";
  it.each([
    ["employee", null, "/tasks"],
    ["manager", department, `/departments/${department}`],
    ["manager", null, "/tasks"],
    ["auditor", null, "/audit"],
    ["privacy_officer", department, "/"],
    ["admin", null, "/"],
    ["owner", null, "/"],
  ] as const)("sends a %s (heading %s) to %s", (role, headed, path) => {
    expect(landingPath(role, headed)).toBe(path);
  });
});
