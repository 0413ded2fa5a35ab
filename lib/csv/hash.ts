/**
 * Hashes for import identity: cyrb53, a fast, well-mixed 53-bit hash that gives the
 * same answer in every JS runtime (browser worker and server alike).
 */
const HEX = "0123456789abcdef";

function mix(h1: number, h2: number): [number, number] {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1, h2];
}

/** cyrb53 of a string, as a number below 2^53. */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  [h1, h2] = mix(h1, h2);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const hx = (n: number) => HEX.charCodeAt(n & 15);

/** 14 hex digits of a 53-bit value given as its high 21 and low 32 bits (one allocation). */
function hex14(hi: number, lo: number): string {
  return String.fromCharCode(
    hx(hi >>> 20), hx(hi >>> 16), hx(hi >>> 12), hx(hi >>> 8), hx(hi >>> 4), hx(hi),
    hx(lo >>> 28), hx(lo >>> 24), hx(lo >>> 20), hx(lo >>> 16), hx(lo >>> 12), hx(lo >>> 8), hx(lo >>> 4), hx(lo),
  );
}

/**
 * The identity of an imported shift: agent + start + end (UTC ms). Re-importing the
 * same file yields the same hashes, so a commit can skip or update instead of
 * duplicating. Numbers are hashed as 32-bit words, not as text (number→string is the
 * slow part of hashing 100,000 rows). shiftSourceHash("AGENT-1001", s, e) → "s1-" + 14 hex digits.
 */
export function shiftSourceHash(agentId: string, start: number, end: number): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < agentId.length; i++) {
    const ch = agentId.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  const sHi = Math.floor(start / 4294967296);
  const eHi = Math.floor(end / 4294967296);
  for (let k = 0; k < 5; k++) {
    const w = k === 0 ? 0x7c7c7c7c : k === 1 ? sHi | 0 : k === 2 ? (start - sHi * 4294967296) | 0 : k === 3 ? eHi | 0 : (end - eHi * 4294967296) | 0;
    h1 = Math.imul(h1 ^ w, 2654435761);
    h2 = Math.imul(h2 ^ w, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return "s1-" + hex14(h2 & 2097151, h1 >>> 0);
}
