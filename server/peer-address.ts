import type { IncomingMessage } from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/core/auth/client-ip";

/**
 * Writes the connection's own address into the header the application reads it from
 * (clientIp), replacing any value the client sent under that name: Next's requests carry no
 * socket, and X-Forwarded-For is whatever the client or a proxy wrote.
 */
export function stampPeerAddress(req: IncomingMessage): void {
  req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
}
