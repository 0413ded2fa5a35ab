/**
 * Where the greedy looks next (the largest weighted shortfall window) and the new-shift
 * placements over a window, best first.
 */
import { EPS, IH, breakFor, type MergedRule } from "./common";

export interface Window {
  skillId: string;
  a: number;
  b: number;
  area: number;
  weight: number;
}

export function largestWindow(shortfall: Map<string, Float64Array>, rules: Map<string, MergedRule>, blocked: Map<string, Uint8Array>, minShortfall: number): Window | null {
  let best: Window | null = null;
  for (const [skillId, sf] of shortfall) {
    const weight = rules.get(skillId)!.weight;
    const mask = blocked.get(skillId);
    let a = -1;
    let area = 0;
    for (let i = 0; i <= sf.length; i++) {
      const open = i < sf.length && sf[i] >= minShortfall - EPS && !(mask && mask[i]);
      if (open) {
        if (a < 0) {
          a = i;
          area = 0;
        }
        area += sf[i] * IH;
      } else if (a >= 0) {
        const score = area * weight;
        if (!best || score > best.area * best.weight + EPS) best = { skillId, a, b: i, area, weight };
        a = -1;
      }
    }
  }
  return best;
}

/** gainPrefix[i] = Σ_{j<i} min(1, shortfall[j]) × interval hours. */
export function gainPrefix(sf: Float64Array): Float64Array {
  const p = new Float64Array(sf.length + 1);
  for (let i = 0; i < sf.length; i++) p[i + 1] = p[i] + (sf[i] > 1 ? 1 : sf[i] > 0 ? sf[i] : 0) * IH;
  return p;
}

export interface Placement {
  a: number;
  b: number;
  breakFrom: number;
  breakTo: number;
  gain: number;
  base: number;
}

export function placementsFor(wa: number, wb: number, minLen: number, maxLen: number, step: number, count: number, breakAfter: number, breakLen: number, prefix: Float64Array, idleWeight: number): Placement[] {
  const out: Placement[] = [];
  if (maxLen < minLen) return out;
  for (let a = Math.max(0, wa - maxLen + 1); a < wb; a++) {
    for (let len = minLen; len <= maxLen; len += step) {
      const b = a + len;
      if (b > count) break;
      if (b <= wa) continue;
      const [bf, bt] = breakFor(a, b, breakAfter, breakLen);
      const gain = prefix[b] - prefix[a] - (prefix[bt] - prefix[bf]);
      const worked = (len - (bt - bf)) * IH;
      out.push({ a, b, breakFrom: bf, breakTo: bt, gain, base: gain - idleWeight * (worked - gain) });
    }
  }
  // Best first; ties to the earlier, shorter shift so results do not depend on sort stability.
  out.sort((x, y) => y.base - x.base || x.a - y.a || x.b - y.b);
  return out;
}
