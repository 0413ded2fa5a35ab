export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the schedule" className="space-y-4">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-14 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-[480px] animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
