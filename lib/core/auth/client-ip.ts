/**
 * The header the production server (server/production.ts) sets on every request to the address
 * of the connection it came in on, overwriting whatever the client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-pd-peer-address";

/** "::ffff:203.0.113.7", as Node reports an IPv4 peer on a dual-stack socket, is 203.0.113.7. */
export const plainAddress = (address: string) =>
  address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/**
 * The client's address for throttling. The chain is X-Forwarded-For (each proxy appends the
 * address it was connected from) followed by the peer, the address of our own connection: with
 * `trustedHops` proxies of ours in front, the client is the entry that many places before the
 * peer, and anything further left is the client's own claim. With none (the default) it is the
 * peer itself, whatever the client wrote.
 *
 * The peer comes from the production server's header. Without it (`next dev`, tests) the last
 * X-Forwarded-For entry stands in for the peer, since Next fills the header from the socket when
 * the client sent none, but a client can also write it: a server that others reach must be
 * `npm start`, so production without the header is refused rather than trusting the client.
 */
export function clientIp(headers: Record<string, unknown> | Headers, trustedHops: number): string {
  const get = (name: string) =>
    (headers instanceof Headers ? headers.get(name) : (headers[name] as string | undefined)) ?? "";
  const forwarded = get("x-forwarded-for")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const peer = get(PEER_ADDRESS_HEADER).trim();
  if (!peer && process.env.NODE_ENV === "production")
    throw new Error(
      `no ${PEER_ADDRESS_HEADER} header: serve production with server/production.ts (npm start)`,
    );
  const chain = peer ? [...forwarded, peer] : forwarded;
  const entry = chain[chain.length - 1 - trustedHops] ?? chain[0];
  return entry ? plainAddress(entry) : "unknown";
}
