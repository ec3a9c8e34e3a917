import { Router, type RequestHandler } from "express";
import { z } from "zod";
import type { ChangeSignal } from "../lib/change-signal.js";
import type { Clock } from "../lib/clock.js";
import type { LeaderboardService } from "../modules/program/leaderboard.service.js";
import type { RedemptionService } from "../modules/rewards/redemption.service.js";
import type { ShopperPrincipal, ShopperSessionService } from "../modules/shoppers/shopper-session.service.js";
import type { StorefrontService } from "../modules/storefront/storefront.service.js";
import type { TaskService } from "../modules/program/task.service.js";
import { openCors } from "./cors.js";
import { memberAnswers } from "./member-answers.js";
import { sendEncoded, sendJsonBytes } from "./send-encoded.js";
import { storableJson } from "./storable-input.js";
import { parseInput } from "./validate.js";
import { storeParams } from "./route-params.js";

const rewardParams = storeParams.extend({ rewardId: z.string().min(1).max(60) });
const challengeParams = storeParams.extend({ challengeId: z.string().min(1).max(60) });

/** /api/storefront/:storeId/...: the widget's API, open to any origin, bearer tokens only. */
export function storefrontRoutes(deps: {
  storefront: StorefrontService;
  shopperSessions: ShopperSessionService;
  redemptions: RedemptionService;
  tasks: TaskService;
  leaderboard: LeaderboardService;
  storeWrites: ChangeSignal<number>;
  clock: Clock;
}): Router {
  const router = Router({ mergeParams: true });
  router.use(openCors);
  const body = storableJson("10kb");
  const storeOf = (params: unknown) => parseInput(storeParams, params).storeId;
  const me = memberAnswers(deps);

  router.get("/program", async (req, res) => {
    sendEncoded(req, res, await deps.storefront.program(storeOf(req.params), req.query.lang), "public, max-age=60");
  });

  router.post("/session/start", ...body, async (req, res) => {
    res.status(202).json(await deps.shopperSessions.start(storeOf(req.params), req.body, req.ip ?? "unknown"));
  });

  router.post("/session/verify", ...body, async (req, res) => {
    const { principal, ...session } = await deps.shopperSessions.verify(storeOf(req.params), req.body, req.ip ?? "unknown");
    // A first verified sign-in joins the program: the join challenges pay their sign-up bonus now.
    await deps.tasks.joined(principal);
    res.json(session);
  });

  router.get("/me", async (req, res) => {
    const principal = deps.shopperSessions.authenticate(storeOf(req.params), req.get("authorization"));
    res.set("Cache-Control", "private, no-store");
    sendJsonBytes(res, 200, await me(principal, req.query.lang));
  });

  // 201 issued, 202 pending (the job settles it), 200 a repeated Idempotency-Key; refusals 409 / 503 with their reason.
  router.post("/rewards/:rewardId/redeem", ...body, async (req, res) => {
    const { storeId, rewardId } = parseInput(rewardParams, req.params);
    const principal = deps.shopperSessions.authenticate(storeId, req.get("authorization"));
    const outcome = await deps.redemptions.redeem(principal, rewardId, req.body, req.get("idempotency-key"));
    res.set("Cache-Control", "private, no-store");
    res.status(outcome.status).json(outcome.body);
  });

  // Who sends a task is known before its body is read: only a signed-in shopper may send a proof photo's megabyte.
  const shopper: RequestHandler = (req, res, next) => {
    res.locals.shopper = deps.shopperSessions.authenticate(storeOf(req.params), req.get("authorization"));
    res.set("Cache-Control", "private, no-store");
    next();
  };

  // 200 paid, 202 a proof sent for review; 409 already_completed / pending_review / not_available with its reason.
  router.post("/challenges/:challengeId/complete", shopper, ...storableJson("1500kb"), async (req, res) => {
    const { challengeId } = parseInput(challengeParams, req.params);
    const outcome = await deps.tasks.complete(res.locals.shopper as ShopperPrincipal, challengeId, req.body);
    res.status(outcome.status).json(outcome.body);
  });

  router.put("/me/birthday", shopper, ...body, async (req, res) => {
    res.json(await deps.tasks.setBirthday(res.locals.shopper as ShopperPrincipal, req.body));
  });

  // The month's leaderboard (404 leaderboard_off unless the merchant runs it): anyone reads the top; a signed-in shopper, their own place too.
  router.get("/leaderboard", async (req, res) => {
    const storeId = storeOf(req.params);
    const bearer = req.get("authorization");
    const principal = bearer === undefined ? null : deps.shopperSessions.authenticate(storeId, bearer);
    const board = await deps.leaderboard.board(storeId, principal);
    res.vary("Authorization").set("Cache-Control", principal ? "private, no-store" : "public, max-age=10");
    res.json(board);
  });

  router.put("/me/leaderboard", ...body, async (req, res) => {
    const storeId = storeOf(req.params);
    const principal = deps.shopperSessions.authenticate(storeId, req.get("authorization"));
    res.set("Cache-Control", "private, no-store");
    res.json(await deps.leaderboard.choose(principal, req.body));
  });

  return router;
}
