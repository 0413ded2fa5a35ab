import { openApiDocument } from "@/lib/api/openapi/document";

/** The OpenAPI 3.1 contract of /api/v1, generated from the schemas the handlers validate with. Public: it describes, it serves no data. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
