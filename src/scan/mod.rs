//! Reading returned survey forms from their scans: the pages of a scanned file decoded
//! (`decode`), the form found on each (`locate`: corner marks, the mapping from the layout's
//! millimetres to pixels, the QR code), its boxes measured and each question decided
//! (`read`). Pure computation over bytes and the stored layout: what is kept, and how a form is
//! saved, is the ledger's (`ledger/scan.rs`) and the store's (`store/scan.rs`).

pub mod crop;
pub mod decode;
pub mod grey;
pub mod locate;
pub mod read;
pub mod synth;

use crate::domain::survey_entry::EntrySlot;
use crate::domain::survey_round::{QrPayload, SurveyLayout};
use crate::domain::survey_scan::ReadAnswer;
use grey::Grey;
use locate::Mapping;
use read::{decide, judge, measure, Ink, ReadBox, Tones};

/// Where the scan-to-folder inbox puts a file once read, and one it skipped (not a scan,
/// damaged, read before): subfolders of the inbox, so the copier's folder does not fill and a
/// person can see what was not taken.
pub const INBOX_READ: &str = "Đã đọc";
pub const INBOX_SKIPPED: &str = "Bỏ qua";

/// How often the machine that owns the database looks at the inbox, and how long a file must
/// lie untouched there before it is read (the copier may still be writing it): a scan is read
/// within some 8 seconds of the copier's last write. A look that finds nothing settled costs
/// a setting read and a folder listing on the open database, no connection of its own.
pub const INBOX_EVERY: std::time::Duration = std::time::Duration::from_secs(3);
pub const INBOX_QUIET: std::time::Duration = std::time::Duration::from_secs(5);

/// What was read from one page.
#[derive(Debug, Clone)]
pub struct PageRead {
    /// What the page's QR code says; `None` when it was not read.
    pub qr: Option<QrPayload>,
    /// From the form's millimetres to the page's pixels (as the page lies, upright or not).
    pub mapping: Option<Mapping>,
    pub upside_down: bool,
    pub boxes: Vec<ReadBox>,
    pub answers: Vec<ReadAnswer>,
    /// On a black-and-white page, what its ticks say of the pen (`None` on a grey page).
    pub ink: Option<Ink>,
    /// Why the form was not found, in a sentence.
    pub problem: Option<String>,
}

/// Finds the form on a page and reads the boxes of its page (from its QR code) that the
/// layout places there.
pub fn read_page(page: &Grey, layout: &SurveyLayout, slots: &[EntrySlot]) -> PageRead {
    let found = match locate::locate(page, layout) {
        Ok(f) => f,
        Err(locate::NotFound::Marks(n)) => {
            return PageRead {
                qr: None,
                mapping: None,
                upside_down: false,
                boxes: Vec::new(),
                answers: Vec::new(),
                ink: None,
                problem: Some(format!("Chỉ thấy {n}/4 dấu góc: trang không phải phiếu của đợt này, hoặc bị cắt, gấp.")),
            }
        }
    };
    let Some(qr) = found.qr.clone() else {
        return PageRead {
            qr: None,
            mapping: Some(found.mapping),
            upside_down: found.upside_down,
            boxes: Vec::new(),
            answers: Vec::new(),
            ink: None,
            problem: Some("Không đọc được mã QR: hãy gõ số phiếu in trên phiếu.".into()),
        };
    };
    let tones = Tones::of(page);
    let on_page: Vec<_> = layout.boxes.iter().filter(|b| b.page == qr.page).collect();
    let measures: Vec<_> = on_page.iter().map(|b| measure(page, &found.mapping, b, tones)).collect();
    let empty = read::empty_level(&measures, tones);
    let boxes: Vec<ReadBox> = on_page
        .iter()
        .zip(measures)
        .map(|(b, m)| {
            let (mark, confidence) = judge(&m, empty, tones);
            ReadBox { code: b.code.clone(), value: b.value, measure: m, mark, confidence }
        })
        .collect();
    let ink = tones.bilevel.then(|| Ink::of(&boxes, found.mapping.scale_at(105.0, 148.5)));
    let answers = decide(slots, &boxes, ink.is_none_or(Ink::dark));
    PageRead { qr: Some(qr), mapping: Some(found.mapping), upside_down: found.upside_down, boxes, answers, ink, problem: None }
}

/// The ink of one form's black-and-white pages together (`pages`: each page's `PageRead::ink`),
/// when every page of it was read on its own: a page may hold too few ticks to show the pen
/// dark (BM.QT.SCT.05-02 prints Section II's two options alone on its first page) when the
/// form does. A black-and-white page whose own ink was not dark is then decided again with
/// `answers_of_dark_form`.
pub fn form_ink(pages: impl IntoIterator<Item = Option<Ink>>) -> Option<Ink> {
    pages.into_iter().flatten().reduce(Ink::and)
}

/// A black-and-white page's answers decided again once its form's ink (`form_ink`) is dark:
/// `None` when the page is grey or was already decided so.
pub fn answers_of_dark_form(page_ink: Option<Ink>, form: Option<Ink>, slots: &[EntrySlot], boxes: &[ReadBox]) -> Option<Vec<ReadAnswer>> {
    let (page, form) = (page_ink?, form?);
    (!page.dark() && form.dark()).then(|| decide(slots, boxes, true))
}
