import { sniffContentType } from './sniff-content-type';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  );

describe('sniffContentType', () => {
  it('knows PDF, JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffContentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffContentType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffContentType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses anything else, whatever its name would say', () => {
    expect(sniffContentType(bytes('MZ', [0x90, 0]))).toBeUndefined(); // a Windows program
    expect(sniffContentType(bytes('<html><script>'))).toBeUndefined();
    expect(sniffContentType(bytes('RIFF', [1, 2, 3, 4], 'WAVE'))).toBeUndefined();
    expect(sniffContentType(bytes('%PD'))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });
});
