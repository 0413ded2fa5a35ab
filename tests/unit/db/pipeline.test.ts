import { describe, expect, it } from "vitest";
import { pipelined } from "@/lib/db/pipeline";

describe("pipelined", () => {
  it("hands each statement over before the next is built, and answers in order", async () => {
    const events: string[] = [];
    const answers = await pipelined(3, (i) => {
      events.push(`build ${i}`);
      return new Promise<number>((resolve) => {
        // What a driver does: the send happens on a later turn of the event loop.
        queueMicrotask(() => events.push(`send ${i}`));
        setTimeout(() => resolve(i * 10), 30 - i * 10);
      });
    });
    expect(answers).toEqual([0, 10, 20]);
    expect(events).toEqual(["build 0", "send 0", "build 1", "send 1", "build 2", "send 2"]);
  });

  it("rejects with the first failure in order, and a failure while later ones are sent is not unhandled", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    try {
      const outcome = pipelined(3, (i) => (i === 0 ? Promise.reject(new Error("chunk 0: duplicate key")) : new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`chunk ${i}: transaction aborted`)), 5))));
      await expect(outcome).rejects.toThrow("chunk 0: duplicate key");
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
