import { describe, expect, it } from "vitest";
import { displayPreviewRow } from "@/components/shifts/preview";
import { formatDayDateClock } from "@/components/ui/format";
import type { ValidShiftRow } from "@/lib/schemas/imports";

const directory = {
  sites: [
    { id: "NYC", timeZone: "America/New_York" },
    { id: "MNL", timeZone: "Asia/Manila" },
  ],
  agents: [{ id: "AGENT-1001", username: "agent1001", homeSiteId: "NYC", skills: ["SKILL_SALES", "SKILL_SALES_US"] }],
};

const row = (over: Partial<ValidShiftRow>): ValidShiftRow => ({
  row: 2,
  agentId: "AGENT-1001",
  siteId: "",
  start: Date.parse("2026-11-23T13:00:00Z"),
  end: Date.parse("2026-11-23T21:30:00Z"),
  skills: [],
  status: "PUBLISHED",
  breaks: [],
  notes: null,
  sourceHash: "h",
  ...over,
});

describe("displayPreviewRow: the import preview names the site, the date and the zone", () => {
  it("shows a CXone template row (username only) at the agent's home site, on its clock, with the date, the zone and the agent's skills", () => {
    const d = displayPreviewRow(row({ agentId: "agent1001" }), directory, formatDayDateClock);
    expect(d.site).toBe("NYC (agent's home site)");
    expect(d.start).toBe("Mon 23 Nov, 08:00 America/New_York");
    expect(d.end).toBe("Mon 23 Nov, 16:30 America/New_York");
    expect(d.skills).toBe("from the agent's profile: SKILL_SALES, SKILL_SALES_US");
  });

  it("uses the row's own site and skills when the file gives them, across midnight with the next day's date", () => {
    const d = displayPreviewRow(row({ siteId: "MNL", skills: [{ skillId: "SKILL-EN-BILLING", proficiency: 3 }] }), directory, formatDayDateClock);
    expect(d.site).toBe("MNL");
    expect(d.start).toBe("Mon 23 Nov, 21:00 Asia/Manila");
    expect(d.end).toBe("Tue 24 Nov, 05:30 Asia/Manila");
    expect(d.skills).toBe("SKILL-EN-BILLING:3");
  });

  it("falls back to UTC, said so, for an agent it does not know", () => {
    const d = displayPreviewRow(row({ agentId: "someone" }), directory, formatDayDateClock);
    expect(d.site).toBe("agent's home site (checked on Validate)");
    expect(d.start).toBe("Mon 23 Nov, 13:00 UTC");
    expect(d.skills).toBe("from the agent's profile");
  });
});
