import { describe, expect, it } from 'vitest';
import { bytesOfBase64, landscape, pageRule, pagesText, printScale, screenScale } from './preview';

const A4 = { width: 595.28, height: 841.89 };

describe('print preview', () => {
  it('reads the PDF from its base64 text', () => {
    expect(Array.from(bytesOfBase64('JVBERi0xLjc='))).toEqual(Array.from(new TextEncoder().encode('%PDF-1.7')));
    expect(bytesOfBase64('').length).toBe(0);
  });

  it('fits a page to the width of the preview, never blown up past twice its size', () => {
    expect(screenScale(A4, 595.28)).toBe(1);
    expect(screenScale(A4, 800)).toBeCloseTo(1.344, 3);
    expect(screenScale(A4, 4000)).toBe(2);
    expect(screenScale({ width: 0, height: 0 }, 800)).toBe(1);
  });

  it('draws pages for the printer at 150 dpi', () => {
    expect(printScale()).toBeCloseTo(2.083, 3);
    // An A4 page is then 1240 dots wide: the printer's sheet, not the screen's.
    expect(Math.round(A4.width * printScale())).toBe(1240);
  });

  it('sizes the printer sheet as the PDF page, in either orientation', () => {
    expect(pageRule(A4)).toBe('@page { size: 210mm 297mm; margin: 0; }');
    const book = { width: A4.height, height: A4.width };
    expect(landscape(book)).toBe(true);
    expect(landscape(A4)).toBe(false);
    expect(pageRule(book)).toBe('@page { size: 297mm 210mm; margin: 0; }');
    expect(pageRule(undefined)).toBe('@page { margin: 0; }');
  });

  it('counts the pages', () => {
    expect(pagesText(1)).toBe('1 trang');
    expect(pagesText(12)).toBe('12 trang');
  });
});
