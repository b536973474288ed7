import { describe, expect, it, vi } from "vitest";
import * as actor from "./actor";
import { requirePage } from "./guard";
import { outcomeOf } from "@/tests/action-outcome";

describe("requirePage while the database cannot be reached", () => {
  it("sends the person to /unavailable instead of failing the page", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    const spy = vi.spyOn(actor, "getActor").mockRejectedValueOnce(refused);
    expect(await outcomeOf(requirePage())).toEqual({ redirect: "/unavailable" });
    spy.mockRestore();
  });

  it("lets any other failure through to the error page", async () => {
    const spy = vi.spyOn(actor, "getActor").mockRejectedValueOnce(new TypeError("a bug"));
    await expect(requirePage()).rejects.toThrow("a bug");
    spy.mockRestore();
  });
});
