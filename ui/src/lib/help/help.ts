// The user guide (docs/huong-dan-su-dung.md) inside the app: the same text the office
// receives as a document, shown from every page at the section about that page.

import { Marked, type Tokens } from 'marked';
import guide from '../../../../docs/huong-dan-su-dung.md?raw';

/** The page a help request comes from, and the heading of the guide that explains it. */
export const SECTION_OF_PAGE: Record<string, string> = {
  ledger: '2. Ghi sổ hằng ngày',
  cases: '3. Xử lý một phản ánh, khiếu nại',
  actions: 'Sổ theo dõi hành động khắc phục',
  surveys: '4. Khảo sát sự hài lòng',
  reports: '5. Báo cáo',
  bundles: '5. Báo cáo',
  records: '6. Sao lưu và phục hồi',
  settings: '1. Cài đặt ban đầu',
};

/** A heading's anchor as GitHub makes it, so that the guide's own links (#6-sao-lưu-và-phục-hồi)
 * lead to the same place: lower case, punctuation dropped, spaces to hyphens. */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The guide without its pictures, each replaced by its caption: the pictures (0.7 MB) stay in
 * the printed guide, out of an installer that must stay small. */
export function guideForApp(markdown: string = guide): string {
  return markdown.replace(/!\[([^\]]*)\]\([^)]*\)/g, (_m, alt: string) => (alt ? `*(Hình: ${alt})*` : ''));
}

/** The guide as HTML, each heading with its anchor; links to other documents shown as text. */
export function guideHtml(markdown: string = guideForApp()): string {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        const text = this.parser.parseInline(tokens);
        const plain = tokens.map((t) => ('text' in t ? t.text : t.raw)).join('');
        return `<h${depth} id="${slug(plain)}">${text}</h${depth}>\n`;
      },
      link({ href, tokens }: Tokens.Link) {
        const text = this.parser.parseInline(tokens);
        return href.startsWith('#') ? `<a href="${href}">${text}</a>` : `<span class="doc-link">${text}</span>`;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}
