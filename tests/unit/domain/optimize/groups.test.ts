import { describe, expect, it } from "vitest";
import { groupByAgent, groupByLocalDay, proposalPaidHours, type GroupableProposal } from "@/lib/domain/optimize/groups";

const ZONES: Record<string, string> = { NYC: "America/New_York", LON: "Europe/London", MNL: "Asia/Manila" };
const zoneOf = (siteId: string) => ZONES[siteId];

interface P extends GroupableProposal {
  id: string;
}
const p = (id: string, agentId: string, siteId: string, start: string, end: string, o: Partial<P> = {}): P => ({ id, agentId, siteId, start, end, breaks: [], overtimeHours: 0, ...o });

describe("proposals grouped by the site's local day", () => {
  it("puts each proposal on its site's date, days in order, with the day's proposals, agents, paid hours and overtime", () => {
    const groups = groupByLocalDay(
      [
        // 20:00 Monday in New York is already Tuesday in UTC: Monday's.
        p("p1", "AGENT-1", "NYC", "2026-11-24T01:00:00Z", "2026-11-24T05:00:00Z", { overtimeHours: 1.5 }),
        // 07:00 Tuesday in Manila is still Monday in UTC: Tuesday's.
        p("p2", "AGENT-2", "MNL", "2026-11-23T23:00:00Z", "2026-11-24T07:30:00Z", { breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }] }),
        p("p3", "AGENT-1", "NYC", "2026-11-23T14:00:00Z", "2026-11-23T18:00:00Z"),
        p("p4", "AGENT-3", "LON", "2026-11-24T09:00:00Z", "2026-11-24T13:00:00Z", { breaks: [{ startOffsetMinutes: 60, durationMinutes: 15, paid: true }], overtimeHours: 4 }),
      ],
      zoneOf,
    );
    expect(groups.map((g) => [g.date, g.items.map((x) => x.id)])).toEqual([
      ["2026-11-23", ["p3", "p1"]],
      ["2026-11-24", ["p2", "p4"]],
    ]);
    expect(groups[0]).toMatchObject({ proposals: 2, agents: 1, hours: 8, overtimeHours: 1.5 });
    // 8.5 h less an unpaid 30 minutes, plus 4 h whose break is paid.
    expect(groups[1]).toMatchObject({ proposals: 2, agents: 2, hours: 12, overtimeHours: 4 });
  });

  it("follows the clock change: the first evening of EST is still Sunday, and a night over the fall-back hour is 9 paid hours", () => {
    // US clocks go back at 02:00 EDT on Sunday 1 November 2026 (06:00 UTC).
    const groups = groupByLocalDay(
      [
        // 23:30 EST on Sunday 1 November; with the summer offset (−4 h) it would read 00:30 on Monday.
        p("evening", "AGENT-1", "NYC", "2026-11-02T04:30:00Z", "2026-11-02T08:30:00Z"),
        // 00:00 EDT to 08:00 EST on Sunday: the wall clock says 8 h, the agent works 9.
        p("night", "AGENT-2", "NYC", "2026-11-01T04:00:00Z", "2026-11-01T13:00:00Z"),
        // 23:30 EDT on Saturday 31 October.
        p("saturday", "AGENT-3", "NYC", "2026-11-01T03:30:00Z", "2026-11-01T07:30:00Z"),
      ],
      zoneOf,
    );
    expect(groups.map((g) => [g.date, g.items.map((x) => x.id)])).toEqual([
      ["2026-10-31", ["saturday"]],
      ["2026-11-01", ["night", "evening"]],
    ]);
    expect(groups[1].hours).toBe(13);
    expect(proposalPaidHours(p("night", "AGENT-2", "NYC", "2026-11-01T04:00:00Z", "2026-11-01T13:00:00Z"))).toBe(9);
  });

  it("keeps the same proposals when grouped by agent, each agent's by start, and leaves the input as it was", () => {
    const input = [p("b", "AGENT-2", "LON", "2026-11-24T09:00:00Z", "2026-11-24T13:00:00Z"), p("a2", "AGENT-1", "LON", "2026-11-25T09:00:00Z", "2026-11-25T11:00:00Z", { overtimeHours: 2 }), p("a1", "AGENT-1", "LON", "2026-11-24T09:00:00Z", "2026-11-24T17:00:00Z")];
    const copy = structuredClone(input);
    const agents = groupByAgent(input);
    expect(agents.map((g) => [g.agentId, g.items.map((x) => x.id), g.hours, g.overtimeHours])).toEqual([
      ["AGENT-1", ["a1", "a2"], 10, 2],
      ["AGENT-2", ["b"], 4, 0],
    ]);
    const days = groupByLocalDay(input, zoneOf);
    expect(days.flatMap((d) => d.items.map((x) => x.id)).sort()).toEqual(["a1", "a2", "b"]);
    expect(input).toEqual(copy);
    expect(groupByLocalDay([], zoneOf)).toEqual([]);
  });
});
