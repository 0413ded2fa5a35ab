/**
 * Trade pairs picked from the demo data, shared by the trade tests. The demo schedule is
 * generated (and refitted to demand), so a test names what it needs of a pair instead of
 * taking the first shift it finds: a pair chosen by site alone may be denied for a skill
 * or availability the receiver lacks.
 */
import type { DemoData } from "@/lib/demo/generate";
import type { Shift } from "@/lib/domain/types";

/** Agents alike in skills and availability: a trade between them raises no skill or availability question. */
export const skillKey = (demo: DemoData, agentId: string) => {
  const agent = demo.agents.find((a) => a.id === agentId)!;
  return agent.skills.map((s) => `${s.skillId}:${s.proficiency}`).sort().join(",") + JSON.stringify(agent.availability);
};

/** A shift and an agent of the same site, alike in skills, who is off that whole day and the days around it. */
export function oneSidedPair(demo: DemoData, siteId: string, taken: Set<string>): [Shift, string] {
  const byAgent = new Map<string, Shift[]>();
  for (const s of demo.shifts) byAgent.set(s.agentId, [...(byAgent.get(s.agentId) ?? []), s]);
  for (const giving of demo.shifts.filter((s) => s.siteId === siteId && !taken.has(s.agentId))) {
    const receiver = demo.agents.find(
      (a) =>
        a.homeSiteId === siteId &&
        a.id !== giving.agentId &&
        !taken.has(a.id) &&
        skillKey(demo, a.id) === skillKey(demo, giving.agentId) &&
        (byAgent.get(a.id) ?? []).every((s) => s.end + 12 * 3_600_000 < giving.start || s.start > giving.end + 12 * 3_600_000),
    );
    if (receiver) {
      taken.add(giving.agentId).add(receiver.id);
      return [giving, receiver.id];
    }
  }
  throw new Error("no one-sided pair in the demo");
}
