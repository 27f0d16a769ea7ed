import archiver from 'archiver';
import type { ArchiveEntry } from './export-archive-layout';

/** The entries as one zip, in memory (an export is the patient's own data: megabytes, not more). */
export function zipArchive(entries: readonly ArchiveEntry[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = archiver('zip', { zlib: { level: 6 } });
    const chunks: Buffer[] = [];
    zip.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.on('warning', reject);
    zip.on('error', reject);
    zip.on('end', () => resolve(Buffer.concat(chunks)));
    for (const entry of entries) {
      const data = typeof entry.data === 'string' ? entry.data : Buffer.from(entry.data);
      zip.append(data, { name: entry.name });
    }
    void zip.finalize();
  });
}
