/** Why an image is refused, or null when it carries no metadata. */
export type ImageMetadataProblem = 'metadata' | 'unreadable';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG chunks of text and EXIF: camera, author, place, comments. */
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf']);

/** JPEG segments of metadata: APP1 (EXIF, XMP), APP13 (IPTC) and comments. */
const JPEG_METADATA_MARKERS = new Set([0xe1, 0xed, 0xfe]);
const JPEG_START_OF_SCAN = 0xda;
const JPEG_END = 0xd9;
/** Markers without a length: RST0–7 and TEM. */
const isStandalone = (marker: number): boolean => (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01;

/** WebP chunks of metadata. */
const WEBP_METADATA_CHUNKS = new Set(['EXIF', 'XMP ']);

function pngProblem(bytes: Buffer): ImageMetadataProblem | null {
  for (let at = PNG_SIGNATURE.length; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (PNG_METADATA_CHUNKS.has(type)) return 'metadata';
    if (type === 'IEND') return null;
    at += 12 + length;
  }
  return 'unreadable';
}

function jpegProblem(bytes: Buffer): ImageMetadataProblem | null {
  for (let at = 2; at + 1 < bytes.length;) {
    if (bytes[at] !== 0xff) return 'unreadable';
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (JPEG_METADATA_MARKERS.has(marker)) return 'metadata';
    if (marker === JPEG_START_OF_SCAN || marker === JPEG_END) return null;
    if (isStandalone(marker)) {
      at += 2;
      continue;
    }
    if (at + 3 >= bytes.length) return 'unreadable';
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return 'unreadable';
}

function webpProblem(bytes: Buffer): ImageMetadataProblem | null {
  for (let at = 12; at + 8 <= bytes.length;) {
    const type = bytes.toString('latin1', at, at + 4);
    if (WEBP_METADATA_CHUNKS.has(type)) return 'metadata';
    const size = bytes.readUInt32LE(at + 4);
    at += 8 + size + (size % 2);
  }
  return null;
}

/**
 * Whether an image (a base64 data URL) carries metadata that may name or place the patient: EXIF
 * (camera, time, GPS), XMP, IPTC, text chunks, comments. Its bytes decide, not the data URL's type;
 * anything not a readable PNG, JPEG or WebP is refused too.
 */
export function imageMetadataProblem(dataUrl: string): ImageMetadataProblem | null {
  const comma = dataUrl.indexOf(',');
  const bytes = Buffer.from(dataUrl.slice(comma + 1), 'base64');
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return pngProblem(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegProblem(bytes);
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return webpProblem(bytes);
  return 'unreadable';
}
