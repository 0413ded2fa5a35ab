"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

export type ProposalGrouping = "agent" | "day";

export interface ResultsQuery {
  group: ProposalGrouping;
  /** Only proposals that cover this skill (and the unmet requirements of it); "" for all. */
  skill: string;
  /** Only proposals worked at this site (and unmet windows on its clock); "" for all. */
  site: string;
}

/**
 * How the run's results are shown, kept in the URL (`?group=day&skill=…&site=…`) so a planner
 * can share the view. Written with the History API, which Next's router follows: the view
 * changes without asking the server for the page again.
 */
export function useResultsQuery(): [ResultsQuery, (changes: Partial<ResultsQuery>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const query: ResultsQuery = {
    group: params.get("group") === "day" ? "day" : "agent",
    skill: params.get("skill") ?? "",
    site: params.get("site") ?? "",
  };
  const set = useCallback(
    (changes: Partial<ResultsQuery>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        // The defaults stay out of the URL: /optimization is the agent view of everything.
        if (!v || (k === "group" && v === "agent")) next.delete(k);
        else next.set(k, v);
      }
      const search = next.toString();
      window.history.pushState(null, "", search ? `${pathname}?${search}` : pathname);
    },
    [pathname],
  );
  return [query, set];
}
