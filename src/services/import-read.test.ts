import { describe, expect, it } from 'vitest';
import { decodeFile, readCsv } from './import-read.js';

describe('reading an export file', () => {
  it('takes valid UTF-8 as UTF-8 (without its byte order mark) and anything else as Windows-1252', () => {
    expect(decodeFile(Buffer.from('\ufeffJosé', 'utf8'))).toEqual({ text: 'José', encoding: 'utf-8' });
    // 0xE9 alone is not UTF-8; in Windows-1252 it is é, and 0x92 is the curly apostrophe.
    expect(decodeFile(Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x92]))).toEqual({ text: 'José’', encoding: 'windows-1252' });
    expect(decodeFile(Buffer.from('abc'), 'windows-1252').encoding).toBe('windows-1252');
  });

  it('numbers each record by the line it starts on, across quoted newlines, CRLF and blank lines', () => {
    const { records, errors } = readCsv('a,b\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n5\r\n6,7\r\n');
    expect(records).toEqual([
      { line: 2, fields: { a: '1', b: 'two\nlines' } },
      { line: 5, fields: { a: '3', b: '4' } },
      { line: 7, fields: { a: '6', b: '7' } },
    ]);
    expect(errors).toEqual([{ line: 6, reason: 'has 1 field where the header has 2' }]);
  });

  it('keeps a stray quote inside a field, and says where a quote that never closes opened', () => {
    const { records, errors } = readCsv('a,b\n1,5"2 screen\n3,"open\n4,5\n');
    expect(records).toEqual([{ line: 2, fields: { a: '1', b: '5"2 screen' } }]);
    expect(errors).toEqual([{ line: 3, reason: 'a quoted field opens on this line and never closes, so lines 3–4 could not be read' }]);
  });
});
