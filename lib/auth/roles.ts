/**
 * Roles, and the navigation: each page names the capability that opens it, so the menu
 * (what to show) and the page check (what to allow) read the same permissions map; the
 * server checks are the boundary.
 */
import { rolesFor, type Capability } from "./permissions";

export const ROLES = ["planner", "supervisor", "admin", "agent"] as const;
export type Role = (typeof ROLES)[number];

export interface NavItem {
  href: string;
  label: string;
  /** The capability that opens the page. */
  capability: Capability;
  description: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/shifts", label: "Shifts", capability: "shifts.read", description: "Upload and import shift CSVs" },
  { href: "/coverage", label: "Coverage", capability: "coverage.read", description: "Coverage against demand, gaps" },
  { href: "/schedule", label: "Schedule", capability: "schedule.read", description: "Every agent's shifts by day; edit, publish" },
  { href: "/optimization", label: "Optimization", capability: "optimization.read", description: "Recommend shifts to close gaps" },
  { href: "/trades", label: "Trades", capability: "trades.read", description: "Shift trades and the review queue" },
  { href: "/bidding", label: "Bidding", capability: "bidding.read", description: "Bid scopes, lines, bids and awards" },
  { href: "/me", label: "My schedule & bids", capability: "schedule.own.read", description: "Your shifts, bids, awards and trade requests" },
  { href: "/settings", label: "Settings", capability: "settings.read", description: "Trading, staffing and CXone settings" },
];

function opens(role: Role, item: NavItem): boolean {
  return rolesFor(item.capability).includes(role);
}

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => opens(role, i));
}

export function mayOpen(role: Role, href: string): boolean {
  const item = NAV_ITEMS.find((i) => href === i.href || href.startsWith(`${i.href}/`));
  return item ? opens(role, item) : true;
}
