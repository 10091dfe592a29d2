import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { ImportEncoding, ImportRowError } from '../domain/ticket-import.js';

/** A file's text and the encoding it was read in. */
export type DecodedFile = { text: string; encoding: 'utf-8' | 'windows-1252' };

/**
 * Reads a file's bytes as text. `auto` takes the bytes as UTF-8 when they are valid UTF-8 (a byte
 * order mark is dropped) and as Windows-1252 otherwise, which is what spreadsheet programs on Windows
 * save "CSV" as; every byte sequence is valid Windows-1252, so the guess never fails.
 */
export function decodeFile(bytes: Buffer, encoding: ImportEncoding = 'auto'): DecodedFile {
  const strip = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (encoding === 'windows-1252') return { text: iconv.decode(bytes, 'win1252'), encoding };
  if (encoding === 'utf-8' || isValidUtf8(bytes)) return { text: strip(bytes.toString('utf8')), encoding: 'utf-8' };
  return { text: iconv.decode(bytes, 'win1252'), encoding: 'windows-1252' };
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** One record of a CSV file by its header's names, with the line it starts on. */
export type CsvRecord = { line: number; fields: Record<string, string> };

/**
 * Parses CSV text with a header row. Quoted fields may hold newlines; a record with more or fewer
 * fields than the header, or a quote that never closes, is reported with its line and the rest of the
 * file is still read.
 */
export function readCsv(text: string): { header: string[]; records: CsvRecord[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  let unclosedQuote = false;
  const rows = parse(text, {
    info: true,
    relax_column_count: true,
    // A stray quote inside a field (5"2 screen) is kept as a character rather than failing the row.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      // A quote that never closes swallows the rest of the file; where it opened is known only after the loop.
      if (err?.code === 'CSV_QUOTE_NOT_CLOSED') unclosedQuote = true;
      else if (err) errors.push({ line: Number((err as { lines?: number }).lines ?? 0), reason: `unreadable CSV: ${err.message}` });
      return undefined;
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [head, ...body] = rows;
  // Only a quote that never closes needs the file's lines, so they are split only then.
  const quoteProblem = (after: number): ImportRowError => {
    const lines = text.split(/\r\n|\n|\r/);
    const lastLine = lines.length - (/(\r\n|\n|\r)$/.test(text) ? 1 : 0);
    let line = after;
    while (line < lastLine && !lines[line - 1]?.trim()) line++;
    return { line, reason: `a quoted field opens on this line and never closes, so lines ${line}–${lastLine} could not be read` };
  };
  if (!head) return { header: [], records: [], errors: unclosedQuote ? [...errors, quoteProblem(1)] : errors };
  const header = head.record.map((h) => h.trim());
  const records: CsvRecord[] = [];
  let previousEnd = head.info.lines;
  // csv-parse counts a CRLF inside a quoted field as two lines; what it over-counted is taken back.
  let overCount = 0;
  for (const { record, info } of body) {
    // Newlines inside quoted fields: counted to find where the record starts, and written as \n.
    let newlines = 0;
    for (let i = 0; i < record.length; i++) {
      const f = record[i] as string;
      if (f.indexOf('\n') === -1 && f.indexOf('\r') === -1) continue;
      overCount += f.match(/\r\n/g)?.length ?? 0;
      newlines += f.match(/\r\n|\n|\r/g)?.length ?? 0;
      record[i] = f.replace(/\r\n?/g, '\n');
    }
    const end = info.lines - overCount;
    // The record starts where it ended, less the newlines inside it (blank lines before it are skipped).
    const line = Math.max(previousEnd + 1, end - newlines);
    previousEnd = end;
    if (record.length !== header.length) {
      errors.push({ line, reason: `has ${record.length} field${record.length === 1 ? '' : 's'} where the header has ${header.length}` });
      continue;
    }
    const fields: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) fields[header[i] as string] = record[i] as string;
    records.push({ line, fields });
  }
  if (unclosedQuote) errors.push(quoteProblem(previousEnd + 1));
  errors.sort((a, b) => a.line - b.line);
  return { header, records, errors };
}

/** Reads JSON lines: one object per line, each reported by its line when it is not an object. */
export function readJsonLines(text: string): { records: { line: number; value: Record<string, unknown> }[]; errors: ImportRowError[] } {
  const records: { line: number; value: Record<string, unknown> }[] = [];
  const errors: ImportRowError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      const value = JSON.parse(raw) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value))
        records.push({ line: i + 1, value: value as Record<string, unknown> });
      else errors.push({ line: i + 1, reason: 'is not a JSON object' });
    } catch {
      errors.push({ line: i + 1, reason: 'is not valid JSON' });
    }
  });
  return { records, errors };
}
