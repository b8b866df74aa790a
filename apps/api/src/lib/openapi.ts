import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** OpenAPI 3.1 at /api/openapi.json and Swagger UI at /api/docs, generated from the routes' zod schemas. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Sổ tay đảng viên API",
        version: "0.1.0",
        description:
          "Session cookie `sid` from POST /api/auth/login; every unsafe request carries `x-csrf-token` from GET /api/auth/session. Errors are `{ error: { code, message, details } }`.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "sid" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true, uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { config: { policy: "public" }, schema: { hide: true } }, async () => app.swagger());
}
