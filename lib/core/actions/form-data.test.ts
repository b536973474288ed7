import { describe, expect, it } from "vitest";
import { echoValues, formDataToObject } from "./form-data";

describe("formDataToObject", () => {
  it("keeps single values, groups name[] into arrays and drops React's fields", () => {
    const data = new FormData();
    data.append("name", "阿里云");
    data.append("tags[]", "a");
    data.append("one[]", "only");
    data.append("tags[]", "b");
    data.append("$ACTION_ID_abc", "");
    expect(formDataToObject(data)).toEqual({ name: "阿里云", tags: ["a", "b"], one: ["only"] });
  });
  it("never echoes secrets back to the form", () => {
    expect(echoValues({ name: "x", password: "p", code: "123456", list: ["a"] })).toEqual({
      name: "x",
      list: ["a"],
    });
  });
});
