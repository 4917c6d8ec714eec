//! Scanned survey forms in the real window: forms the app printed, filled in by the seeded
//! simulated respondent and scanned as a copier does (`ykien::scan::synth`), added to their
//! round on «Đọc phiếu quét» (one file dropped on the page, one chosen); the form read without
//! doubt saved at once, the doubtful answer of the other confirmed from the keyboard beside
//! its crop, whose boxes are outlined in colour by what was read, the legend beside; both
//! forms then in the round, in the database with the source `scan`, and in the report's
//! figures of the period they were filled in.

use crate::harness::App;
use base64::Engine;
use fantoccini::key::Key;
use fantoccini::Locator;
use ykien::domain::survey_entry::{slots, EntrySlot};
use ykien::domain::survey_round::{SurveyLayout, SurveyRound};
use ykien::scan::grey::Grey;
use ykien::scan::synth::{self, Damage, PdfPage, Respondent, Rng};
use ykien::{AnswerState, Ledger, RoundInput};

/// A ledger at `db` with the demo office and a survey round of 2026, `forms` forms of it
/// printed, then drawn at `dpi` as a scanner sees paper: the round, where the forms' boxes
/// lie, the questions they answer, and the pages.
fn printed_round(db: &std::path::Path, forms: i32, dpi: u32, dir: &tempfile::TempDir) -> (Ledger, SurveyRound, SurveyLayout, Vec<EntrySlot>, Vec<Grey>) {
    let mut l = Ledger::open(db).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let input = RoundInput { name: "Khảo sát năm 2026".into(), period_from: "2026-01-01".into(), period_to: "2026-12-31".into(), template_key: "bm-qt-sct-05-02".into() };
    let r = l.create_survey_round(&input).unwrap();
    let pdf = l.print_survey_round(&r.id, forms).unwrap();
    let layout = l.survey_layout(&r.id).unwrap().unwrap();
    let slots = slots(&l.survey_entry_sheet(&r.id).unwrap().template);
    let pages = synth::rasterise(&pdf, dpi, dir.path()).unwrap();
    (l, r, layout, slots, pages)
}

/// A second clear cross drawn in box `value` of question `code`: two boxes ticked on the row.
fn cross(page: &mut Grey, layout: &ykien::domain::survey_round::SurveyLayout, code: &str, value: i32, dpi: f32) {
    let b = layout.boxes.iter().find(|b| b.code == code && b.value == value).expect("the box is printed");
    let k = dpi / 25.4;
    let (x, y, s) = (b.x * k, b.y * k, b.size * k);
    for i in 0..(s * 0.7) as usize {
        let t = s * 0.15 + i as f32;
        for w in 0..3 {
            page.set((x + t) as usize + w, (y + t) as usize, 20);
            page.set((x + s - t) as usize + w, (y + t) as usize, 20);
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_scanned_stack_is_read_into_its_round_and_a_doubt_confirmed_from_the_keyboard() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let dpi = 150;
    let (round_id, round_code, meant) = {
        let (_l, r, layout, slots, pages) = printed_round(&db, 2, dpi, &dir);
        let careful = Respondent { blank: 0.0, cancel: 0.0, twice: 0.0, stray: 0, ..Respondent::ballpoint() };
        let mut rng = Rng::new(25);
        let mut forms = Vec::new();
        let mut truths = Vec::new();
        for form in pages.chunks(2) {
            let mut form = form.to_vec();
            truths.push(synth::fill_form(&mut form, dpi, &layout, &slots, &careful, &mut rng));
            forms.push(form);
        }
        // Form 2: a second box crossed on the last question, the one the person settles.
        let chosen = truths[1].iter().find(|a| a.code == "cau_5").and_then(|a| a.value).unwrap();
        let other = if chosen == 1 { 2 } else { 1 };
        let on = layout.boxes.iter().find(|b| b.code == "cau_5").unwrap().page as usize - 1;
        cross(&mut forms[1][on], &layout, "cau_5", other, dpi as f32);
        let copier = |rng: &mut Rng| Damage { rotate: rng.range(-1.5, 1.5), shift: (rng.range(-2.0, 2.0), rng.range(-2.0, 2.0)), scale: 1.0, blur: 1, noise: 4.0, ..Default::default() };
        let first: Vec<PdfPage> = forms[0]
            .iter()
            .map(|p| {
                let g = synth::damage(p, dpi, &copier(&mut rng), &mut rng);
                PdfPage::Jpeg(synth::jpeg(&g, 75), g.width, g.height)
            })
            .collect();
        std::fs::write(dir.path().join("may photo 0001.pdf"), synth::pdf(&first)).unwrap();
        let second: Vec<PdfPage> = forms[1]
            .iter()
            .map(|p| {
                let g = synth::damage(p, dpi, &copier(&mut rng), &mut rng);
                PdfPage::Jpeg(synth::jpeg(&g, 75), g.width, g.height)
            })
            .collect();
        std::fs::write(dir.path().join("may photo 0002.pdf"), synth::pdf(&second)).unwrap();
        (r.id, r.code, chosen)
    };

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"surveys\"]").await;
    app.click("#tab-scan").await;
    app.wait_for("#scan-round").await;

    // One of the copier's PDFs dropped on the page, the other chosen in the file field.
    let pdf = std::fs::read(dir.path().join("may photo 0001.pdf")).unwrap();
    let drop = r"
        const [name, b64] = arguments;
        const bin = atob(b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const file = new File([bytes], name, { type: 'application/pdf' });
        let data;
        try { data = new DataTransfer(); data.items.add(file); } catch (e) { data = { files: [file], dropEffect: 'none' }; }
        const panel = document.getElementById('scan-panel');
        for (const type of ['dragover', 'drop']) {
            const event = new Event(type, { bubbles: true, cancelable: true });
            Object.defineProperty(event, 'dataTransfer', { value: data });
            panel.dispatchEvent(event);
        }";
    let b64 = base64::engine::general_purpose::STANDARD.encode(&pdf);
    app.client.execute(drop, vec!["may photo 0001.pdf".into(), b64.into()]).await.unwrap();
    app.wait_for_text("#scan-chosen", "may photo 0001.pdf").await;
    let chosen = dir.path().join("may photo 0002.pdf");
    app.wait_for("#scan-files").await.send_keys(chosen.to_str().unwrap()).await.unwrap();
    app.wait_for_text("#scan-chosen", "may photo 0002.pdf").await;
    app.click("#scan-read").await;

    // Form 1 read and saved; form 2's pages wait, the doubt named. Reading takes a while in
    // an unoptimised build on a busy machine: longer than the harness's usual wait.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    while app.client.find(Locator::Css("#scan-summary")).await.is_err() {
        assert!(std::time::Instant::now() < deadline, "the stack was not read within 180 s\n{}", app.body_text().await);
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    app.wait_for_text("#scan-summary", "Đã đọc 4 trang: lưu 1 phiếu; 2 trang chờ xem lại").await;
    let statuses = app.client.find_all(Locator::Css("#scan-pages tbody tr")).await.unwrap();
    assert_eq!(statuses.len(), 4);
    app.wait_for_text("#scan-queue-count", "1 phiếu (2 trang) chờ xem lại").await;
    app.screenshot("scan-read").await;

    // The review: only the doubtful questions; Enter accepts what was read, the crossed-twice
    // question is settled on the box the respondent meant.
    app.click("#scan-review").await;
    app.wait_for("#scan-review-grid").await;
    app.wait_for("#scan-review-image").await;
    let stops = app.client.find_all(Locator::Css(".stops li")).await.unwrap();
    let mut codes = Vec::new();
    for s in &stops {
        codes.push(s.attr("data-slot").await.unwrap().unwrap());
    }
    assert!(codes.contains(&"cau_5".to_owned()), "the doubled question is asked: {codes:?}");
    let grid = app.wait_for("#scan-review-grid").await;
    for code in &codes {
        app.wait_for(&format!(".now[data-slot=\"{code}\"]")).await;
        if code == "cau_5" {
            app.wait_for_text(".now .read-as", "Không hợp lệ (nhiều ô)").await;
            // The crop made by the core is in colour (PNG colour type 2: its boxes outlined),
            // and the legend names the four colours.
            app.wait_for("#scan-review-image[alt=\"Dòng câu hỏi trên bản quét\"]").await;
            let png_colour = r"
                const b64 = document.getElementById('scan-review-image').src.split(',')[1];
                return atob(b64.slice(0, 40)).charCodeAt(25);";
            assert_eq!(app.client.execute(png_colour, vec![]).await.unwrap().as_i64(), Some(2), "the crop is a colour picture");
            let legend = app.wait_for_text("#scan-review-legend", "Tô kín (hủy đánh dấu)").await;
            for words in ["Đọc là có đánh dấu", "Chưa chắc, cần xem lại", "Đọc là để trống"] {
                assert!(legend.contains(words), "{legend}");
            }
            app.screenshot("scan-review").await;
            grid.send_keys(&meant.to_string()).await.unwrap();
            app.wait_for(".now[data-slot=\"cau_5\"] .opt.chosen").await;
        }
        grid.send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    }
    app.wait_for("#scan-review-screen[data-phase=\"done\"]").await;
    app.click("#scan-review-close").await;
    app.wait_for("#scan-queue-empty").await;

    // Both forms in the round, and in the figures of the year they were filled in (this
    // year: a scanned form is dated the day it is read), counted as paper forms.
    app.click("#tab-rounds").await;
    app.wait_for_text(&format!("tr[data-round=\"{round_code}\"] [data-entered]"), "2").await;
    app.click("[data-nav=\"reports\"]").await;
    app.wait_for_text("#report-surveys", "2 phiếu · chỉ số hài lòng chung").await;
    let index_shown = app.wait_for("#survey-index").await.text().await.unwrap();
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    let forms = l.survey_responses(&round_id).unwrap();
    assert_eq!(forms.iter().map(|f| f.serial).collect::<Vec<_>>(), [1, 2]);
    assert!(forms.iter().all(|f| f.source == "scan"), "saved as read from their scans");
    let year = chrono::Datelike::year(&l.today());
    let figures = l.figures(&ykien::report::period::Period::year(year).unwrap()).unwrap().surveys;
    assert_eq!(figures.forms, 2);
    let index = figures.index.percent.map(|p| format!("{}%", ykien::report::annual::decimal(p))).expect("the forms have rated answers");
    assert_eq!(index_shown.trim(), index, "the window shows the core's index of the year");
    let q5 = forms[1].answers.iter().find(|a| a.code == "cau_5").unwrap();
    assert_eq!((q5.state, q5.value), (AnswerState::Chosen, Some(meant)));
    let audit = l.audit_search(&ykien::AuditFilter { entity: Some("scan_answer".into()), limit: 10, ..Default::default() }).unwrap();
    assert_eq!(audit.len(), 1, "the person's confirmation audited beside the reading");
}

/// A copier's black-and-white PDF of a form filled in with a pencil about as light as the
/// copier's threshold: ticks were lost whole, what is left of the others is broken, and the
/// form waits. The queue and the review screen tell the person to look at the paper form,
/// since the scan shows an empty box either way.
#[tokio::test(flavor = "multi_thread")]
async fn a_black_and_white_form_in_light_pencil_waits_and_the_review_names_the_paper() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    let dpi = 200;
    {
        let (mut l, r, layout, slots, mut form) = printed_round(&db, 1, dpi, &dir);
        let pencil = Respondent { ink: (135.0, 145.0), pressure: 10.0, blank: 0.0, cancel: 0.0, twice: 0.0, stray: 0, ..Respondent::ballpoint() };
        let mut rng = Rng::new(61);
        synth::fill_form(&mut form, dpi, &layout, &slots, &pencil, &mut rng);
        let scanned: Vec<PdfPage> = form
            .iter()
            .map(|p| {
                let d = Damage { rotate: rng.range(-1.0, 1.0), scale: 1.0, blur: 1, noise: 4.0, bilevel: true, ..Default::default() };
                let g = synth::damage(p, dpi, &d, &mut rng);
                PdfPage::Group4(synth::group4(&g), g.width, g.height)
            })
            .collect();
        let report = l.scan_survey_stack(&r.id, &[("may photo den trang.pdf".into(), synth::pdf(&scanned))], true, &|_, _| true).unwrap();
        assert_eq!((report.saved, report.waiting), (0, 2), "{:?}", report.pages);
    }

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"surveys\"]").await;
    app.click("#tab-scan").await;
    app.wait_for_text("#scan-queue", "đối chiếu với phiếu giấy").await;
    app.click("#scan-review").await;
    app.wait_for("#scan-review-image").await;
    app.wait_for_text("#scan-review-problem", "Trang quét đen trắng mà nét đánh dấu mờ hoặc đứt").await;
    app.screenshot("scan-review-paper").await;
    app.quit().await;
}
