import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("keyset cursors", () => {
  it("round-trips", () => {
    expect(decodeCursor(encodeCursor({ v: "阿里云", id: "x" }))).toEqual({ v: "阿里云", id: "x" });
    expect(decodeCursor(encodeCursor({ v: 12, id: "y" }))).toEqual({ v: 12, id: "y" });
  });
  it.each(["", "%%%", Buffer.from("[]").toString("base64url"), Buffer.from('{"v":{}}').toString("base64url")])("ignores a malformed cursor %s", (raw) => {
    expect(decodeCursor(raw)).toBeUndefined();
  });
});
