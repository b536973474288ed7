import { capabilityLink } from "@/lib/core/capability-link";
import { hashCapabilityToken, newCapabilityToken } from "@/lib/core/crypto/capability-token";

/** The requester's capability to follow their request: 256 random bits, stored only as a SHA-256 hash. */
export const newTrackingToken = () => newCapabilityToken("request-tracking");

export const hashTrackingToken = (token: string) => hashCapabilityToken("request-tracking", token);

/** The requester's tracking page with their token in the fragment (never sent to a server). */
export const trackingLink = (orgSlug: string, token: string) =>
  capabilityLink(`/p/${encodeURIComponent(orgSlug)}/requests/track`, token);
