"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "../fetch-json";
import { msOf } from "../wire";

/** One upcoming shift of an agent, as GET /api/v1/shifts lists it (its ISO instants as epoch ms). */
export interface AgentShiftOption {
  id: string;
  siteId: string;
  start: number;
  end: number;
  version: number;
}

export const shiftKeys = {
  ofAgent: (agentId: string) => ["agent-shifts", agentId] as const,
};

const AGENT_ID = /^AGENT-\d+$/i;

/** An agent's upcoming shifts, fetched once the id looks like one (AGENT-1001). */
export function useAgentShifts(agentId: string) {
  return useQuery({
    queryKey: shiftKeys.ofAgent(agentId),
    enabled: AGENT_ID.test(agentId.trim()),
    queryFn: async () =>
      (await fetchJson<{ shifts: (Omit<AgentShiftOption, "start" | "end"> & { start: string; end: string })[] }>(`/api/v1/shifts?agentId=${encodeURIComponent(agentId.trim().toUpperCase())}`)).shifts.map((s) => ({
        ...s,
        start: msOf(s.start),
        end: msOf(s.end),
      })),
  });
}
