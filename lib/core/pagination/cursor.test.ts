import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("keyset cursors", () => {
  it("round-trips", () => {
    const id = "0b7e6a52-3c1d-4f6e-9a2b-1c2d3e4f5a6b";
    expect(decodeCursor(encodeCursor({ v: "阿里云", id }))).toEqual({ v: "阿里云", id });
    expect(decodeCursor(encodeCursor({ v: 12, id }))).toEqual({ v: 12, id });
  });
  it.each([
    "",
    "%%%",
    Buffer.from("[]").toString("base64url"),
    Buffer.from('{"v":{}}').toString("base64url"),
    Buffer.from('{"v":1,"id":"x\'--"}').toString("base64url"),
  ])("ignores a malformed cursor %s", (raw) => {
    expect(decodeCursor(raw)).toBeUndefined();
  });
});
