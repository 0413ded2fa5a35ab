import { describe, expect, it } from "vitest";
import { safeText } from "@/lib/schemas/text";

describe("safeText", () => {
  it("refuses a NUL, naming the character and its position", () => {
    const r = safeText().safeParse("AG\u0000ENT");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Contains a control character (U+0000) at position 3; remove it.");
  });

  it("refuses escape, DEL and C1 controls, and line breaks in a single-line field", () => {
    for (const bad of ["a\u001b[31m", "x\u007f", "y\u0085", "line\nbreak", "tab\there"]) {
      expect(safeText().safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("admits tabs and line breaks in a multi-line field, but still no NUL", () => {
    expect(safeText({ multiline: true }).parse("first line\r\n\tsecond")).toBe("first line\r\n\tsecond");
    expect(safeText({ multiline: true }).safeParse("note\u0000").success).toBe(false);
  });

  it("keeps ordinary text, accents and emoji, and chains the usual string checks", () => {
    expect(safeText().trim().min(1).max(64).parse("  Zoë Ångström 🎧 ")).toBe("Zoë Ångström 🎧");
    expect(safeText().trim().min(1).safeParse("   ").success).toBe(false);
  });
});
