import { openApiDocument } from "@/lib/api/openapi";
import { apiResponse } from "@/lib/api/problem";

/** The OpenAPI 3.1 description of /api/v1, generated from the request schemas: public. */
export function GET() {
  return apiResponse(200, openApiDocument(), { "Cache-Control": "public, max-age=300" });
}
