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
/// once every page of it was read on its own. It is the form's ink that vouches for its
/// blanks, not a page's: a page may hold too few ticks to show the pen dark when the form does
/// (BM.QT.SCT.05-02 prints Section II's two options alone on its first page), or show it dark
/// when another page of the form has a mark broken into specks. A page decided otherwise is
/// decided again with `answers_by_form`.
pub fn form_ink(pages: impl IntoIterator<Item = Option<Ink>>) -> Option<Ink> {
    pages.into_iter().flatten().reduce(Ink::and)
}

/// A black-and-white page's answers decided again by its form's ink (`form_ink`), when that
/// says otherwise than the page's own: `None` when the page is grey or the two agree.
pub fn answers_by_form(page_ink: Option<Ink>, form: Option<Ink>, slots: &[EntrySlot], boxes: &[ReadBox]) -> Option<Vec<ReadAnswer>> {
    let (page, form) = (page_ink?, form?);
    (page.dark() != form.dark()).then(|| decide(slots, boxes, form.dark()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::survey_entry::AnswerState;
    use read::{Mark, Measure};

    /// A black-and-white page is decided by its form's ink, not its own: a page too sparse to
    /// show the pen takes the form's dark ink, and a page dark on its own takes a broken mark
    /// on the form's other page. A grey page, or a page whose ink agrees with its form's, is
    /// left as it was decided.
    #[test]
    fn a_black_and_white_page_is_decided_by_its_forms_ink() {
        let slot = EntrySlot { code: "cau_3".into(), question: "Câu hỏi 3".into(), label: String::new(), options: vec!["Tốt".into(), "Đạt yêu cầu".into()], required: true, when: None };
        let empty = |v: i32| ReadBox { code: "cau_3".into(), value: v, measure: Measure { share: 0.0, solid: 0.0, faint: 0.0, whole: 1.0, at: (0.0, 0.0) }, mark: Mark::Empty, confidence: 1.0 };
        let boxes = [empty(1), empty(2)];
        let slots = std::slice::from_ref(&slot);
        let (dark, sparse, broken) = (Ink { whole: 3, broken: false, fine: true }, Ink { whole: 1, broken: false, fine: true }, Ink { whole: 5, broken: true, fine: true });
        let blank = |page: Option<Ink>, form: Option<Ink>| answers_by_form(page, form, slots, &boxes).map(|a| (a[0].state, a[0].review));
        assert_eq!(blank(Some(sparse), Some(sparse.and(dark))), Some((AnswerState::Blank, false)));
        assert_eq!(blank(Some(dark), Some(dark.and(broken))), Some((AnswerState::Blank, true)));
        assert_eq!(blank(Some(dark), Some(dark.and(sparse))), None, "both dark: as decided");
        assert_eq!(blank(Some(sparse), Some(sparse)), None, "neither: as decided");
        assert_eq!(blank(None, Some(dark)), None, "a grey page");
    }
}
