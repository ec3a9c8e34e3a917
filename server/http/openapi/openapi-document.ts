import { z } from "zod";
import { validationFailureSchema } from "../../lib/validation.js";
import type { RouteDoc } from "./route-doc.js";
import type { WalkedRoute } from "./route-walk.js";

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & { servers: { url: string }[]; paths: Record<string, Record<string, Operation>>; tags: { name: string }[] };

export interface Operation {
  tags: string[];
  summary: string;
  description?: string;
  operationId: string;
  security: Record<string, string[]>[];
  "x-scope"?: "read" | "write" | "session";
  parameters?: { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema; description?: string }[];
  requestBody?: { required: boolean; description?: string; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
}

/** Every refusal: a stable `code`, a sentence, and for `validation_failed` the issues a form can put beside its fields. */
const errorSchema = validationFailureSchema.extend({ code: z.string(), issues: validationFailureSchema.shape.issues.optional() });

/** A route's schema as the JSON its caller sends: `io: "input"` gives defaults as optional and coerced fields as sent. */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as JsonSchema;
  return json;
}

function parametersOf(schema: z.ZodObject | undefined, where: "path" | "query"): NonNullable<Operation["parameters"]> {
  if (!schema) return [];
  const json = jsonSchemaOf(schema);
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || required.has(name),
    schema: property,
    ...(typeof property.description === "string" ? { description: property.description } : {}),
  }));
}

/** `/members/:memberId/tier` → `/members/{memberId}/tier`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

const scopeOf = (method: string, doc: RouteDoc): Operation["x-scope"] =>
  doc.access === "session" ? "session" : doc.access === "public" ? undefined : method === "get" || method === "head" ? "read" : "write";

function securityOf(scope: Operation["x-scope"]): Operation["security"] {
  if (!scope) return [];
  if (scope === "session") return [{ session: [] }];
  return [{ session: [] }, { apiKey: [scope] }];
}

function operationOf(method: string, path: string, doc: RouteDoc): Operation {
  const scope = scopeOf(method, doc);
  const answer = doc.answer ?? {};
  const status = String(answer.status ?? 200);
  const parameters = [...parametersOf(doc.params, "path"), ...parametersOf(doc.query, "query")];
  return {
    tags: [doc.tag],
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    operationId: `${method}${path.replace(/[^A-Za-z0-9]+(\w)?/g, (_match, next: string | undefined) => (next ?? "").toUpperCase())}`,
    security: securityOf(scope),
    ...(scope ? { "x-scope": scope } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(doc.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchemaOf(doc.body) } } } } : {}),
    ...(doc.upload ? { requestBody: { required: true, description: doc.upload.description, content: { [doc.upload.mediaType]: { schema: { type: "string" } } } } } : {}),
    responses: {
      [status]: {
        description: answer.description ?? (status === "204" ? "Done; no body" : "Done"),
        ...(status === "204" ? {} : { content: { [answer.mediaType ?? "application/json"]: {} } }),
      },
      "4XX": { $ref: "#/components/responses/Refused" },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the admin API, from the routes as the router holds them: every declared route
 * with the schemas it parses its input with. `basePath` is where the API is mounted.
 */
export function openApiDocument(routes: WalkedRoute[], basePath: string, version: string): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const tags: string[] = [];
  for (const { method, path, doc } of routes) {
    if (!doc) continue;
    if (!tags.includes(doc.tag)) tags.push(doc.tag);
    const at = openApiPath(path);
    (paths[at] ??= {})[method] = operationOf(method, at, doc);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Questline admin API",
      version,
      description:
        "Everything the Questline dashboard does, for a merchant's own tools. Call it with the dashboard's session token, or with an API key made in the dashboard's API area (`Authorization: Bearer ql_...`): a read key may only GET, a write key may also change things. Every refusal is JSON `{code, message}`, with `issues[]` when the input did not validate.",
    },
    servers: [{ url: basePath }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        session: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The dashboard's session token (one hour), from POST /session." },
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "ql_ API key", description: "A key made in the dashboard's API area; scope read (GET only) or write." },
      },
      schemas: { Error: jsonSchemaOf(errorSchema) },
      responses: {
        Refused: {
          description:
            "Refused: bad input (400), no or a bad credential (401), a scope that does not allow it (403), not found (404), a conflict (409, 412) or too many tries (429)",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  };
}
