import "server-only";
/**
 * Tolerant reading of the platform's records: fields are looked up through the endpoint
 * map's field names; fields we do not know and enum values we do not know pass through,
 * each noted once per endpoint in the log (a new CXone release must not break a sync).
 * A field we need that is missing or of the wrong type still fails, naming the field.
 */
import { CxoneResponseError } from "./errors";
import type { CxoneLogger } from "./transport";

export class TolerantReader {
  private noted = new Set<string>();
  constructor(private readonly logger: CxoneLogger) {}

  /** Logs, once per endpoint and field set, the fields this record has that the map does not read. */
  noteUnknownFields(where: string, record: Record<string, unknown>, fields: Record<string, string>): void {
    const known = new Set(Object.values(fields));
    const extra = Object.keys(record).filter((k) => !known.has(k));
    if (extra.length === 0) return;
    const key = `${where}|${extra.sort().join(",")}`;
    if (this.noted.has(key)) return;
    this.noted.add(key);
    this.logger.info({ where, fields: extra }, "cxone sent fields we do not read; they pass");
  }

  /** A known value, or the unknown one kept as it is with a log line. */
  enumValue<T extends string>(where: string, field: string, value: string, known: readonly T[]): T | string {
    if ((known as readonly string[]).includes(value)) return value as T;
    const key = `${where}|${field}|${value}`;
    if (!this.noted.has(key)) {
      this.noted.add(key);
      this.logger.warn({ where, field, value, known }, "cxone sent an enum value we do not know; it passes");
    }
    return value;
  }
}

type Kind = "string" | "number" | "boolean";

/** record[fields[name]] of the given type; missing/wrong → CxoneResponseError naming the wire field. */
export function field<K extends Kind>(
  record: Record<string, unknown>,
  fields: Record<string, string>,
  name: string,
  kind: K,
  where: { path: string; index: number; list: string },
  optional = false,
): (K extends "string" ? string : K extends "number" ? number : boolean) | undefined {
  const wire = fields[name] ?? name;
  const v = record[wire];
  if (v === undefined || v === null) {
    if (optional) return undefined;
  } else if (typeof v === kind) {
    return v as never;
  } else if (kind === "number" && typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) {
    return Number(v) as never;
  }
  const fp = `${where.list}[${where.index}].${wire}`;
  throw new CxoneResponseError(`CXone answered ${where.path} with an unexpected body: ${fp}: expected ${kind}, got ${JSON.stringify(v)}`, fp, { path: where.path });
}
