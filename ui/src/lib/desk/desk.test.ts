import { describe, expect, it } from 'vitest';
import { checkDeskForm, groupedPin, normalAddress, parsePairingLink, pinDigits, pinRows } from './desk';

const PIN = '3F2A9C10B7E4D55A0C1E9F8B7A6D5C4B3A291807F6E5D4C3B2A1908F7E6D5C4B';

describe('the desk setup form', () => {
  it('needs nothing more for this PC’s own data', () => {
    expect(checkDeskForm({ mode: 'local', address: '', pin: '' })).toEqual({});
  });

  it('asks for the server’s address and its pairing code', () => {
    const e = checkDeskForm({ mode: 'server', address: '  ', pin: '' });
    expect(e.address).toMatch(/địa chỉ máy chủ/);
    expect(e.pin).toMatch(/mã ghép nối/);
  });

  it('takes the code as the server shows it, grouped, or with colons, in any case', () => {
    for (const pin of [groupedPin(PIN), PIN.toLowerCase(), PIN.match(/../g)!.join(':')]) {
      expect(checkDeskForm({ mode: 'server', address: '192.168.1.10', pin })).toEqual({});
    }
  });

  it('refuses a code of the wrong length or with other letters, saying how many were typed', () => {
    expect(checkDeskForm({ mode: 'server', address: 'maychu', pin: PIN.slice(0, 60) }).pin).toContain('60 ký tự');
    expect(checkDeskForm({ mode: 'server', address: 'maychu', pin: PIN.slice(0, 63) + 'G' }).pin).toMatch(/0–9, A–F/);
  });

  it('refuses plain http and addresses that are not one', () => {
    expect(checkDeskForm({ mode: 'server', address: 'http://192.168.1.10:7443', pin: PIN }).address).toMatch(/https/);
    expect(checkDeskForm({ mode: 'server', address: 'may chu', pin: PIN }).address).toMatch(/không đúng dạng/);
  });
});

describe('addresses and codes', () => {
  it('completes an address to https with the default port', () => {
    expect(normalAddress('192.168.1.10')).toBe('https://192.168.1.10:7443');
    expect(normalAddress('MAYCHU:8443')).toBe('https://maychu:8443');
    expect(normalAddress('https://10.0.0.5:7443/')).toBe('https://10.0.0.5:7443');
    expect(normalAddress('[::1]:7443')).toBe('https://[::1]:7443');
  });

  it('groups a code in fours and reads it back', () => {
    const g = groupedPin(PIN.toLowerCase());
    expect(g.split(' ')).toHaveLength(16);
    expect(g.startsWith('3F2A 9C10 ')).toBe(true);
    expect(pinDigits(g)).toBe(PIN);
    expect(pinRows(PIN)).toEqual(['3F2A 9C10 B7E4 D55A', '0C1E 9F8B 7A6D 5C4B', '3A29 1807 F6E5 D4C3', 'B2A1 908F 7E6D 5C4B']);
  });

  it('reads the pairing link of the server’s QR code', () => {
    expect(parsePairingLink(`ykien://192.168.1.10:7443?pin=${PIN}`)).toEqual({ address: '192.168.1.10:7443', pin: PIN });
    expect(parsePairingLink('https://192.168.1.10:7443')).toBeNull();
  });
});
