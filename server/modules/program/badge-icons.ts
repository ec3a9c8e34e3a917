/**
 * The built-in icons for challenges and badges: names from Lucide (ISC licence, lucide.dev), drawn in the
 * merchant's colours. The names are the API's; the widget and dashboard draw them from the same set.
 */
export const BADGE_ICONS = [
  "star",
  "trophy",
  "award",
  "medal",
  "crown",
  "gem",
  "heart",
  "gift",
  "flame",
  "zap",
  "sparkles",
  "rocket",
  "coffee",
  "shopping-bag",
  "shopping-cart",
  "shirt",
  "mountain",
  "tent",
  "leaf",
  "sun",
  "cake",
  "camera",
  "share-2",
  "message-circle",
  "thumbs-up",
  "calendar",
  "users",
  "user-plus",
  "ticket",
  "footprints",
] as const;
export type BadgeIcon = (typeof BADGE_ICONS)[number];
