/**
 * The part of fontkit (pdfkit's font engine, no types of its own) this service uses: parsing a
 * font once, so that every PDF reuses its parsed tables (pdfkit accepts such a font as a source).
 */
declare module 'fontkit' {
  export interface FontkitFont {
    readonly familyName: string;
    /** In font units (see unitsPerEm). */
    readonly ascent: number;
    readonly unitsPerEm: number;
    layout(text: string): unknown;
  }
  export function create(data: Uint8Array): FontkitFont;
}
