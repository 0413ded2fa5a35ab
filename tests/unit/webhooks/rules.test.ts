/** The pure webhook rules: the retry schedule and which URLs an admin may register. */
import { describe, expect, it } from "vitest";
import { checkWebhookUrl, MAX_DELIVERY_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_SECONDS } from "@/lib/domain/webhooks";

describe("retry schedule", () => {
  it("waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up", () => {
    const t0 = Date.parse("2026-11-28T12:00:00Z");
    const waits = [1, 2, 3, 4, 5].map((n) => (nextAttemptAt(n, t0)! - t0) / 1000);
    expect(waits).toEqual([60, 300, 1800, 7200, 43_200]);
    expect(RETRY_DELAYS_SECONDS).toHaveLength(5);
    expect(MAX_DELIVERY_ATTEMPTS).toBe(6);
    expect(nextAttemptAt(6, t0)).toBeNull();
    expect(nextAttemptAt(7, t0)).toBeNull();
  });

  it("counts from the failed attempt, not from the event", () => {
    expect(nextAttemptAt(2, 1_000_000)).toBe(1_000_000 + 300_000);
  });
});

describe("webhook URL rules", () => {
  const prod = { allowLoopback: false };
  const dev = { allowLoopback: true };
  const refused = (url: string, options = prod) => {
    const v = checkWebhookUrl(url, options);
    expect(v.ok, url).toBe(false);
    return v.ok ? "" : v.message;
  };

  it("accepts a public https URL, normalised", () => {
    expect(checkWebhookUrl("  https://hooks.example.com/shiftboard?x=1 ", prod)).toEqual({ ok: true, url: "https://hooks.example.com/shiftboard?x=1" });
    expect(checkWebhookUrl("https://203.0.113.7:8443/in", prod)).toMatchObject({ ok: true });
  });

  it("refuses plain http except to loopback in development, naming the field", () => {
    expect(refused("http://hooks.example.com/in")).toMatch(/^url: use https/);
    expect(refused("http://hooks.example.com/in", dev)).toMatch(/^url: use https/);
    expect(refused("ftp://hooks.example.com/in")).toMatch(/^url: ftp is not allowed/);
    expect(refused("not a url")).toMatch(/^url: .* is not a URL/);
  });

  it("allows 127.0.0.1, localhost and [::1] only when loopback is allowed", () => {
    for (const url of ["http://127.0.0.1:4000/hook", "http://localhost:4000/hook", "http://[::1]:4000/hook", "https://127.0.0.1/hook", "http://127.1.2.3/"]) {
      expect(refused(url)).toMatch(/loopback endpoints are allowed only in development/);
      expect(checkWebhookUrl(url, dev)).toMatchObject({ ok: true });
    }
  });

  it("refuses credentials in the URL and a fragment", () => {
    expect(refused("https://user:pass@hooks.example.com/in")).toMatch(/^url: a URL with a user name or password/);
    expect(refused("https://token@hooks.example.com/in")).toMatch(/user name or password/);
    expect(refused("https://hooks.example.com/in#x")).toMatch(/fragment/);
  });

  it("refuses private and link-local IP literals, however they are written", () => {
    for (const url of [
      "https://10.0.0.5/in",
      "https://172.16.0.1/in",
      "https://172.31.255.255/in",
      "https://192.168.1.10/in",
      "https://169.254.169.254/latest/meta-data",
      "https://100.64.0.1/in",
      "https://0.0.0.0/in",
      "https://0x0a.0.0.1/in", // WHATWG URL reads this as 10.0.0.1
      "https://167772161/in", // 10.0.0.1 as one number
      "https://[fd00::1]/in",
      "https://[fe80::1]/in",
      "https://[::ffff:10.0.0.1]/in",
      "https://[::]/in",
    ]) {
      expect(refused(url, dev), url).toMatch(/private or link-local address/);
    }
    // Neighbours of the private ranges are public.
    expect(checkWebhookUrl("https://172.32.0.1/in", prod)).toMatchObject({ ok: true });
    expect(checkWebhookUrl("https://192.169.0.1/in", prod)).toMatchObject({ ok: true });
  });
});
