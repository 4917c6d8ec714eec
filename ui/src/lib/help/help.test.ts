import { describe, expect, it } from 'vitest';
import guide from '../../../../docs/huong-dan-su-dung.md?raw';
import { guideForApp, guideHtml, SECTION_OF_PAGE, slug } from './help';

describe('the user guide in the app', () => {
  it('makes the anchors the guide links to', () => {
    expect(slug('6. Sao lưu và phục hồi')).toBe('6-sao-lưu-và-phục-hồi');
    expect(slug('3. Xử lý một phản ánh, khiếu nại')).toBe('3-xử-lý-một-phản-ánh-khiếu-nại');
    const html = guideHtml();
    // Every link inside the guide finds its heading.
    for (const [, target] of guide.matchAll(/\]\(#([^)]+)\)/g)) {
      expect(html, target).toContain(`id="${target}"`);
    }
  });

  it('has a section for every page a help request comes from', () => {
    const html = guideHtml();
    for (const heading of Object.values(SECTION_OF_PAGE)) {
      expect(html, heading).toContain(`id="${slug(heading)}"`);
    }
  });

  it('leaves out the pictures, keeping their captions', () => {
    const text = guideForApp();
    expect(text).not.toMatch(/!\[/);
    expect(text).toContain('*(Hình: Cài đặt › Đơn vị)*');
    expect(guideHtml()).not.toContain('<img');
  });
});
