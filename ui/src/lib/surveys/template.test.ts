import { describe, expect, it } from 'vitest';
import type { SurveyTemplate } from '../api/bindings';
import { withoutEmptyLines } from './template';

describe('template tidying', () => {
  it('drops blank lines typed in the lists and keeps everything else', () => {
    const t: SurveyTemplate = {
      code: 'KS.01',
      version: 1,
      issued_on: null,
      title: 'Phiếu khảo sát',
      subtitle_lines: ['Mức độ hài lòng', ''],
      year_line: true,
      intro: [''],
      sections: [
        {
          heading: null,
          items: [
            { kind: 'rating_grid', id: 'cau_1', label: 'Câu hỏi 1:', prompt: 'Đánh giá', criteria: ['Thái độ', '', 'Thời gian'], scale: ['Tốt', 'Khá', ''], other_opinion: false },
            { kind: 'yes_no', id: 'cau_2', label: null, prompt: 'Có phải đi lại?', yes: 'Có', no: 'Không', follow_up: { when_yes: true, prompt: 'Số lần', options: ['2', '3', ''] } },
          ],
        },
      ],
      closing: '',
    };
    const tidy = withoutEmptyLines(t);
    expect(tidy.subtitle_lines).toEqual(['Mức độ hài lòng']);
    expect(tidy.intro).toEqual([]);
    const [grid, yesNo] = tidy.sections[0].items;
    expect(grid.kind === 'rating_grid' && grid.criteria).toEqual(['Thái độ', 'Thời gian']);
    expect(grid.kind === 'rating_grid' && grid.scale).toEqual(['Tốt', 'Khá']);
    expect(yesNo.kind === 'yes_no' && yesNo.follow_up?.options).toEqual(['2', '3']);
  });
});
