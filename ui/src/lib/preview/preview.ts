// The print preview's arithmetic, apart from PDF.js and the window so that it can be tested:
// the PDF's bytes from the answer, how large each page is drawn on screen and for the
// printer, and the page rule that makes the printer's sheets match the PDF's pages.

/** A PDF page's size in points (1/72 inch), as PDF.js reports it at scale 1. */
export interface PageSize {
  width: number;
  height: number;
}

/** The resolution pages are drawn at for the printer: sharp text, images of bearable size. */
export const PRINT_DPI = 150;

/** The bytes of a base64 text (the preview's PDF travels in JSON). */
export function bytesOfBase64(base64: string): Uint8Array {
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** Whether a page lies on its side (the book's pages do). */
export function landscape(p: PageSize): boolean {
  return p.width > p.height;
}

/** The scale that draws a page `width` CSS pixels wide, never larger than twice its size. */
export function screenScale(p: PageSize, width: number): number {
  if (p.width <= 0 || width <= 0) return 1;
  return Math.min(2, width / p.width);
}

/** The scale that draws a page at `dpi` dots per inch (a point is 1/72 inch). */
export function printScale(dpi = PRINT_DPI): number {
  return dpi / 72;
}

/**
 * The `@page` rule of a print: the first page's size, in millimetres, with no margin of the
 * printer's own (the PDF has its margins). Browsers honour one size per print; the documents
 * printed here keep one orientation throughout.
 */
export function pageRule(first: PageSize | undefined): string {
  if (!first) return '@page { margin: 0; }';
  const mm = (pt: number) => Math.round((pt / 72) * 25.4 * 10) / 10;
  return `@page { size: ${mm(first.width)}mm ${mm(first.height)}mm; margin: 0; }`;
}

/** "1 trang", "12 trang": how the preview counts what will be printed. */
export function pagesText(n: number): string {
  return `${n} trang`;
}
