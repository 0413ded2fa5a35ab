import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Shifts" };

export default async function ShiftsPage() {
  await requirePageUser("/shifts");
  return (
    <>
      <PageHeader title="Shifts" description="Upload shift CSVs (ours or CXone's template), validate them, and import them into the schedule and CXone." />
      <EmptyState title="Nothing here yet">Shift import arrives here: drag a CSV, see every bad row explained, then import.</EmptyState>
    </>
  );
}
