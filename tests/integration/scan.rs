//! Reading returned survey forms from scans, on forms printed by the app, rasterised by
//! pdftoppm, filled by a seeded simulated respondent and damaged as copiers do (the harness of
//! `ykien::scan::synth`), then decoded from the files a copier writes. A small sample: the
//! accuracy at scale is the benchmark's (`benches/scan.rs`, BENCHMARKS.md).

use crate::temp_dir;
use chrono::NaiveDate;
use ykien::domain::survey_entry::{slots, EntrySlot};
use ykien::domain::survey_round::SurveyLayout;
use ykien::scan::grey::Grey;
use ykien::scan::synth::{self, Damage, PdfPage, Respondent, Rng};
use ykien::scan::read::Mark;
use ykien::scan::{crop, decode, read_page};
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

/// `forms` forms of round `r` printed, then drawn at `dpi` as a scanner sees paper (two pages
/// a form), with where their boxes lie and the questions they answer.
fn printed(l: &mut Ledger, r: &str, forms: i32, dpi: u32, dir: &tempfile::TempDir) -> (SurveyLayout, Vec<EntrySlot>, Vec<Grey>) {
    let pdf = l.print_survey_round(r, forms).unwrap();
    let layout = l.survey_layout(r).unwrap().unwrap();
    let slots = slots(&l.survey_entry_sheet(r).unwrap().template);
    (layout, slots, synth::rasterise(&pdf, dpi, dir.path()).unwrap())
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
    let dpi = 200;
    let (layout, slots, pages) = printed(&mut l, &r, 3, dpi, &dir);
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

fn ykien(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(db).args(args).output().unwrap()
}

fn json(o: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&String::from_utf8_lossy(&o.stdout)).unwrap_or_else(|e| panic!("{e}: {o:?}"))
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

/// A copier's light damage: a turn, a shift, a scale, blur and noise.
fn copier(rng: &mut Rng, upside_down: bool, bilevel: bool) -> Damage {
    Damage { rotate: rng.range(-2.0, 2.0), shift: (rng.range(-3.0, 3.0), rng.range(-3.0, 3.0)), scale: rng.range(0.98, 1.01), blur: 1, noise: 5.0, photocopy: false, bilevel, upside_down }
}

#[test]
fn a_scanned_stack_is_read_saved_and_reviewed_from_the_command_line() {
    let dir = temp_dir();
    let db = dir.path().join("cli.db");
    let mut l = ledger_at(&db);
    let r = round(&mut l);
    let dpi = 150;
    let (layout, slots, pages) = printed(&mut l, &r, 4, dpi, &dir);
    let mut rng = Rng::new(7);
    // Forms 1, 2 and 4 ticked and crossed with care; form 3 by someone who ticked two boxes
    // everywhere: every question of it waits for a person.
    let careful = Respondent { twice: 0.0, ..Respondent::ballpoint() };
    let twice = Respondent { twice: 1.0, blank: 0.0, cancel: 0.0, ..Respondent::ballpoint() };
    let mut forms = Vec::new();
    let mut truths = Vec::new();
    for (i, form) in pages.chunks(2).enumerate() {
        let mut form = form.to_vec();
        truths.push(synth::fill_form(&mut form, dpi, &layout, &slots, if i == 2 { &twice } else { &careful }, &mut rng));
        forms.push(form);
    }
    let damaged = |form: &[ykien::scan::grey::Grey], upside: bool, bilevel: bool, rng: &mut Rng| -> Vec<ykien::scan::grey::Grey> {
        form.iter().map(|p| synth::damage(p, dpi, &copier(rng, upside, bilevel), rng)).collect()
    };
    // Forms 1 and 2 (2 fed upside down) in a copier's PDF of JPEG pages; form 3 in a PDF of
    // Group 4 pages; form 4 in a multi-page TIFF; and a file that is no scan at all.
    let mut jpeg_pages = Vec::new();
    for (i, form) in forms[..2].iter().enumerate() {
        for g in damaged(form, i == 1, false, &mut rng) {
            jpeg_pages.push(PdfPage::Jpeg(synth::jpeg(&g, 70), g.width, g.height));
        }
    }
    let stack = dir.path().join("may photo 0001.pdf");
    std::fs::write(&stack, synth::pdf(&jpeg_pages)).unwrap();
    let g4: Vec<PdfPage> = damaged(&forms[2], false, true, &mut rng).iter().map(|g| PdfPage::Group4(synth::group4(g), g.width, g.height)).collect();
    let fax = dir.path().join("may photo 0002.pdf");
    std::fs::write(&fax, synth::pdf(&g4)).unwrap();
    let tiff = dir.path().join("phiếu 4.tif");
    std::fs::write(&tiff, synth::tiff(&damaged(&forms[3], false, false, &mut rng))).unwrap();
    let note = dir.path().join("ghi chú.txt");
    std::fs::write(&note, "không phải ảnh").unwrap();
    drop(l);
    let files = [stack.to_str().unwrap(), fax.to_str().unwrap(), tiff.to_str().unwrap(), note.to_str().unwrap()];

    // Read only: per page its file, page, serial, status and answers; the text file named
    // and skipped.
    let mut args = vec!["survey", "scan", "--round", "2026-01"];
    args.extend(files);
    args.push("--json");
    let read = json(&ykien(&db, &args));
    let pages = read["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 8, "{read}");
    assert_eq!(keys(&pages[0]), ["file", "page", "serial", "status", "answers"]);
    assert_eq!(keys(&pages[0]["answers"][0]), ["code", "state", "value", "confidence", "review"]);
    let serials: Vec<i64> = pages.iter().map(|p| p["serial"].as_i64().unwrap_or(0)).collect();
    assert_eq!(serials, [1, 1, 2, 2, 3, 3, 4, 4], "{read}");
    assert_eq!((pages[2]["file"].as_str(), pages[2]["page"].as_i64()), (Some("may photo 0001.pdf"), Some(3)));
    // Form 3's first page has only the options of a multiple choice, each its own question;
    // its second page has two ticks in every row.
    assert_eq!(pages[5]["status"], "needs_review", "{:?}", &pages[4..6]);
    assert!(pages[5]["answers"].as_array().unwrap().iter().any(|a| a["state"] == "spoiled" && a["review"] == true));
    assert_eq!(read["skipped"][0]["file"], "ghi chú.txt");
    assert!(read["skipped"][0]["message"].as_str().unwrap().contains("không phải ảnh quét"), "{}", read["skipped"]);
    assert_eq!(read["saved"], 0);
    assert!(json(&ykien(&db, &["survey", "responses", "--round", "2026-01", "--json"])).as_array().unwrap().is_empty(), "nothing saved without --save");

    // Saved: the forms read without doubt; the others wait.
    args.insert(4, "--save");
    let saved = json(&ykien(&db, &args));
    let clean: Vec<i64> = (1..=4).filter(|s| saved["pages"].as_array().unwrap().iter().filter(|p| p["serial"] == *s).all(|p| p["status"] == "read")).collect();
    assert!(clean.len() >= 2, "most careful forms read without doubt: {saved}");
    assert_eq!(saved["saved"].as_i64(), Some(clean.len() as i64));
    assert_eq!(saved["waiting"].as_i64(), Some(8 - 2 * clean.len() as i64));
    let responses = json(&ykien(&db, &["survey", "responses", "--round", "2026-01", "--json"]));
    for r in responses.as_array().unwrap() {
        let serial = r["serial"].as_i64().unwrap();
        let got: Vec<Answer> = serde_json::from_value(r["answers"].clone()).unwrap();
        // A follow-up not asked is saved as nothing, as keyboard entry saves it.
        let truth: Vec<Answer> = truths[serial as usize - 1].iter().filter(|t| t.state != AnswerState::Blank || got.iter().any(|g| g.code == t.code)).cloned().collect();
        assert_eq!(boxes_only(&got), boxes_only(&truth), "form {serial} saved as read");
    }
    let review = json(&ykien(&db, &["survey", "review", "--round", "2026-01", "--json"]));
    let waiting = review.as_array().unwrap();
    assert_eq!(waiting.len() as i64, saved["waiting"].as_i64().unwrap());
    assert!(waiting.iter().any(|p| p["serial"] == 3 && p["problem"].is_string()));

    // The same files again: each was read already (by its hash), nothing is read twice.
    let again = ykien(&db, &args);
    assert!(!again.status.success());
    let again = json(&again);
    assert_eq!(again["skipped"].as_array().unwrap().len(), 4);
    assert!(again["skipped"][0]["message"].as_str().unwrap().contains("đã được đọc"));

    // A person confirms form 3 from the queue: saved through entry's checks, each answer
    // marked as checked, the reading kept beside the final answers in the audit log.
    let mut l = ledger_at(&db);
    let waiting3: Vec<_> = l.survey_scan_review(&r).unwrap().into_iter().filter(|p| p.serial == Some(3)).collect();
    let form3: Vec<String> = waiting3.iter().map(|p| p.id.clone()).collect();
    assert_eq!(form3.len(), 2);
    // Its second page, with Câu hỏi 1's rows.
    let second = waiting3.iter().find(|p| p.form_page == Some(2)).unwrap().id.clone();
    let crop = l.scan_page_image(&second, Some("cau_1.1")).unwrap();
    assert!(crop.starts_with(b"\x89PNG") && crop.len() < 60_000, "a row's crop, not the page: {} bytes", crop.len());
    // In colour, its boxes outlined by what the reading kept of each: the row's outlines are
    // of the four readings' colours and nothing else is coloured.
    let rgb = image::load_from_memory(&crop).unwrap();
    assert!(matches!(rgb, image::DynamicImage::ImageRgb8(_)), "a colour crop");
    let rgb = rgb.to_rgb8();
    let colours = [Mark::Ticked, Mark::Doubtful, Mark::Empty, Mark::Filled].map(crop::colour);
    let coloured: Vec<[u8; 3]> = rgb.pixels().map(|p| p.0).filter(|[r, g, b]| r != g || g != b).collect();
    assert!(coloured.len() > 200, "outlines drawn: {} coloured pixels", coloured.len());
    assert!(coloured.iter().all(|c| colours.contains(c)), "only the readings' colours");
    // A page read before what its boxes were read as was kept (a database of an earlier
    // version): its crop reads the kept image again, and is outlined all the same.
    rusqlite::Connection::open(&db).unwrap().execute("UPDATE scan_page SET boxes = NULL WHERE id = ?1", [&second]).unwrap();
    let again = image::load_from_memory(&l.scan_page_image(&second, Some("cau_1.1")).unwrap()).unwrap().to_rgb8();
    let coloured_again = again.pixels().filter(|p| colours.contains(&p.0)).count();
    assert!(coloured_again > 200, "outlined from the kept image: {coloured_again} coloured pixels");
    // The person settles the last question on the second box.
    let mut answers = truths[2].clone();
    answers.retain(|a| a.code != "cau_5");
    answers.push(Answer::chosen("cau_5", 2));
    let input = ykien::domain::survey_scan::ScanConfirmInput { round_id: r.clone(), page_ids: form3.clone(), serial: "00003-7".into(), filled_on: String::new(), answers };
    let saved3 = l.confirm_scanned_form(&input).unwrap();
    assert_eq!(saved3.serial, 3);
    assert!(l.survey_scan_review(&r).unwrap().iter().all(|p| p.serial != Some(3)));
    assert!(matches!(l.confirm_scanned_form(&input), Err(ykien::Error::Conflict(_))), "a form leaves the queue once");
    let audit = l.audit_search(&ykien::AuditFilter { entity: Some("scan_answer".into()), limit: 10, ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].before.as_deref().unwrap().contains("spoiled") && audit[0].after.as_deref().unwrap().contains("chosen"), "{:?}", audit[0]);

    // Every form saved from its scan, read without doubt or confirmed, has the source `scan`,
    // and counts as a paper form: in the figures of its period when the office's index
    // counts paper forms only, and in the export, which names the source in words.
    let saved = l.survey_responses(&r).unwrap();
    assert_eq!(saved.len(), clean.len() + 1);
    assert!(saved.iter().all(|f| f.source == "scan"), "{:?}", saved.iter().map(|f| &f.source).collect::<Vec<_>>());
    let mut settings = l.settings().unwrap();
    settings.survey_index_source = ykien::domain::settings::IndexSource::Paper;
    l.save_settings(&settings).unwrap();
    let filled: chrono::NaiveDate = saved[0].filled_on.parse().unwrap();
    let period = ykien::report::period::Period::year(chrono::Datelike::year(&filled)).unwrap();
    let surveys = l.figures(&period).unwrap().surveys;
    assert_eq!(surveys.forms as usize, saved.len(), "the scanned forms counted");
    let paper = surveys.by_source.expect("each source apart when one only is counted");
    let paper = paper.iter().find(|s| s.key == "paper").unwrap();
    assert_eq!((paper.forms as usize, paper.counted), (saved.len(), true), "counted as paper forms");
    assert_eq!(surveys.index, paper.index);
    let out = dir.path().join("phiếu.xlsx");
    l.export_survey_responses(&r, &out).unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&out).unwrap();
    let sheet = book.worksheet_range("Phiếu khảo sát").unwrap();
    let how: Vec<String> = sheet.rows().skip(1).map(|row| row[2].to_string()).collect();
    assert_eq!(how, vec!["Đọc từ phiếu quét".to_string(); saved.len()]);
}

fn ledger_at(db: &std::path::Path) -> Ledger {
    let mut l = Ledger::open(db).unwrap();
    if l.office().unwrap().is_none() {
        l.save_office(&ykien::demo::demo_office()).unwrap();
    }
    l
}

#[test]
fn the_copiers_folder_is_read_into_the_open_round_each_file_once_and_emptied() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l);
    let dpi = 150;
    let (layout, slots, pages) = printed(&mut l, &r, 2, dpi, &dir);
    let careful = Respondent { blank: 0.0, cancel: 0.0, twice: 0.0, stray: 0, ..Respondent::ballpoint() };
    let mut rng = Rng::new(31);
    let mut forms = Vec::new();
    for form in pages.chunks(2) {
        let mut form = form.to_vec();
        synth::fill_form(&mut form, dpi, &layout, &slots, &careful, &mut rng);
        forms.push(form.iter().map(|p| synth::damage(p, dpi, &copier(&mut rng, false, false), &mut rng)).collect::<Vec<_>>());
    }

    // Nothing is watched until a folder is set; a folder that does not exist is refused.
    assert!(l.read_scan_inbox(std::time::Duration::ZERO, "hệ thống").unwrap().is_none());
    assert!(!l.scan_inbox_waiting(std::time::Duration::ZERO).unwrap());
    let inbox = dir.path().join("Máy photo");
    let missing = ykien::domain::survey_scan::ScanInbox { folder: Some(inbox.display().to_string()), round_id: None };
    assert!(matches!(l.set_scan_inbox(&missing), Err(ykien::Error::Validation { .. })));
    std::fs::create_dir(&inbox).unwrap();
    l.set_scan_inbox(&missing).unwrap();

    // The copier writes form 1 a page a file (JPEG), form 2 as a PDF, and someone drops a
    // note there too.
    for (i, g) in forms[0].iter().enumerate() {
        std::fs::write(inbox.join(format!("scan_0001_{}.jpg", i + 1)), synth::jpeg(g, 75)).unwrap();
    }
    let second: Vec<PdfPage> = forms[1].iter().map(|g| PdfPage::Jpeg(synth::jpeg(g, 75), g.width, g.height)).collect();
    let second = synth::pdf(&second);
    std::fs::write(inbox.join("scan_0002.pdf"), &second).unwrap();
    std::fs::write(inbox.join("ghi chú.txt"), "không phải ảnh").unwrap();
    std::fs::write(inbox.join("hỏng.pdf"), "%PDF-1.4 cắt ngang").unwrap();

    // A file the copier wrote a moment ago waits: it may not be finished.
    assert!(l.read_scan_inbox(std::time::Duration::from_secs(3600), "hệ thống").unwrap().is_none());
    assert!(!l.scan_inbox_waiting(std::time::Duration::from_secs(3600)).unwrap());
    assert!(l.scan_inbox_waiting(std::time::Duration::ZERO).unwrap(), "the watchers are told scans wait");
    let pass = l.read_scan_inbox(std::time::Duration::ZERO, "hệ thống (thư mục phiếu quét)").unwrap().expect("files were there");
    assert_eq!(pass.round_code, "2026-01", "the round open today (20/11/2026)");
    assert_eq!(pass.files, ["hỏng.pdf", "scan_0001_1.jpg", "scan_0001_2.jpg", "scan_0002.pdf"]);
    assert_eq!(pass.report.pages.len(), 4);
    assert_eq!(pass.report.skipped.len(), 1, "{:?}", pass.report.skipped);
    let saved = l.survey_responses(&r).unwrap();
    let waiting = l.survey_scan_review(&r).unwrap();
    assert_eq!(saved.len() * 2 + waiting.len(), 4, "every page saved or waiting: {waiting:?}");
    assert!(!saved.is_empty(), "a form split over two files is still one form");

    // The folder is emptied but for what is not a scan; the files lie in «Đã đọc» and
    // «Bỏ qua».
    let names = |d: &std::path::Path| {
        let mut v: Vec<String> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    };
    assert_eq!(names(&inbox), ["Bỏ qua", "ghi chú.txt", "Đã đọc"]);
    assert_eq!(names(&inbox.join("Đã đọc")), ["scan_0001_1.jpg", "scan_0001_2.jpg", "scan_0002.pdf"]);
    assert_eq!(names(&inbox.join("Bỏ qua")), ["hỏng.pdf"]);

    // Nothing new: nothing done. The same scan put there again is not read twice; it is
    // moved aside under a name of its own.
    assert!(l.read_scan_inbox(std::time::Duration::ZERO, "hệ thống").unwrap().is_none());
    std::fs::write(inbox.join("scan_0002.pdf"), &second).unwrap();
    let again = l.read_scan_inbox(std::time::Duration::ZERO, "hệ thống").unwrap().unwrap();
    assert!(again.report.pages.is_empty());
    assert!(again.report.skipped[0].message.contains("đã được đọc"), "{:?}", again.report.skipped);
    assert_eq!(names(&inbox.join("Bỏ qua")), ["hỏng.pdf", "scan_0002.pdf"]);
    assert_eq!(l.survey_responses(&r).unwrap().len(), saved.len());
    let audit = l.audit_search(&ykien::AuditFilter { entity: Some("scan_file".into()), limit: 10, ..Default::default() }).unwrap();
    assert!(audit.iter().all(|a| a.actor == "hệ thống (thư mục phiếu quét)"), "written in the inbox's name: {audit:?}");

    // A scan waiting with no round to take it (none set, none open that day): the watchers
    // learn it on the open database, before opening a connection; the file stays.
    l.set_clock(Some(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap().and_hms_opt(9, 0, 0).unwrap()));
    std::fs::write(inbox.join("scan_0003.pdf"), &second).unwrap();
    assert!(matches!(l.scan_inbox_waiting(std::time::Duration::ZERO), Err(ykien::Error::Validation { .. })));
    assert!(inbox.join("scan_0003.pdf").exists());
}

/// The copier's folder as `ykien serve` watches it, a real server process on loopback: a
/// copier's PDF dropped into the folder is read within seconds, once the copier has finished
/// writing it, into the round set for the folder, and moved to «Đã đọc»; its forms are saved
/// (source `scan`) or wait in the review queue, written in the server's name.
#[test]
fn the_server_reads_a_copiers_pdf_dropped_into_its_folder() {
    use std::time::{Duration, Instant};
    let dir = temp_dir();
    let db = dir.path().join("máy chủ.db");
    let inbox = dir.path().join("Máy photo tầng 2");
    std::fs::create_dir(&inbox).unwrap();
    let mut l = ledger_at(&db);
    let r = round(&mut l);
    let dpi = 150;
    let (layout, slots, mut form) = printed(&mut l, &r, 1, dpi, &dir);
    // The round named: the test does not depend on which round is open on the day it runs.
    l.set_scan_inbox(&ykien::domain::survey_scan::ScanInbox { folder: Some(inbox.display().to_string()), round_id: Some(r.clone()) }).unwrap();
    drop(l);
    let careful = Respondent { blank: 0.0, cancel: 0.0, twice: 0.0, stray: 0, ..Respondent::ballpoint() };
    let mut rng = Rng::new(44);
    synth::fill_form(&mut form, dpi, &layout, &slots, &careful, &mut rng);
    let scanned: Vec<PdfPage> = form
        .iter()
        .map(|p| synth::damage(p, dpi, &copier(&mut rng, false, false), &mut rng))
        .map(|g| PdfPage::Jpeg(synth::jpeg(&g, 75), g.width, g.height))
        .collect();
    let server = crate::server::Server::start(&db);

    let dropped = Instant::now();
    std::fs::write(inbox.join("scan_0001.pdf"), synth::pdf(&scanned)).unwrap();
    let read = inbox.join(ykien::scan::INBOX_READ).join("scan_0001.pdf");
    while !read.exists() {
        assert!(dropped.elapsed() < Duration::from_secs(90), "the copier's PDF was not read from the folder");
        std::thread::sleep(Duration::from_millis(250));
    }
    // Not before the copier could have finished writing it.
    assert!(dropped.elapsed() >= ykien::scan::INBOX_QUIET, "read after {:?}", dropped.elapsed());
    assert!(!inbox.join("scan_0001.pdf").exists());
    drop(server);

    let l = ledger_at(&db);
    let saved = l.survey_responses(&r).unwrap();
    let waiting = l.survey_scan_review(&r).unwrap();
    assert_eq!(saved.len() * 2 + waiting.len(), 2, "the form saved, or its pages waiting: {waiting:?}");
    assert!(saved.iter().all(|f| f.source == "scan"));
    let audit = l.audit_search(&ykien::AuditFilter { entity: Some("scan_file".into()), limit: 10, ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].actor.contains("máy chủ, thư mục phiếu quét"), "written in the server's name: {}", audit[0].actor);
}

/// A copier's black-and-white PDF (Group 4) of forms filled in with a dark pen: the ticks of
/// each form, whole, show its empty boxes to be blanks, and the forms are saved without a
/// person, a first page that holds only Section II's two options left empty included. The
/// same forms filled in with a pencil lighter than the copier's threshold lose ticks whole:
/// what is left of their ticks is broken or doubtful, and their blanks wait for a person.
#[test]
fn a_black_and_white_stack_is_saved_when_its_ticks_show_a_dark_pen_and_waits_when_they_do_not() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l);
    let dpi = 200;
    let (layout, slots, pages) = printed(&mut l, &r, 4, dpi, &dir);
    let mut rng = Rng::new(61);
    // Forms 1 and 2 in ballpoint, some questions left blank; forms 3 and 4 in a pencil about
    // as light as the copier's threshold (grey 150).
    let pen = Respondent { twice: 0.0, cancel: 0.0, blank: 0.2, ..Respondent::ballpoint() };
    let pencil = Respondent { ink: (135.0, 145.0), pressure: 10.0, ..pen.clone() };
    let mut scanned = Vec::new();
    let mut truths = Vec::new();
    for (i, form) in pages.chunks(2).enumerate() {
        let mut form = form.to_vec();
        truths.push(synth::fill_form(&mut form, dpi, &layout, &slots, if i < 2 { &pen } else { &pencil }, &mut rng));
        for p in &form {
            let g = synth::damage(p, dpi, &copier(&mut rng, false, true), &mut rng);
            scanned.push(PdfPage::Group4(synth::group4(&g), g.width, g.height));
        }
    }
    // Form 1's first page: both options of Section II left empty, nothing on the page to
    // show the pen.
    assert!(truths[0].iter().filter(|a| a.code.starts_with("noi_dung_giao_dich")).all(|a| a.state == AnswerState::Blank), "{:?}", truths[0]);
    let report = l.scan_survey_stack(&r, &[("may photo den trang.pdf".into(), synth::pdf(&scanned))], true, &|_, _| true).unwrap();
    let status = |serial: i32| -> Vec<ykien::domain::survey_scan::PageStatus> { report.pages.iter().filter(|p| p.serial == Some(serial)).map(|p| p.status).collect() };
    use ykien::domain::survey_scan::PageStatus::{NeedsReview, Read};
    assert_eq!((status(1), status(2)), (vec![Read, Read], vec![Read, Read]), "{:?}", report.pages);
    assert_eq!(report.saved, 2);
    let saved = l.survey_responses(&r).unwrap();
    for f in &saved {
        let truth: Vec<Answer> = truths[f.serial as usize - 1].iter().filter(|t| t.state != AnswerState::Blank || f.answers.iter().any(|g| g.code == t.code)).cloned().collect();
        assert_eq!(boxes_only(&f.answers), boxes_only(&truth), "form {} saved as filled in", f.serial);
    }
    // The pencil: every answer accepted from it is right, and what it lost waits.
    for serial in [3, 4] {
        assert!(status(serial).contains(&NeedsReview), "form {serial}: {:?}", report.pages);
        let truth = &truths[serial as usize - 1];
        for page in report.pages.iter().filter(|p| p.serial == Some(serial)) {
            for a in page.answers.iter().filter(|a| !a.review) {
                let t = truth.iter().find(|t| t.code == a.code).unwrap();
                assert_eq!((a.state, a.value), (t.state, t.value), "form {serial}, {}: accepted wrongly", a.code);
            }
        }
    }
    assert_eq!(report.waiting, 4);
    // The queue says why: the scan shows an empty box either way, the paper tells.
    let waiting = l.survey_scan_review(&r).unwrap();
    let paper = |p: &ykien::domain::survey_scan::ReviewPage| p.problem.as_deref().is_some_and(|m| m.contains("đối chiếu với phiếu giấy"));
    assert!(waiting.iter().filter(|p| p.serial == Some(4)).all(paper), "{waiting:?}");
}

/// A sheet fed askew and off centre: on its first page the copier cut the top of the
/// top-left corner mark and the right of the top-right one, on its second the left of the
/// bottom-left mark and the bottom of the bottom-right one (and a corner of its QR code).
/// Each mark the edge cuts is placed from the sides the scan keeps, and the form is read
/// and saved as filled in.
#[test]
fn a_sheet_fed_askew_until_two_corner_marks_are_cut_is_read_and_saved() {
    let dir = temp_dir();
    let mut l = ledger(&dir);
    let r = round(&mut l);
    let dpi = 200;
    let (layout, slots, pages) = printed(&mut l, &r, 1, dpi, &dir);
    let mut rng = Rng::new(7);
    let pen = Respondent { twice: 0.0, cancel: 0.0, blank: 0.0, ..Respondent::ballpoint() };
    let mut form = pages.clone();
    let truth = synth::fill_form(&mut form, dpi, &layout, &slots, &pen, &mut rng);
    let askew = [(2.5, (4.0, -7.0)), (2.5, (-4.0, 6.5))];
    let mut scanned = Vec::new();
    for (p, (rotate, shift)) in form.iter().zip(askew) {
        let g = synth::damage(p, dpi, &Damage { rotate, shift, scale: 1.0, blur: 1, noise: 4.0, ..Damage::default() }, &mut rng);
        // The cut marks touch the scan's edges: dark pixels in its first or last row or column
        // within 30 mm of the corner.
        let near = (30.0 * dpi as f32 / 25.4) as usize;
        let dark = |xs: std::ops::Range<usize>, ys: std::ops::Range<usize>| ys.clone().any(|y| xs.clone().any(|x| g.get(x, y) < 100));
        let (w, h) = (g.width, g.height);
        let cut = match scanned.len() {
            0 => dark(0..near, 0..1) && dark(w - 1..w, 0..near),
            _ => dark(0..1, h - near..h) && dark(w - near..w, h - 1..h),
        };
        assert!(cut, "page {}: two marks cut by the scan's edges", scanned.len() + 1);
        scanned.push(PdfPage::Jpeg(synth::jpeg(&g, 75), g.width, g.height));
    }
    let report = l.scan_survey_stack(&r, &[("lech.pdf".into(), synth::pdf(&scanned))], true, &|_, _| true).unwrap();
    assert!(report.pages.iter().all(|p| p.serial == Some(1) && p.status == ykien::domain::survey_scan::PageStatus::Read), "{:?}", report.pages);
    assert_eq!(report.saved, 1);
    let saved = l.survey_responses(&r).unwrap();
    let truth: Vec<Answer> = truth.into_iter().filter(|t| t.state != AnswerState::Blank || saved[0].answers.iter().any(|g| g.code == t.code)).collect();
    assert_eq!(boxes_only(&saved[0].answers), boxes_only(&truth), "saved as filled in");
}
