//! Reading returned survey forms from scans, on forms printed by the app, rasterised by
//! pdftoppm, filled by a seeded simulated respondent and damaged as copiers do (the harness of
//! `ykien::scan::synth`), then decoded from the files a copier writes. A small sample: the
//! accuracy at scale is the benchmark's (`benches/scan.rs`, BENCHMARKS.md).

use crate::temp_dir;
use chrono::NaiveDate;
use ykien::domain::survey_entry::slots;
use ykien::scan::synth::{self, Damage, PdfPage, Respondent, Rng};
use ykien::scan::{decode, read_page};
use ykien::{Answer, AnswerState, Ledger, RoundInput};

fn ledger(dir: &tempfile::TempDir) -> Ledger {
    let mut l = Ledger::open(dir.path().join("phiếu quét.db")).unwrap();
    l.set_clock(Some(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap().and_hms_opt(9, 0, 0).unwrap()));
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l
}

fn round(l: &mut Ledger) -> String {
    let input = RoundInput { name: "Khảo sát năm 2026".into(), period_from: "2026-01-01".into(), period_to: "2026-12-31".into(), template_key: "bm-qt-sct-05-02".into() };
    l.create_survey_round(&input).unwrap().id
}

/// Only the box answers of a truth, for comparing with what was read.
fn boxes_only(a: &[Answer]) -> Vec<(String, AnswerState, Option<i32>)> {
    let mut v: Vec<_> = a.iter().filter(|a| a.state != AnswerState::Text).map(|a| (a.code.clone(), a.state, a.value)).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

#[test]
fn printed_forms_filled_damaged_and_packed_as_a_copier_pdf_are_read_back() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l);
    let pdf = l.print_survey_round(&r, 3).unwrap();
    let layout = l.survey_layout(&r).unwrap().unwrap();
    let sheet = l.survey_entry_sheet(&r).unwrap();
    let slots = slots(&sheet.template);
    let dpi = 200;
    let pages = synth::rasterise(&pdf, dpi, dir.path()).unwrap();
    assert_eq!(pages.len(), 6);
    let mut rng = Rng::new(22);
    let mut truths = Vec::new();
    let mut scanned = Vec::new();
    for (i, form) in pages.chunks(2).enumerate() {
        let mut form = form.to_vec();
        truths.push((i as i32 + 1, synth::fill_form(&mut form, dpi, &layout, &slots, &Respondent::ballpoint(), &mut rng)));
        for p in &form {
            let d = Damage { upside_down: i == 1, ..Damage::random(&mut rng) };
            let g = synth::damage(p, dpi, &d, &mut rng);
            scanned.push(PdfPage::Jpeg(synth::jpeg(&g, 60), g.width, g.height));
        }
    }
    let file = synth::pdf(&scanned);
    let decoded = decode::pages("may-photo.pdf", &file).unwrap();
    assert_eq!(decoded.len(), 6);
    let mut read: Vec<(i32, Vec<ykien::domain::survey_scan::ReadAnswer>)> = Vec::new();
    for (n, page) in decoded.into_iter().enumerate() {
        let page = page.unwrap();
        let got = read_page(&page, &layout, &slots);
        assert!(got.problem.is_none(), "page {}: {:?}", n + 1, got.problem);
        let qr = got.qr.unwrap();
        assert_eq!((qr.serial, qr.page, qr.round_code.as_str()), (n as i32 / 2 + 1, n as u32 % 2 + 1, "2026-01"));
        assert_eq!(got.upside_down, n / 2 == 1, "page {}", n + 1);
        match read.iter_mut().find(|(s, _)| *s == qr.serial) {
            Some((_, a)) => a.extend(got.answers),
            None => read.push((qr.serial, got.answers)),
        }
    }
    for (serial, truth) in &truths {
        let answers = &read.iter().find(|(s, _)| s == serial).unwrap().1;
        let accepted: Vec<_> = answers.iter().filter(|a| !a.review).collect();
        for a in &accepted {
            let t = truth.iter().find(|t| t.code == a.code).unwrap_or_else(|| panic!("{serial}: {} read but not in the truth", a.code));
            assert_eq!((a.state, a.value), (t.state, t.value), "form {serial}, {}: {a:?}", a.code);
        }
        let to_review = answers.len() - accepted.len();
        assert!(to_review <= 2, "form {serial}: {to_review} answers to review: {answers:?}");
        assert_eq!(boxes_only(truth).len(), answers.len(), "form {serial}: every box question read");
    }
}
