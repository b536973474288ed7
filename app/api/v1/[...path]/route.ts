import { problemResponse } from "@/lib/api/problem";

/** Any other /api/v1 address: a problem document, as every API answer is, rather than a page. */
const notFound = () =>
  problemResponse("notFound", "There is no such endpoint; see /api/v1/openapi.json.");

export {
  notFound as GET,
  notFound as HEAD,
  notFound as OPTIONS,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
