import { reportIncidentEndpoint } from "@/lib/api/incident-endpoints";
import { apiMethods } from "@/lib/api/methods";

/** A suspected incident reported by the platform's monitoring (incidents:write). */
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: reportIncidentEndpoint,
});
