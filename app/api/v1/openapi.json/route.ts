import { openApiDocument } from "@/lib/api/openapi";

/** The OpenAPI 3.1 description of /api/v1, generated from the request schemas: public. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
