/// <reference types="pdfkit" preserve="true" />
import PDFDocument from 'pdfkit';
import { writeCentredLine } from './pdf-fonts';

/** pdfkit's document and text options, named here so that users of this library need not import pdfkit's globals. */
export type PdfDocument = PDFKit.PDFDocument;
export type PdfTextOptions = PDFKit.Mixins.TextOptions;

export interface A4DocumentInfo {
  title: string;
  author: string;
  subject: string;
  createdAt: Date;
}

/**
 * An A4 document with pages kept in memory (so footers can say "Page 1 of 2" once the text is
 * laid out), and the bytes it will have once `doc.end()` is called.
 */
export function openA4Document(info: A4DocumentInfo): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: info.title, Author: info.author, Subject: info.subject, CreationDate: info.createdAt },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

/** A light rule across the text column, with space above and below: separates a document's parts. */
export function drawRule(doc: PDFKit.PDFDocument): void {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  doc.moveDown(0.5);
  doc.moveTo(left, doc.y).lineTo(right, doc.y).strokeColor('#cccccc').stroke();
  doc.moveDown(0.8);
}

/** "Page 1 of 2" in the document's language: `{{page}}` and `{{pages}}` are filled in. */
export type PageNumbering = (page: number, pages: number) => string;

const ENGLISH_PAGES: PageNumbering = (page, pages) => `Page ${page} of ${pages}`;

/** Every page names what it belongs to, so a loose second page still belongs somewhere. */
export function writePageFooters(
  doc: PDFKit.PDFDocument,
  label: string,
  color = '#555555',
  pageOf: PageNumbering = ENGLISH_PAGES,
): void {
  const pages = doc.bufferedPageRange();
  for (let index = pages.start; index < pages.start + pages.count; index++) {
    doc.switchToPage(index);
    const { left, right, bottom } = doc.page.margins;
    // Text below the bottom margin would open a new page: lift the margin while writing there.
    doc.page.margins.bottom = 0;
    doc.fillColor(color);
    writeCentredLine(doc, `${label} · ${pageOf(index - pages.start + 1, pages.count)}`, {
      size: 8,
      x: left,
      y: doc.page.height - bottom / 2,
      width: doc.page.width - left - right,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * "1 December 2026, 10:00 IST" in the given zone and locale (`hi-IN`: "1 दिसंबर 2026 को 10:00 IST
 * बजे"): the zone is always named.
 */
export const formatDateTimeInZone = (instant: string | Date, timeZone: string, locale = 'en-IN'): string =>
  new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(instant));

/** "2026-12-01": the calendar date in the given zone, for file names. */
export const dateInZone = (instant: string | Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(instant));
