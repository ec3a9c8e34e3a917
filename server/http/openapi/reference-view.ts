import type { OpenApiDocument, Operation } from "./openapi-document.js";

type JsonSchema = Record<string, unknown>;

/** A sentence of the document, its `code spans` (Markdown, as OpenAPI's descriptions are) apart so the page can set them as code. */
export type Prose = { text: string; code: boolean }[];

export function prose(text: string): Prose {
  return text
    .split("`")
    .map((part, index) => ({ text: part, code: index % 2 === 1 }))
    .filter((part) => part.text !== "");
}

const ACCESS: Record<NonNullable<Operation["x-scope"]> | "public", string> = {
  public: "No sign-in",
  read: "Session or API key (read or write)",
  write: "Session or API key (write)",
  session: "Dashboard session only",
};

/** A parameter's schema in a few words: `integer, 1 to 100, default 25`. */
function describeSchema(schema: JsonSchema): string {
  const words: string[] = [];
  if (Array.isArray(schema.enum)) words.push(`one of ${schema.enum.map((value) => JSON.stringify(value)).join(", ")}`);
  else if (typeof schema.type === "string") words.push(typeof schema.format === "string" ? `${schema.type} (${schema.format})` : schema.type);
  else words.push("any");
  const min = schema.minimum ?? schema.minLength;
  const max = schema.maximum ?? schema.maxLength;
  if (min !== undefined || max !== undefined) words.push(`${min ?? "…"} to ${max ?? "…"}${schema.type === "string" ? " characters" : ""}`);
  if (schema.default !== undefined) words.push(`default ${JSON.stringify(schema.default)}`);
  return words.join(", ");
}

function operationView(method: string, path: string, operation: Operation) {
  const [status = "200", answer] = Object.entries(operation.responses)[0] ?? [];
  const mediaTypes = Object.keys((answer as { content?: Record<string, unknown> } | undefined)?.content ?? {});
  return {
    id: operation.operationId,
    tag: operation.tags[0],
    method: method.toUpperCase(),
    path,
    summary: prose(operation.summary),
    description: prose(operation.description ?? ""),
    access: ACCESS[operation["x-scope"] ?? "public"],
    parameters: (operation.parameters ?? []).map((parameter) => ({ ...parameter, type: describeSchema(parameter.schema), description: prose(parameter.description ?? "") })),
    body: operation.requestBody ? JSON.stringify(operation.requestBody.content["application/json"]?.schema, null, 2) : null,
    answer: [status, ...mediaTypes].join(" "),
  };
}

/** What the reference page shows: the document's operations grouped by tag, in the order the API declares them. */
export function referenceView(document: OpenApiDocument, documentUrl: string) {
  const info = document.info as { title: string; version: string; description: string };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => operationView(method, path, operation)));
  const groups = document.tags.map(({ name }) => ({
    name,
    id: `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    operations: operations.filter((operation) => operation.tag === name),
  }));
  const [server] = document.servers;
  return { title: info.title, version: info.version, description: prose(info.description), basePath: server?.url ?? "", documentUrl, groups };
}
