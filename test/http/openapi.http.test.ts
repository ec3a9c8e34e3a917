import { validate } from "@readme/openapi-parser";
import { Router } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminApiRoutes } from "../../server/http/admin-api.routes.js";
import { openApiPath } from "../../server/http/openapi/openapi-document.js";
import { walkRoutes } from "../../server/http/openapi/route-walk.js";
import { startTestApp, type TestApp } from "../support/test-app.js";

interface Doc {
  openapi: string;
  paths: Record<string, Record<string, { security: Record<string, string[]>[]; "x-scope"?: string; parameters?: { name: string; in: string }[]; requestBody?: unknown }>>;
}

describe("the admin API's OpenAPI document", () => {
  let app: TestApp;
  let document: Doc;

  beforeAll(async () => {
    app = await startTestApp();
    const response = await app.http.get("/api/admin/openapi.json");
    expect(response.status).toBe(200);
    document = response.data as Doc;
  });
  afterAll(() => app.close());

  it("when the router's routes are walked, then each is in the document under its method, and the document has no route the router lacks", () => {
    const routed = walkRoutes(adminApiRoutes(app.container)).map(({ method, path }) => `${method} ${openApiPath(path)}`);
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));

    expect(routed.length).toBeGreaterThan(50);
    expect(routed.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !routed.includes(route))).toEqual([]);
  });

  it("when the document is validated as OpenAPI 3.1, then it is valid", async () => {
    const result = await validate(structuredClone(document) as never);

    expect(document.openapi).toBe("3.1.0");
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("when an operation is read, then it says its auth and scope, and its path parameters and body come from the route's own schemas", () => {
    const adjust = document.paths["/members/{memberId}/adjustments"]!.post!;
    expect(adjust.security).toEqual([{ session: [] }, { apiKey: ["write"] }]);
    expect(adjust.parameters).toEqual([expect.objectContaining({ name: "memberId", in: "path", required: true })]);
    expect(adjust.requestBody).toMatchObject({ content: { "application/json": { schema: { type: "object", required: expect.arrayContaining(["points", "reason"]) } } } });

    expect(document.paths["/members"]!.get!["x-scope"]).toBe("read");
    expect(document.paths["/members"]!.get!.parameters!.map((parameter) => parameter.name)).toEqual(["limit", "offset", "email"]);
    expect(document.paths["/api-keys"]!.post!.security).toEqual([{ session: [] }]);
    expect(document.paths["/openapi.json"]!.get!.security).toEqual([]);
    expect(document.paths["/program/proofs/{proofId}/reject"]!.post).toBeDefined();
    expect(document.paths["/referrals/summary"]!.get).toBeDefined();
  });

  it("when a router is mounted at a path without mount(), then walking refuses rather than list its routes under the wrong path", () => {
    const api = Router();
    const child = Router();
    child.get("/x", (_req, res) => res.end());
    api.use("/hidden", child);

    expect(() => walkRoutes(api)).toThrow(/mount it with mount\(\)/);
  });

  it("when the document is asked for twice, then the same bytes come back without sign-in", async () => {
    const again = await app.http.get("/api/admin/openapi.json", { responseType: "text" });
    expect(again.status).toBe(200);
    expect(again.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(again.data as string)).toEqual(document);
  });
});
