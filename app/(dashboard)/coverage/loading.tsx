export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading coverage" className="space-y-4">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-12 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-64 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
