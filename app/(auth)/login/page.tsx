import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInMessage } from "@/lib/auth/sign-in-messages";
import { LoginForm } from "./login-client";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const user = await getCurrentUser();
  const { callbackUrl, error } = await searchParams;
  // Only a path on our own origin; `/\evil.example` and the like fall back to "/".
  const target = safeCallbackPath(callbackUrl);
  if (user) redirect(target);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-slate-100 to-brand-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-3xl font-semibold tracking-tight text-slate-900">Shiftboard</p>
          <p className="mt-1 text-sm text-slate-600">Workforce planning for contact centers on NICE CXone</p>
        </div>
        <LoginForm callbackUrl={target} initialError={signInMessage(error)} />
      </div>
    </main>
  );
}
