import { describe, expect, it } from "vitest";
import { CXONE_REGIONS, CxoneConfigError, createCxoneClient } from "@/lib/cxone";

const creds = { clientId: "id", clientSecret: "secret" };

describe("client configuration", () => {
  it("resolves the region presets", () => {
    expect(createCxoneClient({ region: "NA", ...creds }).baseUrl).toBe("https://platform.niceincontact.com");
    expect(createCxoneClient({ region: "EU", ...creds }).baseUrl).toBe("https://platform.eu.niceincontact.com");
    expect(createCxoneClient({ region: "JP", ...creds }).baseUrl).toBe(CXONE_REGIONS.JP);
  });

  it("takes a custom https URL, or http only on loopback", () => {
    expect(createCxoneClient({ baseUrl: "https://cxone.example.com/", ...creds }).baseUrl).toBe("https://cxone.example.com");
    expect(createCxoneClient({ baseUrl: "http://127.0.0.1:8787", ...creds }).baseUrl).toBe("http://127.0.0.1:8787");
    expect(() => createCxoneClient({ baseUrl: "http://cxone.example.com", ...creds })).toThrow(/https/);
  });

  it("refuses both or neither of region and baseUrl, and missing credentials, in words", () => {
    expect(() => createCxoneClient({ region: "NA", baseUrl: "https://x.test", ...creds })).toThrow(CxoneConfigError);
    expect(() => createCxoneClient({ ...creds })).toThrow(/exactly one of region/);
    expect(() => createCxoneClient({ region: "NA", clientId: "id", clientSecret: "" })).toThrow(/clientSecret is required/);
    expect(() => createCxoneClient({ region: "NA", ...creds, maxAttempts: 9 })).toThrow(CxoneConfigError);
  });
});

describe("the secret stays out of sight", () => {
  it("is not in the client's config nor in its JSON or inspection", async () => {
    const { inspect } = await import("node:util");
    const c = createCxoneClient({ region: "NA", clientId: "id", clientSecret: "very-secret-value" });
    expect(JSON.stringify(c.config)).not.toContain("very-secret-value");
    expect(inspect(c, { depth: 5 })).not.toContain("very-secret-value");
  });
});
