import { describe, expect, it } from 'vitest';
import type { Case } from '../api/bindings';
import { correctionOf, type CorrectionDraft } from './correction';

const kase = {
  customer_name: 'Nguyễn Văn An',
  customer_org: '',
  kind: 'complaint',
  subject: 'attitude',
  channel: 'in_person',
  unit_id: 'u1',
  content: 'Chờ lâu',
  written: false,
  formal: false,
} as unknown as Case;

const same: CorrectionDraft = {
  customer_name: 'Nguyễn Văn An',
  customer_org: '',
  kind: 'complaint',
  subject: 'attitude',
  channel: 'in_person',
  unit_id: 'u1',
  content: 'Chờ lâu',
  written: false,
  formal: false,
};

describe('correctionOf', () => {
  it('sends nothing when nothing changed', () => {
    expect(correctionOf(kase, same)).toEqual({});
  });
  it('sends only the changed fields, a unit taken away as ""', () => {
    expect(correctionOf(kase, { ...same, customer_name: 'Nguyễn Văn Ân', unit_id: null, written: true })).toEqual({
      customer_name: 'Nguyễn Văn Ân',
      unit_id: '',
      written: true,
    });
  });
});
