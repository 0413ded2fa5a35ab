import { cn } from "./cn";

/**
 * A plain data table: a labelled <table> with a header row, scrolling sideways when it
 * must. Rows are the caller's <tr> elements (use `Row` for the usual divider).
 */
export function DataTable({ label, columns, children, className }: { label: string; columns: readonly string[]; children: React.ReactNode; className?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className={cn("min-w-full text-sm", className)} aria-label={label}>
        <thead className="text-left text-slate-500">
          <tr>
            {columns.map((h, i) => (
              <th key={`${h}-${i}`} scope="col" className="px-2 py-1.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function Row({ className, ...props }: React.HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("border-t border-slate-100", className)} {...props} />;
}
