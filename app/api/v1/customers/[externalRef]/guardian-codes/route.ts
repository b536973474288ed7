import { requestGuardianCodeEndpoint } from "@/lib/api/guardian-endpoints";
import { apiMethods } from "@/lib/api/methods";

/** A one-time code to a minor customer's guardian (consent:write; PIPL Art. 31). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: requestGuardianCodeEndpoint,
});
