// The one status line of the window ("Đã lưu."). A single shared line rather than one per
// form, so there is exactly one role="status" element and it is always in view at the bottom.

let message = $state('');
// Bumped on every show so the same text appearing twice is still announced and flashed.
let seq = $state(0);

export const status = {
  get message(): string {
    return message;
  },
  get seq(): number {
    return seq;
  },
  show(text: string): void {
    message = text;
    seq += 1;
  },
  saved(): void {
    this.show('Đã lưu.');
  },
  clear(): void {
    message = '';
  },
};
