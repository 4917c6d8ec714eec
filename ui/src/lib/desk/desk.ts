// The desk setup form's own checks and the pairing code's shapes, kept apart from the
// screens so that they can be tested without a window. The shell checks again (it parses
// the code and pins the server's certificate to it); these only catch what a clerk can
// correct before anything is sent.

/** The office server's port when an address gives none (`ykien::pairing::DEFAULT_PORT`). */
export const DEFAULT_PORT = 7443;

export type DeskForm = {
  mode: 'local' | 'server';
  address: string;
  pin: string;
};

export type DeskFormErrors = Partial<Record<'address' | 'pin', string>>;

/** The 64 hex digits of a pairing code, as typed or pasted (spaces, colons, dashes dropped). */
export function pinDigits(code: string): string {
  return code.replace(/[\s:-]/g, '').toUpperCase();
}

/** A pairing code grouped in fours, as the server shows it: "AB12 CD34 …". */
export function groupedPin(code: string): string {
  return (pinDigits(code).match(/.{1,4}/g) ?? []).join(' ');
}

/** A pairing code as four lines of four groups, the way it is read out and copied. */
export function pinRows(code: string): string[] {
  const groups = groupedPin(code).split(' ').filter(Boolean);
  const rows: string[] = [];
  for (let i = 0; i < groups.length; i += 4) rows.push(groups.slice(i, i + 4).join(' '));
  return rows;
}

/**
 * The pairing link a server's QR code holds, `ykien://HOST:PORT?pin=HEX`, read into its
 * address and code; null for anything else.
 */
export function parsePairingLink(text: string): { address: string; pin: string } | null {
  const m = /^ykien:\/\/([^/?#\s]+)\/?\?pin=([0-9A-Fa-f]{64})\s*$/.exec(text.trim());
  return m ? { address: m[1], pin: m[2].toUpperCase() } : null;
}

/** "host", "host:port" or "https://host:port" as the desk sends it: https, with a port. */
export function normalAddress(text: string): string {
  let a = text.trim().replace(/\/+$/, '');
  if (!/^[a-z]+:\/\//i.test(a)) a = `https://${a}`;
  const url = new URL(a);
  if (!url.hostname) throw new TypeError('no host');
  // An IPv6 host keeps its brackets in `hostname`.
  return `https://${url.hostname}:${url.port || DEFAULT_PORT}`;
}

/** The form's mistakes, by field; empty when it may be sent. */
export function checkDeskForm(form: DeskForm): DeskFormErrors {
  if (form.mode === 'local') return {};
  const errors: DeskFormErrors = {};
  const address = form.address.trim();
  if (!address) {
    errors.address = 'Hãy nhập địa chỉ máy chủ, ví dụ 192.168.1.10 hoặc MAYCHU (hỏi cán bộ quản trị).';
  } else if (/^http:\/\//i.test(address)) {
    errors.address = 'Máy chủ Ý Kiến chỉ nhận kết nối mã hoá: hãy dùng địa chỉ bắt đầu bằng https:// hoặc chỉ tên máy.';
  } else {
    try {
      normalAddress(address);
      if (/\s/.test(address)) throw new Error('space');
    } catch {
      errors.address = 'Địa chỉ máy chủ không đúng dạng: hãy nhập tên máy hoặc địa chỉ IP, có thể kèm cổng (ví dụ 192.168.1.10:7443).';
    }
  }
  const digits = pinDigits(form.pin);
  if (!digits) {
    errors.pin = 'Hãy nhập mã ghép nối hiển thị trên máy chủ («Cài đặt › Máy chủ» trên máy chủ).';
  } else if (!/^[0-9A-F]{64}$/.test(digits)) {
    errors.pin =
      'Mã ghép nối phải gồm 64 chữ số thập lục phân (0–9, A–F), như máy chủ hiển thị' +
      ` (bạn đã nhập ${digits.length} ký tự); hãy chép lại từ «Cài đặt › Máy chủ» trên máy chủ.`;
  }
  return errors;
}
