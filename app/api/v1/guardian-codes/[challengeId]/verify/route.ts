import { verifyGuardianCodeEndpoint } from "@/lib/api/guardian-endpoints";
import { apiMethods } from "@/lib/api/methods";

/** The guardian's code checked: consent events naming the challenge are then the guardian's (consent:write). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: verifyGuardianCodeEndpoint,
});
