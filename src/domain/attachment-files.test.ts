import { describe, expect, it } from 'vitest';
import { safeFileName, sniffAttachmentType, stripJpegMetadata } from './attachment-files.js';

const seg = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];
/** A small JPEG: SOI, APP0 (JFIF), APP1 (Exif with a GPS tag), APP13 (IPTC), DQT, SOS + image data, EOI. */
function jpeg(): Uint8Array {
  return Uint8Array.from([
    0xff,
    0xd8,
    ...seg(0xe0, ascii('JFIF\0\x01\x01')),
    ...seg(0xe1, ascii('Exif\0\0GPSLatitude 51.5074 N')),
    ...seg(0xed, ascii('Photoshop 3.0\0City: London')),
    ...seg(0xdb, [0, 1, 2, 3]),
    ...seg(0xda, [1, 2, 3]),
    0x12,
    0xff,
    0x00,
    0x34,
    0xff,
    0xd0,
    0x56,
    0xff,
    0xd9,
  ]);
}

describe('stripJpegMetadata', () => {
  it('removes Exif (with its GPS position) and IPTC, keeping every other segment and the image data byte for byte', () => {
    const input = jpeg();
    const out = stripJpegMetadata(input);
    const text = Buffer.from(out).toString('latin1');
    expect(text).not.toContain('GPSLatitude');
    expect(text).not.toContain('London');
    expect(text).toContain('JFIF');
    const expected = Uint8Array.from([
      0xff,
      0xd8,
      ...seg(0xe0, ascii('JFIF\0\x01\x01')),
      ...seg(0xdb, [0, 1, 2, 3]),
      ...seg(0xda, [1, 2, 3]),
      0x12,
      0xff,
      0x00,
      0x34,
      0xff,
      0xd0,
      0x56,
      0xff,
      0xd9,
    ]);
    expect([...out]).toEqual([...expected]);
    expect(stripJpegMetadata(out)).toEqual(out);
  });

  it('refuses what is not a well-formed JPEG rather than keep its metadata', () => {
    expect(() => stripJpegMetadata(Uint8Array.from([0x89, 0x50]))).toThrow(/not a JPEG/);
    const cut = jpeg().subarray(0, 12);
    expect(() => stripJpegMetadata(cut)).toThrow(/broken JPEG/);
    expect(() => stripJpegMetadata(Uint8Array.from([0xff, 0xd8, 0x00, 0x01]))).toThrow(/expected a marker/);
  });
});

describe('sniffAttachmentType', () => {
  it('tells the allowed types by their first bytes, whatever the name says', () => {
    expect(sniffAttachmentType(jpeg())).toBe('image/jpeg');
    expect(sniffAttachmentType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffAttachmentType(Buffer.from('Receipt no. 4411 — £12.50\r\n'))).toBe('text/plain');
  });
  it('refuses programs, archives and binary data', () => {
    expect(sniffAttachmentType(Buffer.from('MZ\x90\x00\x03'))).toBeNull();
    expect(sniffAttachmentType(Uint8Array.from([0x50, 0x4b, 0x03, 0x04]))).toBeNull();
    expect(sniffAttachmentType(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46]))).toBeNull();
    expect(sniffAttachmentType(Uint8Array.from([0xc3, 0x28]))).toBeNull();
    expect(sniffAttachmentType(new Uint8Array())).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps the last path part without quotes or control characters', () => {
    expect(safeFileName('../../etc/receipt "1".jpg', 'image/jpeg')).toBe('receipt 1.jpg');
    expect(safeFileName('C:\\Users\\me\\photo.png\r\n', 'image/png')).toBe('photo.png');
    expect(safeFileName('', 'application/pdf')).toBe('attachment.pdf');
  });
});
