import Link from "next/link";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not allowed" };

export default async function NotAllowedPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">Not allowed</h1>
        <p className="mt-2 text-sm text-slate-600">
          Your role does not give access to {from ? <code className="rounded bg-slate-100 px-1">{from}</code> : "this page"}. Ask an
          admin if you need it.
        </p>
        <Link href="/" className="mt-5 inline-block text-sm font-medium text-brand-600 hover:underline">
          Back to your dashboard
        </Link>
      </div>
    </main>
  );
}
