// PDF.js, bundled with the UI (no network): its worker is a file of the build, loaded from
// the app's own origin, which the window's content policy (script-src 'self') allows. Loaded
// on first use, so that the book's first page does not wait for it.

import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PageSize } from './preview';

export type { PDFDocumentProxy };

let library: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs(): Promise<typeof import('pdfjs-dist')> {
  library ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return library;
}

/** Opens a PDF from its bytes. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  // No eval: the content policy forbids it, and PDF.js draws glyphs without it as well.
  return lib.getDocument({ data: bytes, isEvalSupported: false }).promise;
}

/** The size of page `n` (from 1) in points. */
export async function pageSize(pdf: PDFDocumentProxy, n: number): Promise<PageSize> {
  const page = await pdf.getPage(n);
  const v = page.getViewport({ scale: 1 });
  return { width: v.width, height: v.height };
}

/** Draws page `n` (from 1) on `canvas` at `scale`, `ratio` device pixels per CSS pixel. */
export async function drawPage(pdf: PDFDocumentProxy, n: number, canvas: HTMLCanvasElement, scale: number, ratio = 1): Promise<void> {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.aspectRatio = `${viewport.width} / ${viewport.height}`;
  await page.render({ canvas, viewport }).promise;
}
