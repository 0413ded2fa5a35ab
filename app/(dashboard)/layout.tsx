import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { navFor } from "@/lib/auth/roles";
import { Sidebar } from "@/components/layout/sidebar";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const items = navFor(user.role).map(({ href, label }) => ({ href, label }));
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <Sidebar items={items} user={{ name: user.name, email: user.email, role: user.role, siteIds: user.siteIds }} />
      <main className="min-w-0 flex-1 px-4 py-5 md:px-8 md:py-7">{children}</main>
    </div>
  );
}
