import "server-only";
/**
 * Encryption at rest for the stored CXone client secret: AES-256-GCM with a random
 * 96-bit IV, as `v1:<iv>:<tag>:<ciphertext>` (each part base64). The key is 32 bytes,
 * given as base64 by the caller (from the validated environment; this module never
 * reads process.env). The version prefix lets the format or key change later; any
 * change to iv, tag, ciphertext or associated data makes decryption fail.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeKey(keyBase64: string): Buffer {
  const trimmed = keyBase64.trim();
  const key = BASE64.test(trimmed) ? Buffer.from(trimmed, "base64") : Buffer.alloc(0);
  if (key.length !== 32) {
    throw new SecretBoxError(`The secret key must be 32 bytes in base64 (got ${key.length} bytes); generate one with generateSecretKey()`);
  }
  return key;
}

function decodePart(part: string, name: string): Buffer {
  if (!BASE64.test(part)) throw new SecretBoxError(`Encrypted secret is damaged: ${name} is not base64`);
  return Buffer.from(part, "base64");
}

/** A fresh random key, base64 (for the environment). */
export function generateSecretKey(): string {
  return randomBytes(32).toString("base64");
}

/**
 * encryptSecret("s3cret", key) → "v1:…:…:…". `associatedData` (e.g. the tenant id) binds
 * the ciphertext to its owner: it must be given again to decrypt.
 */
export function encryptSecret(plaintext: string, keyBase64: string, associatedData?: string): string {
  const key = decodeKey(keyBase64);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), ciphertext.toString("base64")].join(":");
}

export function decryptSecret(box: string, keyBase64: string, associatedData?: string): string {
  const key = decodeKey(keyBase64);
  const parts = box.split(":");
  if (parts.length !== 4) throw new SecretBoxError("Encrypted secret is damaged: expected v1:iv:tag:ciphertext");
  const [version, ivPart, tagPart, ctPart] = parts;
  if (version !== VERSION) throw new SecretBoxError(`Encrypted secret has unknown format version "${version}"`);
  const iv = decodePart(ivPart, "iv");
  const tag = decodePart(tagPart, "tag");
  const ciphertext = decodePart(ctPart, "ciphertext");
  if (iv.length !== IV_BYTES) throw new SecretBoxError("Encrypted secret is damaged: iv has the wrong length");
  if (tag.length !== TAG_BYTES) throw new SecretBoxError("Encrypted secret is damaged: tag has the wrong length");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("Encrypted secret could not be decrypted: it was altered, or the key or associated data is different");
  }
}
