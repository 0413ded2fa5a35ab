import { describe, expect, it } from "vitest";
import { jsonOnce } from "@/lib/api/json-once";

describe("jsonOnce", () => {
  it("answers the object as JSON with its content type", async () => {
    const res = jsonOnce({ a: 1, b: ["x"] });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ a: 1, b: ["x"] });
  });

  it("serializes an object once: a second answer carries the first text", async () => {
    const value = { n: 1 };
    const first = await jsonOnce(value).text();
    value.n = 2; // never done to cached answers; here it shows the text was kept
    expect(await jsonOnce(value).text()).toBe(first);
    expect(await jsonOnce({ n: 2 }).text()).toBe('{"n":2}');
  });
});
