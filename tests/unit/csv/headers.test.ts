import { describe, expect, it } from "vitest";
import * as z from "zod";
import { columnMappingSchema, demandColumnMappingSchema } from "@/lib/schemas/imports";
import { detectDemandFormat, detectShiftFormat, findActivityColumns, headerSetKey, normalizeHeader, suggestShiftMapping } from "@/lib/csv";

describe("detectShiftFormat", () => {
  it("matches canonical headers case- and separator-insensitively", () => {
    for (const agent of ["agentId", "agent_id", "Agent ID", "AGENT-ID"]) {
      const d = detectShiftFormat([agent, "Start", "end", "Time Zone", "skills", "STATUS", "breaks", "site_id", "Notes"]);
      expect(d).toEqual({
        format: "canonical",
        mapping: { agentId: agent, start: "Start", end: "end", timeZone: "Time Zone", skills: "skills", status: "STATUS", breaks: "breaks", siteId: "site_id", notes: "Notes" },
      });
    }
  });

  it("recognises CXone's template and its activity columns", () => {
    const headers = [
      "Username",
      "Shift Start Date and Time",
      "Shift End Date and Time",
      "Local Time Zone",
      "Base Activity Name",
      "Shift Notes",
      "Activity 1 Name",
      "Activity 1 Start Date and Time",
      "Activity 1 End Date and Time",
      "Activity 2 Name",
      "Activity 2 Start Date and Time",
    ];
    expect(detectShiftFormat(headers)).toEqual({
      format: "cxone",
      mapping: {
        username: "Username",
        start: "Shift Start Date and Time",
        end: "Shift End Date and Time",
        timeZone: "Local Time Zone",
        baseActivity: "Base Activity Name",
        notes: "Shift Notes",
      },
    });
    // Activity 2 lacks its end column, so only activity 1 is complete.
    expect(findActivityColumns(headers)).toEqual([{ index: 1, name: 6, start: 7, end: 8 }]);
  });

  it("calls anything else unknown and suggests a mapping", () => {
    const d = detectShiftFormat(["Emp ID", "Shift Begin", "Shift Finish", "Location", "Remarks", "Colour"]);
    expect(d).toEqual({
      format: "unknown",
      headers: ["Emp ID", "Shift Begin", "Shift Finish", "Location", "Remarks", "Colour"],
      suggested: { agentId: "Emp ID", start: "Shift Begin", end: "Shift Finish", siteId: "Location", notes: "Remarks" },
    });
  });

  it("suggests each header for one field at most, and an agent by id or username, not both", () => {
    const s = suggestShiftMapping(["Agent", "Login", "From", "To", "TZ"]);
    expect(s).toEqual({ agentId: "Agent", start: "From", end: "To", timeZone: "TZ" });
    const u = suggestShiftMapping(["User Name", "Start Time", "End Time"]);
    expect(u).toEqual({ username: "User Name", start: "Start Time", end: "End Time" });
  });
});

describe("headerSetKey", () => {
  it("is the same for the same headers in any order, case or separator style", () => {
    const a = headerSetKey(["Emp ID", "Shift Begin", "Shift Finish"]);
    expect(a).toBe(headerSetKey(["shift_finish", "EMP-ID", "shiftBegin"]));
    expect(a).toMatch(/^hs1-3-[0-9a-f]{14}$/);
    expect(a).not.toBe(headerSetKey(["Emp ID", "Shift Begin", "Shift End"]));
    expect(a).toBe(headerSetKey(["Emp ID", "Shift Begin", "Shift Finish", ""]));
  });

  it("normalizes headers to lowercase letters and digits", () => {
    expect(normalizeHeader(" Agent_ID ")).toBe("agentid");
    expect(normalizeHeader("Activity 12 End Date and Time")).toBe("activity12enddateandtime");
  });
});

describe("detectDemandFormat", () => {
  it("tells a forecast from required agents by the header", () => {
    expect(detectDemandFormat(["skillId", "intervalStart", "offeredContacts", "ahtSeconds"])).toMatchObject({ kind: "forecast" });
    expect(detectDemandFormat(["Skill ID", "Interval Start", "Required Agents"])).toMatchObject({ kind: "required", ignored: [] });
    expect(detectDemandFormat(["skillId", "intervalStart", "offeredContacts", "ahtSeconds", "requiredAgents"])).toMatchObject({
      kind: "required",
      ignored: ["offeredContacts", "ahtSeconds"],
    });
    expect(detectDemandFormat(["Queue", "Interval", "Calls", "AHT"])).toEqual({
      kind: "unknown",
      headers: ["Queue", "Interval", "Calls", "AHT"],
      suggested: { skillId: "Queue", intervalStart: "Interval", offeredContacts: "Calls", ahtSeconds: "AHT" },
    });
  });
});

describe("mapping schemas (what the UI stores under the header key)", () => {
  it("needs agentId or username, start and end, and only known fields", () => {
    expect(columnMappingSchema.safeParse({ username: "Login", start: "Begin", end: "Finish" }).success).toBe(true);
    const missing = columnMappingSchema.safeParse({ agentId: "Emp", start: "Begin" });
    expect(missing.success).toBe(false);
    expect(missing.error && z.flattenError(missing.error).formErrors).toEqual(["Map a column to agentId (or username), start and end"]);
    expect(columnMappingSchema.safeParse({ agentId: "Emp", start: "Begin", end: "Finish", colour: "Team" }).success).toBe(false);
    expect(demandColumnMappingSchema.safeParse({ skillId: "Queue", intervalStart: "Interval", offeredContacts: "Calls" }).success).toBe(false);
    expect(demandColumnMappingSchema.safeParse({ skillId: "Queue", intervalStart: "Interval", offeredContacts: "Calls", ahtSeconds: "AHT" }).success).toBe(true);
  });
});
