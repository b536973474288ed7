import { describe, expect, it } from "vitest";
import { readPortalSession, signPortalSession } from "./session";

const orgId = "0b0e2c1a-1111-4222-8333-444455556666";
const customerId = "9f9e2c1a-1111-4222-8333-444455556666";

describe("portal session tokens", () => {
  const token = signPortalSession({ orgId, customerId, purpose: "preferences" });

  it("carries ids and an expiry only, and reads back for its organisation and purpose", () => {
    const payload = JSON.parse(Buffer.from(token.split(".")[0], "base64url").toString());
    expect(Object.keys(payload).sort()).toEqual(["c", "e", "o", "p"]);
    expect(readPortalSession(token, orgId, "preferences")).toMatchObject({
      orgId,
      customerId,
      purpose: "preferences",
    });
  });

  it("refuses another organisation, another purpose, an expired or altered token", () => {
    expect(readPortalSession(token, customerId, "preferences")).toBeNull();
    expect(readPortalSession(token, orgId, "requests")).toBeNull();
    expect(readPortalSession(token, orgId, "preferences", Date.now() + 31 * 60_000)).toBeNull();
    const [body, mac] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, "base64url").toString()), c: orgId }),
    ).toString("base64url");
    expect(readPortalSession(`${forged}.${mac}`, orgId, "preferences")).toBeNull();
    // Two characters of the MAC changed (to ones it does not already end with).
    const altered = `${mac.slice(0, -2)}${mac.endsWith("AA") ? "BB" : "AA"}`;
    expect(readPortalSession(`${body}.${altered}`, orgId, "preferences")).toBeNull();
    expect(readPortalSession(`${token}.x`, orgId, "preferences")).toBeNull();
    expect(readPortalSession(undefined, orgId, "preferences")).toBeNull();
  });
});
