import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { navFor } from "@/lib/auth/roles";
import { SideNav } from "@/components/layout/side-nav";
import { SignOutButton } from "@/components/layout/sign-out-button";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const items = navFor(user.role).map(({ href, label }) => ({ href, label }));
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-56 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="px-5 py-5">
          <p className="text-lg font-semibold tracking-tight">Shiftboard</p>
          <p className="text-xs text-slate-500">Workforce planning</p>
        </div>
        <SideNav items={items} />
        <div className="mt-auto border-t border-slate-100 px-5 py-4 text-sm">
          <p className="truncate font-medium text-slate-800" title={user.email}>
            {user.name}
          </p>
          <p className="text-xs text-slate-500" data-testid="current-role">
            {user.role}
            {user.siteIds.length ? ` · ${user.siteIds.join(", ")}` : ""}
          </p>
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-7">{children}</main>
    </div>
  );
}
