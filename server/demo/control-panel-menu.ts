/** The left menu of the demo control panel: Ecwid's sections for orientation, Questline under Discounts (CONTRACT §2.1). */
export interface MenuItem {
  label: string;
  icon: string;
  open?: boolean;
  children?: { label: string; href?: string }[];
}

export const CONTROL_PANEL_MENU: MenuItem[] = [
  { label: "Dashboard", icon: "home" },
  { label: "My Sales", icon: "sales" },
  { label: "Catalog", icon: "catalog" },
  { label: "Discounts", icon: "discounts", open: true, children: [{ label: "Coupons" }, { label: "Questline", href: "/demo/admin" }] },
  { label: "Customers", icon: "customers" },
  { label: "Reports", icon: "reports" },
  { label: "Sales Channels", icon: "channels" },
  { label: "Settings", icon: "settings" },
  { label: "Apps", icon: "apps" },
];
