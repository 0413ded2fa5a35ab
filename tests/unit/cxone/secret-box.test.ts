import { describe, expect, it } from "vitest";
import { SecretBoxError, decryptSecret, encryptSecret, generateSecretKey } from "@/lib/cxone";

const key = generateSecretKey();

describe("secret box", () => {
  it("round-trips, in the v1:iv:tag:ciphertext format, with a fresh IV each time", () => {
    const box = encryptSecret("s3cr3t-ü", key);
    expect(box).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
    expect(Buffer.from(box.split(":")[1], "base64")).toHaveLength(12);
    expect(Buffer.from(box.split(":")[2], "base64")).toHaveLength(16);
    expect(decryptSecret(box, key)).toBe("s3cr3t-ü");
    expect(encryptSecret("s3cr3t-ü", key)).not.toBe(box);
    expect(decryptSecret(encryptSecret("", key), key)).toBe("");
  });

  it("detects tampering with the ciphertext, the tag or the iv", () => {
    const box = encryptSecret("client-secret", key);
    const [v, iv, tag, ct] = box.split(":");
    const flip = (b64: string) => {
      const b = Buffer.from(b64, "base64");
      b[0] ^= 1;
      return b.toString("base64");
    };
    for (const bad of [[v, iv, tag, flip(ct)], [v, iv, flip(tag), ct], [v, flip(iv), tag, ct]]) {
      expect(() => decryptSecret(bad.join(":"), key)).toThrow(SecretBoxError);
    }
    expect(() => decryptSecret(box, generateSecretKey())).toThrow(/altered, or the key/);
  });

  it("binds associated data when given", () => {
    const box = encryptSecret("x", key, "tenant-1");
    expect(decryptSecret(box, key, "tenant-1")).toBe("x");
    expect(() => decryptSecret(box, key, "tenant-2")).toThrow(SecretBoxError);
    expect(() => decryptSecret(box, key)).toThrow(SecretBoxError);
  });

  it("refuses bad keys and damaged formats in words", () => {
    expect(() => encryptSecret("x", Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
    expect(() => encryptSecret("x", "not base64!")).toThrow(/32 bytes/);
    const box = encryptSecret("x", key);
    expect(() => decryptSecret(box.replace(/^v1/, "v2"), key)).toThrow(/version "v2"/);
    expect(() => decryptSecret("v1:abc", key)).toThrow(/damaged/);
    expect(() => decryptSecret(box.replace(/:([^:]*)$/, ":@@@"), key)).toThrow(/not base64/);
  });
});
