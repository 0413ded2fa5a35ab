import { describe, expect, it } from "vitest";
import { prepareExact } from "@/lib/domain/optimize/exact/prepare";
import { smallInstance } from "./instances";

describe("start grid of new shifts", () => {
  it("every new shift starts on the hour with a 60-minute grid; extensions are untouched and the model shrinks", () => {
    const input = smallInstance(1016);
    const every = prepareExact(input);
    const hourly = prepareExact(input, { startStepMinutes: 60 });
    const news = hourly.index.candidates.filter((c) => c.kind === "new");
    expect(news.length).toBeGreaterThan(0);
    for (const c of news) expect(hourly.frames[c.agent].cal.minute[c.a] % 60).toBe(0);
    expect(every.index.candidates.some((c) => c.kind === "new" && every.frames[c.agent].cal.minute[c.a] % 60 !== 0)).toBe(true);
    const ext = (p: typeof every) => p.index.candidates.filter((c) => c.kind !== "new").map((c) => `${c.agent}:${c.a}:${c.b}`).sort();
    expect(ext(hourly)).toEqual(ext(every));
    expect(hourly.model.indices.length).toBeLessThan(every.model.indices.length / 2);
  });

  it("a step off the quarter hour rounds to it (20 → 15 minutes: the full grid)", () => {
    const input = smallInstance(1004);
    expect(prepareExact(input, { startStepMinutes: 20 }).index.candidates.length).toBe(prepareExact(input).index.candidates.length);
  });
});
