import { describe, expect, it } from "vitest";
import { regionName } from "./regions";

describe("regionName", () => {
  it("names mainland regions and the seeded foreign ones in both languages, never the raw code", () => {
    expect(regionName("CN-BJ", "zh-CN")).toBe("北京市");
    expect(regionName("CN-BJ", "en")).toBe("Beijing");
    expect(regionName("CN-GD", "zh-CN")).toBe("广东省");
    expect(regionName("US-CA", "en")).toBe("California, United States");
    expect(regionName("DE", "zh-CN")).toBe("德国");
    expect(regionName("IE", "en")).toBe("Ireland");
  });

  it("shows an unknown code as it is", () => {
    expect(regionName("XX-99", "en")).toBe("XX-99");
  });
});
