"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { SideNav } from "./side-nav";
import { SignOutButton } from "./sign-out-button";

/**
 * The navigation: a sidebar from 768 px up; below, a top bar whose Menu button opens the
 * links and the account, so on a phone the page gets the whole width.
 */
export function Sidebar({ items, user }: { items: { href: string; label: string }[]; user: { name: string; email: string; role: string; siteIds: string[] } }) {
  const [open, setOpen] = useState(false);
  return (
    <aside className="shrink-0 border-b border-slate-200 bg-white md:flex md:w-56 md:flex-col md:border-r md:border-b-0">
      <div className="flex items-center justify-between px-4 py-3 md:px-5 md:py-5">
        <div>
          <p className="text-lg font-semibold tracking-tight">Shiftboard</p>
          <p className="hidden text-xs text-slate-500 md:block">Workforce planning</p>
        </div>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 md:hidden"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpen(!open)}
        >
          {open ? "Close menu" : "Menu"}
        </button>
      </div>
      <div id="main-menu" className={cn(open ? "block" : "hidden", "pb-3 md:flex md:flex-1 md:flex-col md:pb-0")}>
        <SideNav items={items} onNavigate={() => setOpen(false)} />
        <div className="mt-2 border-t border-slate-100 px-5 py-4 text-sm md:mt-auto">
          <p className="truncate font-medium text-slate-800" title={user.email}>
            {user.name}
          </p>
          <p className="text-xs text-slate-500" data-testid="current-role">
            {user.role}
            {user.siteIds.length ? ` · ${user.siteIds.join(", ")}` : ""}
          </p>
          <SignOutButton />
        </div>
      </div>
    </aside>
  );
}
