import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Versioned } from "../modules/settings/program-items.service.js";
import { PROGRAM_LISTS, PROGRAM_PARTS, type ProgramItemsService, type SinglePart } from "../modules/settings/program-items.service.js";
import type { ListPart } from "../modules/settings/program-diff.rules.js";
import { adminOf } from "./admin-auth.js";
import { describeRoute } from "./openapi/route-doc.js";
import { parseInput } from "./validate.js";

const itemParams = z.object({ id: z.string().min(1).max(64) });

/** A versioned piece of the program: the value as the body, its version as a strong `ETag`. */
function sendVersioned(res: Response, status: number, { value, version }: Versioned<unknown>): void {
  res.status(status).set("ETag", version).json(value);
}

/** Who writes, and the version they say they read (`If-Match`), if any. */
function writeOf(req: Request, res: Response) {
  return { actor: adminOf(res.locals).actor, ifMatch: req.get("if-match") };
}

/**
 * /program/...: each list (challenges, badges, tiers, rewards) item by item, and the other parts (earning rule,
 * theme, texts, tier rules, paid memberships…) each whole (mounted behind requireAdmin). Reads carry an `ETag`; a write with a stale `If-Match` is 412.
 */
export function programRoutes(deps: { programItems: ProgramItemsService }): Router {
  const router = Router();
  const items = deps.programItems;

  for (const list of Object.keys(PROGRAM_LISTS) as ListPart[]) {
    const base = `/program/${list}`;
    const { schema, noun } = PROGRAM_LISTS[list];
    const tag = "Program";
    const idOf = (req: Request) => parseInput(itemParams, req.params).id;

    router.get(base, describeRoute({ tag, summary: `Every ${noun}` }), async (_req, res) => {
      res.json(await items.list(adminOf(res.locals).storeId, list));
    });

    router.post(base, describeRoute({ tag, summary: `Add a ${noun} (its id is made when left out)`, body: schema, answer: { status: 201 } }), async (req, res) => {
      const { storeId, actor } = adminOf(res.locals);
      const created = await items.create(storeId, list, req.body, actor);
      res.location(`${req.baseUrl}${base}/${created.value.id}`);
      sendVersioned(res, 201, created);
    });

    router.get(`${base}/:id`, describeRoute({ tag, summary: `One ${noun}, its version as ETag`, params: itemParams }), async (req, res) => {
      sendVersioned(res, 200, await items.item(adminOf(res.locals).storeId, list, idOf(req)));
    });

    router.put(`${base}/:id`, describeRoute({ tag, summary: `Replace a ${noun} (If-Match: a stale version is 412)`, params: itemParams, body: schema }), async (req, res) => {
      sendVersioned(res, 200, await items.update(adminOf(res.locals).storeId, list, idOf(req), req.body, writeOf(req, res)));
    });

    router.delete(`${base}/:id`, describeRoute({ tag, summary: `Remove a ${noun}`, params: itemParams, answer: { status: 204 } }), async (req, res) => {
      await items.remove(adminOf(res.locals).storeId, list, idOf(req), writeOf(req, res));
      res.status(204).end();
    });
  }

  for (const part of Object.keys(PROGRAM_PARTS) as SinglePart[]) {
    const { schema, noun } = PROGRAM_PARTS[part];
    router.get(`/program/${part}`, describeRoute({ tag: "Program", summary: `The ${noun}, its version as ETag` }), async (_req, res) => {
      sendVersioned(res, 200, await items.part(adminOf(res.locals).storeId, part));
    });

    router.put(`/program/${part}`, describeRoute({ tag: "Program", summary: `Replace the ${noun} (If-Match: a stale version is 412)`, body: schema }), async (req, res) => {
      sendVersioned(res, 200, await items.updatePart(adminOf(res.locals).storeId, part, req.body, writeOf(req, res)));
    });
  }

  return router;
}
