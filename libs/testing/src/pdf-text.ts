import { spawn } from 'node:child_process';
import { repoRoot } from './binaries';

const PDF_TEXT_SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk)).on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  process.stdout.write((await parser.getText()).text);
  await parser.destroy();
});`;

/**
 * The text a PDF reader extracts, by pdf-parse. pdf.js starts its worker with a dynamic import,
 * which Jest's CommonJS sandbox cannot run, so the PDF is read in a plain Node process.
 */
export function extractPdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PDF_TEXT_SCRIPT], { cwd: repoRoot });
    let text = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`pdf-parse failed: ${errors}`)),
    );
    child.stdin.end(pdf);
  });
}
