import { describe, expect, it } from "vitest";
import { OrderedIds } from "@/lib/db/queries/shifts";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("OrderedIds", () => {
  it("gives version-7 UUIDs led by the write's millisecond", () => {
    const ids = new OrderedIds(Date.parse("2027-01-04T09:00:00.123Z"), new Uint8Array([1, 2, 3, 4, 5, 6]));
    const first = ids.next();
    expect(first).toMatch(UUID_V7);
    expect(first.replace(/-/g, "").slice(0, 12)).toBe(Date.parse("2027-01-04T09:00:00.123Z").toString(16).padStart(12, "0"));
    expect(first.endsWith("-010203040506")).toBe(true);
  });

  it("counts up in string order past the 4,096th id, where the counter carries into the third group", () => {
    const ids = new OrderedIds(1_800_000_000_000, new Uint8Array(6));
    const all = Array.from({ length: 10_000 }, () => ids.next());
    expect(all.every((id) => UUID_V7.test(id))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
    expect(all[4095].slice(14, 18)).toBe("7000");
    expect(all[4096].slice(14, 18)).toBe("7001");
    expect(all[4096].slice(19, 23)).toBe("8000");
  });

  it("keeps two writes in the same millisecond apart by their random part", () => {
    const a = new OrderedIds(1_800_000_000_000, new Uint8Array([1, 1, 1, 1, 1, 1])).next();
    const b = new OrderedIds(1_800_000_000_000, new Uint8Array([2, 2, 2, 2, 2, 2])).next();
    expect(a).not.toBe(b);
  });
});
