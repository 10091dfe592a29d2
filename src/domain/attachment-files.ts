/**
 * What an attachment may be, and the photo metadata removed before it is stored. Types are told by
 * their first bytes, never by the name or the type the uploader claims, so a script renamed
 * `photo.jpg` is refused; files are only ever served back as downloads of one of these types.
 */

/** The largest attachment we keep. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** The allowed type these bytes are, or null: JPEG, PNG, GIF, WebP, PDF by signature; text when it is valid UTF-8 without control bytes. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (bytes.length > 0 && isPlainText(bytes)) return 'text/plain';
  return null;
}

function isPlainText(bytes: Uint8Array): boolean {
  // Tab, newline and carriage return are text; other C0 controls and DEL are not.
  for (const b of bytes) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** APP1 holds Exif (camera, time, GPS position) and XMP; APP13 holds Photoshop/IPTC data, which can name places too. */
const DROPPED_SEGMENTS = new Set([0xe1, 0xed]);

/**
 * A JPEG without its location and camera metadata: walks the segments up to the start of the image
 * data and leaves out APP1 (Exif, XMP) and APP13 (IPTC); the image data is copied as it is. Throws
 * on a file that is not a well-formed JPEG, which is then refused rather than stored with its data.
 */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  if (!startsWith(bytes, [0xff, 0xd8])) throw new Error('not a JPEG');
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error('broken JPEG: expected a marker');
    let markerAt = at + 1;
    while (bytes[markerAt] === 0xff) markerAt++; // fill bytes before a marker
    const marker = bytes[markerAt];
    if (marker === undefined) throw new Error('broken JPEG: ends inside a marker');
    if (marker === 0xd9) {
      kept.push(bytes.subarray(at, markerAt + 1));
      return concat(kept);
    }
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(bytes.subarray(at, markerAt + 1));
      at = markerAt + 1;
      continue;
    }
    const high = bytes[markerAt + 1];
    const low = bytes[markerAt + 2];
    if (high === undefined || low === undefined) throw new Error('broken JPEG: ends inside a segment length');
    const end = markerAt + 1 + ((high << 8) | low);
    if ((high << 8) + low < 2 || end > bytes.length) throw new Error('broken JPEG: a segment runs past the end');
    if (marker === 0xda) {
      // Start of scan: from here on it is image data (and any later segments), kept as it is.
      kept.push(bytes.subarray(at));
      return concat(kept);
    }
    if (!DROPPED_SEGMENTS.has(marker)) kept.push(bytes.subarray(at, end));
    at = end;
  }
  throw new Error('broken JPEG: no image data');
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A file name safe to offer in a download: no path, no control or quote characters, at most 120 characters. */
export function safeFileName(name: string, type: AttachmentType): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const base = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>:|?*'.includes(c))
    .join('')
    .trim()
    .slice(0, 120);
  return base || `attachment.${EXTENSION[type]}`;
}

export const EXTENSION: Record<AttachmentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
};
