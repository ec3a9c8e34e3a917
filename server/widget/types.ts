/** The wire shapes the widget reads from `/api/storefront/:storeId/...` (see server/modules/storefront). */
export type Texts = Record<string, string>;

export interface Goal {
  kind: "orders" | "spend";
  target: number;
}

export interface Theme {
  primaryColor: string;
  textColor: string;
  position: "bottom-right" | "bottom-left";
  launcherText: string;
}

export interface Program {
  storeId: number;
  storeName: string;
  lang: string;
  currency: string;
  currencyPrecision: number;
  currencyPrefix?: string;
  currencySuffix?: string;
  earning: { points: number; perAmountMinor: number; minOrderMinor: number };
  challenges: { id: string; title: string; description: string; points: number; goal: Goal }[];
  badges: { id: string; name: string; description: string; goal: Goal }[];
  tiers: { id: string; name: string; thresholdMinor: number; perks: string }[];
  rewards: { id: string; name: string; costPoints: number; discount: { type: "ABS" | "PERCENT"; value: number } }[];
  referral: { enabled: boolean };
  theme: Theme;
  texts: Texts;
}

export interface Me {
  member: { email: string | null; balance: number };
  tier: { current: { id: string; name: string } | null; next: { id: string; name: string; thresholdMinor: number } | null; spendMinor: number };
  challenges: { id: string; progress: number; target: number; completed: boolean }[];
  badges: { id: string; earned: boolean }[];
  referral: { url: string; code?: string } | null;
  recentLedger: { delta: number; kind: string; note: string; createdAt: string }[];
}

/** The part of Ecwid's storefront JS API the widget uses (CONTRACT §5.2). */
export interface EcwidApi {
  OnAPILoaded: { add(callback: () => void): void };
  OnSetProfile?: { add(callback: (customer: EcwidCustomer | null) => void): void };
  getOwnerId(): number;
  getStorefrontLang?(): string;
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
}

export interface PanelHandle {
  open(): void;
  close(restoreFocus: boolean): void;
  readonly isOpen: boolean;
}

export type MountPanel = (context: PanelContext) => PanelHandle;

/** The one global the two bundles share: the panel bundle sets it, the loader calls it. */
export const PANEL_GLOBAL = "__questlinePanel";
