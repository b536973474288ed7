import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp, PEER_ADDRESS_HEADER } from "./client-ip";

const peer = (address: string, forwarded?: string) => ({
  [PEER_ADDRESS_HEADER]: address,
  ...(forwarded ? { "x-forwarded-for": forwarded } : {}),
});

describe("clientIp", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("with no proxy in front (the default) is the connection's address, whatever X-Forwarded-For says", () => {
    expect(clientIp(peer("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(peer("203.0.113.7", "1.1.1.1"), 0)).toBe("203.0.113.7");
    expect(clientIp(peer("203.0.113.7", "2.2.2.2, 3.3.3.3"), 0)).toBe(
      clientIp(peer("203.0.113.7", "4.4.4.4"), 0),
    );
    expect(clientIp(new Headers(peer("::ffff:203.0.113.7", "1.1.1.1")), 0)).toBe("203.0.113.7");
    expect(clientIp(peer("2001:db8::1"), 0)).toBe("2001:db8::1");
  });

  it("behind proxies takes the entry our proxies appended, not the client's own claims", () => {
    // The client 198.51.100.1 claims 1.1.1.1; proxy A (10.0.0.1) appends the client, proxy B the address of A.
    const headers = peer("10.0.0.2", "1.1.1.1, 198.51.100.1, 10.0.0.1");
    expect(clientIp(headers, 1)).toBe("10.0.0.1");
    expect(clientIp(headers, 2)).toBe("198.51.100.1");
    expect(clientIp(peer("10.0.0.2", "1.1.1.1, 198.51.100.1"), 1)).toBe(
      clientIp(peer("10.0.0.2", "2.2.2.2, 198.51.100.1"), 1),
    );
  });

  it("copes with fewer entries than hops", () => {
    expect(clientIp(peer("203.0.113.7"), 2)).toBe("203.0.113.7");
    expect(clientIp(peer("10.0.0.2", "203.0.113.7"), 3)).toBe("203.0.113.7");
  });

  it("without the server's header (next dev, tests) the last X-Forwarded-For entry stands for the peer", () => {
    expect(clientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }, 0)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }), 1)).toBe(
      "198.51.100.1",
    );
    expect(clientIp({}, 0)).toBe("unknown");
  });

  it("refuses to guess in production without the server's header", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(() => clientIp({ "x-forwarded-for": "203.0.113.7" }, 0)).toThrow(PEER_ADDRESS_HEADER);
    expect(clientIp(peer("203.0.113.7", "1.1.1.1"), 0)).toBe("203.0.113.7");
  });
});
