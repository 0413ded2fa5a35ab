import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { navFor } from "@/lib/auth/roles";

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  redirect(navFor(user.role)[0]?.href ?? "/not-allowed");
}
