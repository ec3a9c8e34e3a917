import type { PublicProgram, ShopperStanding } from "../modules/storefront/storefront.service.js";
import type { RememberedReferral } from "./referral-memory.js";
export type { Goal } from "../modules/settings/program-settings.js";
export type { GoalKind } from "../modules/program/challenge-schema.js";
export type { Leaderboard } from "../modules/program/leaderboard-schema.js";
export type { ProofStanding, TaskAnswer } from "../modules/program/task-schema.js";
export type { RedeemResponse, RewardStanding, UnavailableReason } from "../modules/rewards/reward-standing.js";
export type { RedemptionView } from "../modules/rewards/redemption.js";
export type { FriendOffer } from "../modules/referrals/referral-settings.js";
export type { ShopperReferral } from "../modules/referrals/referral-view.js";

/** The wire shapes the widget reads from `/api/storefront/:storeId/...`, as the server builds them (never copied here). */
export type Program = PublicProgram;
export type Reward = Program["rewards"][number];
export type Me = ShopperStanding;
export type Challenge = Program["challenges"][number];
export type ChallengeStanding = Me["challenges"][number];

/** The part of Ecwid's storefront JS API the widget uses (CONTRACT §5.2). */
export interface EcwidApi {
  OnAPILoaded: { add(callback: () => void): void };
  OnSetProfile?: { add(callback: (customer: EcwidCustomer | null) => void): void };
  getOwnerId(): number;
  getStorefrontLang?(): string;
  /** Re-reads `window.ec` (the order's extra fields). */
  refreshConfig?(): void;
  formatCurrency?(amount: number): string;
  Customer?: { get(callback: (customer: EcwidCustomer | null) => void): void };
}

export interface EcwidCustomer {
  email?: string;
}

/** What the loader hands the lazily loaded panel. */
export interface PanelContext {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  dialog: HTMLElement;
  program: Program;
  /** `https://app.example/api/storefront/1003` */
  api: string;
  ecwid: EcwidApi;
  /** The friend's code from a referral link, kept by the loader. */
  referral: RememberedReferral | null;
  /** The loader's own helpers: the panel always ships with its loader (PANEL_VERSION), so it carries no second copy. */
  addStyles(root: ShadowRoot, css: string): void;
  icon(d: string): SVGSVGElement;
}

export interface PanelHandle {
  open(): void;
  close(restoreFocus: boolean): void;
  readonly isOpen: boolean;
}

export type MountPanel = (context: PanelContext) => PanelHandle;

/** The one global the two bundles share: the panel bundle sets it, the loader calls it. */
export const PANEL_GLOBAL = "__questlinePanel";
