// What a print job is called on screen and on disk, and the sentence that says where the
// printed file went. Kept apart from the buttons so that it can be tested without a window.

import type { Book, PrintJob, PrintOutcome } from '../api/bindings';

/** How a printed book's file name starts; the feedback book when none is named. */
function bookFileStem(book: Book | undefined): string {
  switch (book) {
    case 'complaints':
      return 'so-khieu-nai';
    case 'citizen_reception':
      return 'so-tiep-dan';
    default:
      return 'so-ghi-nhan';
  }
}

/** The file name offered in the save dialog; the core names files the same way. */
export function suggestedFileName(job: PrintJob): string {
  switch (job.form) {
    case 'receipts':
      return job.receipt_nos.length === 1
        ? `phieu-tiep-nhan-${job.receipt_nos[0].replaceAll('/', '-')}.pdf`
        : `phieu-tiep-nhan-${job.receipt_nos.length}-phieu.pdf`;
    case 'reply_letter':
      return 'cong-van-tra-loi.pdf';
    case 'ledger_period':
      return `${bookFileStem(job.book)}-${job.from}-den-${job.to}.pdf`;
    case 'ledger_blank':
      return `${bookFileStem(job.book)}-trang.pdf`;
    case 'measures_letter':
      return `thong-bao-bien-phap-khac-phuc-${job.receipt_no.replaceAll('/', '-')}.pdf`;
    case 'survey_blank':
      return 'phieu-khao-sat.pdf';
    case 'feedback_letter':
      return 'thu-gop-y.pdf';
    case 'annual_report':
      return `bao-cao-thoa-man-khach-hang-${job.year}.pdf`;
    case 'complaints_report':
      return `tong-hop-khieu-nai-${job.year}.pdf`;
    case 'consolidated_report':
      return `bao-cao-tong-hop-cac-don-vi-${job.year}.pdf`;
    case 'acceptance_notice':
      return `thong-bao-thu-ly-${job.receipt_no.replaceAll('/', '-')}.pdf`;
  }
}

/**
 * The line shown under the buttons once the file is written. In a browser (`downloaded`)
 * a saved copy is in the browser's downloads, and a print the browser would not show in a
 * tab was downloaded instead.
 */
export function printedMessage(outcome: PrintOutcome, saved: boolean, downloaded = false): string {
  if (downloaded && (saved || !outcome.opened)) {
    return `Đã tải bản in ${outcome.path} về máy (thư mục Tải xuống của trình duyệt): hãy mở tệp này để in hoặc cất giữ.`;
  }
  if (downloaded) return `Đã mở bản in trong thẻ mới của trình duyệt để in (${outcome.path}).`;
  if (saved) return `Đã lưu bản in vào ${outcome.path}.`;
  if (outcome.opened) return `Đã mở bản in để in (tệp ${outcome.path}).`;
  return `Đã tạo bản in tại ${outcome.path}, nhưng máy chưa mở được trình xem PDF: hãy mở tệp này để in.`;
}
