import { apiMethods } from "@/lib/api/methods";
import { openApiDocument } from "@/lib/api/openapi";
import { apiResponse } from "@/lib/api/problem";

/** The OpenAPI 3.1 description of /api/v1, generated from the request schemas: public. */
const document = () =>
  apiResponse(200, openApiDocument(), { "Cache-Control": "public, max-age=300" });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: document });
