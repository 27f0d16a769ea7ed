import {
  BadRequestException,
  NotFoundException,
  StreamableFile,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { HealthRecordContentType } from '@arogyam/contracts';
import { sniffContentType } from '../health-records/sniff-content-type';

/** The part of multer's file an upload uses (kept in memory, within the route's size limit). */
export interface UploadedBytes {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** `filename*` (RFC 6266) keeps a Unicode name; the plain `filename` is its ASCII fallback. */
const attachment = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** An upload as the owning service records it. */
export interface UploadedFileDescription {
  contentType: HealthRecordContentType;
  size: number;
  fileName: string;
}

/**
 * What an upload is, from its first bytes (never what the browser claims): 400 without a file,
 * 415 unless a PDF, JPEG, PNG or WebP image. The name is cut to 255 characters; a file without
 * one is called `unnamed`.
 */
export function checkedUpload(
  file: UploadedBytes | undefined,
  unnamed: string,
): { bytes: Buffer; file: UploadedFileDescription } {
  if (!file || file.size === 0) {
    throw new BadRequestException({
      message: 'Choose a file to upload.',
      details: [{ field: 'file', problem: 'is required' }],
    });
  }
  const contentType = sniffContentType(file.buffer);
  if (!contentType)
    throw new UnsupportedMediaTypeException('The file must be a PDF, JPEG, PNG or WebP image.');
  return {
    bytes: file.buffer,
    file: { contentType, size: file.size, fileName: file.originalname.slice(0, 255) || unnamed },
  };
}

/** A stored file sent back as an attachment; 404 with `missing` when its bytes are gone. */
export function attachedFile(
  bytes: Uint8Array | null,
  file: { contentType: string; fileName: string },
  missing: string,
): StreamableFile {
  if (!bytes) throw new NotFoundException(missing);
  return new StreamableFile(bytes, {
    type: file.contentType,
    disposition: attachment(file.fileName),
    length: bytes.length,
  });
}
