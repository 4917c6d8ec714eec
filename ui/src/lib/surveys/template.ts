// Tidying a template typed in the editor before it is sent: lists are typed one item a line,
// so blank lines (a trailing Enter) are dropped rather than refused as empty items.

import type { SurveyItem, SurveyTemplate } from '../api/bindings';

const filled = (v: string[]) => v.filter((x) => x.trim() !== '');

function tidyItem(i: SurveyItem): SurveyItem {
  switch (i.kind) {
    case 'rating_grid':
      return { ...i, criteria: filled(i.criteria), scale: filled(i.scale) };
    case 'choice':
      return { ...i, options: filled(i.options) };
    case 'yes_no':
      return { ...i, follow_up: i.follow_up ? { ...i.follow_up, options: filled(i.follow_up.options) } : null };
    case 'free_text':
    case 'respondent':
      return { ...i, lines: Number(i.lines) || 0 };
    default:
      return i;
  }
}

export function withoutEmptyLines(t: SurveyTemplate): SurveyTemplate {
  return {
    ...t,
    subtitle_lines: filled(t.subtitle_lines),
    intro: filled(t.intro),
    sections: t.sections.map((s) => ({ ...s, items: s.items.map(tidyItem) })),
  };
}
