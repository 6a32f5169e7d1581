/** One row of a series to replay: the timestamp as written, its instant, the count. */
export interface SeriesRow {
  timestamp: string;
  at: number;
  value: number;
}

/** Input that cannot be replayed; the message names the row (lines count from 1, header included). */
export class SeriesFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

const stamp = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** ms since the epoch for an ISO 8601 or "YYYY-MM-DD HH:MM:SS" timestamp (no zone = UTC); null if unreadable. */
export function parseTimestamp(text: string): number | null {
  const m = stamp.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as number[];
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const at = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, ms);
  const d = new Date(at);
  // Date.UTC rolls 2024-02-30 over into March; a timestamp like that is a typo, not a date.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month! - 1 || d.getUTCDate() !== day || hour! > 23 || minute! > 59 || second! > 60) return null;
  const zone = m[8]?.toUpperCase();
  if (!zone || zone === 'Z') return at;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return at - sign * offsetMinutes * 60_000;
}

function toRow(line: number, timestamp: unknown, value: unknown): SeriesRow {
  const text = typeof timestamp === 'string' ? timestamp : JSON.stringify(timestamp);
  const at = typeof timestamp === 'string' ? parseTimestamp(timestamp) : null;
  if (at === null) throw new SeriesFormatError(`row ${line}: timestamp ${JSON.stringify(text)} is not ISO 8601 or YYYY-MM-DD HH:MM:SS`);
  const isCount = typeof value === 'number' ? Number.isSafeInteger(value) && value >= 0 : typeof value === 'string' && /^\d+$/.test(value.trim());
  if (!isCount)
    throw new SeriesFormatError(
      `row ${line}: value ${JSON.stringify(typeof value === 'string' ? value : (value ?? null))} is not a count (a whole number ≥ 0)`,
    );
  return { timestamp: text, at, value: Number(value) };
}

/** Parses CSV with header `timestamp,value`, or JSON Lines of {"timestamp","value"} (chosen by the first character). */
export function parseSeries(text: string, format: 'csv' | 'jsonl' | 'auto' = 'auto'): SeriesRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const kind = format === 'auto' ? (lines[0]?.trimStart().startsWith('{') ? 'jsonl' : 'csv') : format;
  const rows: SeriesRow[] = [];
  if (kind === 'jsonl') {
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let item: unknown;
      try {
        item = JSON.parse(line);
      } catch {
        throw new SeriesFormatError(`row ${i + 1}: not a JSON object`);
      }
      if (typeof item !== 'object' || item === null) throw new SeriesFormatError(`row ${i + 1}: not a JSON object`);
      const o = item as Record<string, unknown>;
      rows.push(toRow(i + 1, o.timestamp, o.value));
    });
    return rows;
  }
  const header = (lines[0] ?? '').trim();
  if (header.replace(/\s/g, '') !== 'timestamp,value') throw new SeriesFormatError(`row 1: header is ${JSON.stringify(header)}, expected "timestamp,value"`);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const cells = line.split(',');
    if (cells.length !== 2) throw new SeriesFormatError(`row ${i + 1}: expected 2 fields (timestamp,value), got ${cells.length}`);
    rows.push(toRow(i + 1, cells[0]!.trim(), cells[1]!));
  }
  return rows;
}
