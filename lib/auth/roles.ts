/**
 * Roles and what each may open. Shared by the navigation (what to show) and the
 * server checks (what to allow); the server checks are the boundary.
 */
export const ROLES = ["planner", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
  description: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/shifts", label: "Shifts", roles: ["planner", "admin"], description: "Upload and import shift CSVs" },
  { href: "/coverage", label: "Coverage", roles: ["planner", "supervisor", "admin"], description: "Coverage against demand, gaps" },
  { href: "/optimization", label: "Optimization", roles: ["planner", "admin"], description: "Recommend shifts to close gaps" },
  { href: "/trades", label: "Trades", roles: ["planner", "supervisor", "admin"], description: "Shift trades and the review queue" },
  { href: "/bidding", label: "Bidding", roles: ["planner", "admin"], description: "Bid scopes, waves and locks" },
  { href: "/settings", label: "Settings", roles: ["admin"], description: "Trading, staffing and CXone settings" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => i.roles.includes(role));
}

export function mayOpen(role: Role, href: string): boolean {
  const item = NAV_ITEMS.find((i) => href === i.href || href.startsWith(`${i.href}/`));
  return item ? item.roles.includes(role) : true;
}
