/** A switched-off CXone feature and why (the connected profile has no such endpoint, or there is no connection). */
export function FeatureOff({ what, reason }: { what: string; reason: string | null }) {
  return (
    <p className="rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-600" role="note">
      <span className="font-medium">{what} is off.</span> {reason}
    </p>
  );
}
