import { describe, expect, it } from "vitest";
import { activeFilters, parseRequestSearchParams } from "@/app/(console)/requests/search-params";

describe("the request queue's URL state", () => {
  it("opens on the open requests, and that default is not an active filter", () => {
    const query = parseRequestSearchParams({});
    expect(query.status).toBe("open");
    expect(activeFilters(query)).toEqual([]);
  });

  it("keeps an explicit choice, including all requests, and falls back to open on a stale value", () => {
    expect(parseRequestSearchParams({ status: "all" }).status).toBe("all");
    expect(activeFilters(parseRequestSearchParams({ status: "completed" }))).toEqual(["status"]);
    expect(parseRequestSearchParams({ status: "archived" }).status).toBe("open");
  });
});
