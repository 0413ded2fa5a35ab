/** A shift-type file may start with its column names ("name,start,length…"): the form wants the rows only. */
export function withoutHeaderLine(text: string): string {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines.length > 0 && /^\s*"?name"?\s*,/i.test(lines[0])) lines.shift();
  return lines.join("\n").trim();
}
