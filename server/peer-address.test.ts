import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER } from "@/lib/core/auth/client-ip";
import { stampPeerAddress } from "./peer-address";

const request = (remoteAddress: string, headers: Record<string, string>) =>
  ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

describe("stampPeerAddress", () => {
  it("writes the connection's address over whatever the client sent under the header's name", () => {
    const req = request("::ffff:127.0.0.9", {
      [PEER_ADDRESS_HEADER]: "198.51.100.1",
      "x-forwarded-for": "198.51.100.2",
    });
    stampPeerAddress(req);
    expect(req.headers[PEER_ADDRESS_HEADER]).toBe("::ffff:127.0.0.9");
    expect(clientIp(req.headers, 0)).toBe("127.0.0.9");
  });
});
