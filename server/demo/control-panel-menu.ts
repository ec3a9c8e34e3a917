/** The left menu of the demo control panel: Ecwid's sections for orientation; Orders and Questline work (CONTRACT §2.1). */
export interface MenuItem {
  label: string;
  icon: string;
  children?: { label: string; href?: string }[];
}

export const CONTROL_PANEL_MENU: MenuItem[] = [
  { label: "Dashboard", icon: "home" },
  { label: "My Sales", icon: "sales", children: [{ label: "Orders", href: "/demo/admin/orders" }] },
  { label: "Catalog", icon: "catalog" },
  { label: "Discounts", icon: "discounts", children: [{ label: "Coupons" }, { label: "Questline", href: "/demo/admin" }] },
  { label: "Customers", icon: "customers" },
  { label: "Reports", icon: "reports" },
  { label: "Sales Channels", icon: "channels" },
  { label: "Settings", icon: "settings" },
  { label: "Apps", icon: "apps" },
];

/** The pages that work, for the narrow view where the menu does not fit. */
export const CONTROL_PANEL_PAGES = CONTROL_PANEL_MENU.flatMap((item) => item.children ?? []).filter((child): child is { label: string; href: string } => child.href !== undefined);
