//! The accuracy and speed of reading returned survey forms from scans, on the seeded synthetic
//! stack (`ykien::scan::synth`): forms printed by the app, rasterised at 150, 200 and 300 dpi,
//! filled by simulated respondents, damaged as copiers do, packed as copiers write them, then
//! decoded and read as `ykien survey scan` does (without storing).
//!
//! `cargo bench --bench scan` (YKIEN_BENCH_SCAN_FORMS=N forms per cell, default 10;
//! YKIEN_BENCH_SCAN_STYLE=ballpoint|careless, default both, or `changing`: the careless
//! respondent with a pen drawn anew for every question; YKIEN_BENCH_SCAN_WRONG=1 prints each
//! answer accepted wrongly or sent to review with its boxes' measures, and each page not
//! identified with why; YKIEN_BENCH_SCAN_BLANKS=1 prints each answer read blank with its
//! darkest box's faint share above its page's empty boxes; YKIEN_BENCH_SCAN_UNREAD=DIR writes
//! each page not identified, as decoded, to DIR as a PNG, with the round's layout). Prints a
//! table by resolution and damage, and the share of answers sent to review at 200–300 dpi;
//! the figures of record are in BENCHMARKS.md. The thresholds were tuned on the
//! ballpoint respondent; the careless one (light pencil, marks past the box, stray strokes) is
//! the held-out set.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use ykien::domain::survey_entry::{slots, AnswerState};
use ykien::scan::synth::{self, Damage, PdfPage, Respondent, Rng};
use ykien::scan::read::Mark;
use ykien::scan::{decode, read_page};
use ykien::{Ledger, RoundInput};

#[derive(Default)]
struct Tally {
    pages: usize,
    identified: usize,
    wrong_serial: usize,
    answers: usize,
    accepted: usize,
    accepted_wrong: usize,
    review: usize,
    forms: usize,
    forms_right_unreviewed: usize,
    time: Duration,
}

fn main() {
    let per_cell: usize = std::env::var("YKIEN_BENCH_SCAN_FORMS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let style = std::env::var("YKIEN_BENCH_SCAN_STYLE").unwrap_or_default();
    let blanks = std::env::var_os("YKIEN_BENCH_SCAN_BLANKS").is_some();
    let unread_dir = std::env::var_os("YKIEN_BENCH_SCAN_UNREAD").map(std::path::PathBuf::from);
    let dir = tempfile::tempdir().unwrap();
    let mut l = Ledger::open(dir.path().join("bench.db")).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let input = RoundInput { name: "Khảo sát".into(), period_from: "2026-01-01".into(), period_to: "2026-12-31".into(), template_key: "bm-qt-sct-05-02".into() };
    let round = l.create_survey_round(&input).unwrap();
    let pdf = l.print_survey_round(&round.id, per_cell as i32).unwrap();
    let layout = l.survey_layout(&round.id).unwrap().unwrap();
    let slots = slots(&l.survey_entry_sheet(&round.id).unwrap().template);
    if let Some(d) = &unread_dir {
        std::fs::create_dir_all(d).unwrap();
        std::fs::write(d.join("layout.json"), serde_json::to_vec_pretty(&layout).unwrap()).unwrap();
    }
    let damages = ["clean", "copier", "photocopy, JPEG 40", "1-bit, Group 4"];
    let mut styles = vec![("ballpoint", Respondent::ballpoint()), ("careless", Respondent::careless())];
    if style == "changing" {
        // The careless respondent with a pen drawn anew for every question.
        styles = vec![("changing", Respondent { one_pen: false, ..Respondent::careless() })];
    }
    styles.retain(|(n, _)| style.is_empty() || *n == style);
    let mut table: BTreeMap<(String, u32, usize), Tally> = BTreeMap::new();
    for &dpi in &[150u32, 200, 300] {
        let raster = synth::rasterise(&pdf, dpi, dir.path()).unwrap();
        for (si, (style_name, who)) in styles.iter().enumerate() {
            for (di, damage_name) in damages.iter().enumerate() {
                let mut rng = Rng::new(1000 * u64::from(dpi) + 10 * si as u64 + di as u64);
                let t = table.entry((style_name.to_string(), dpi, di)).or_default();
                let mut files = Vec::new();
                let mut truths = Vec::new();
                for form in raster.chunks(layout.pages as usize) {
                    let mut form = form.to_vec();
                    truths.push(synth::fill_form(&mut form, dpi, &layout, &slots, who, &mut rng));
                    let mut pages = Vec::new();
                    for p in &form {
                        let mut d = match di {
                            0 => Damage { scale: 1.0, ..Damage::default() },
                            _ => Damage::random(&mut rng),
                        };
                        if di == 2 {
                            d.photocopy = true;
                        }
                        if di == 3 {
                            d.bilevel = true;
                        }
                        let g = synth::damage(p, dpi, &d, &mut rng);
                        pages.push(match di {
                            3 => PdfPage::Group4(synth::group4(&g), g.width, g.height),
                            2 => PdfPage::Jpeg(synth::jpeg(&g, 40), g.width, g.height),
                            _ => PdfPage::Jpeg(synth::jpeg(&g, 75), g.width, g.height),
                        });
                    }
                    files.push(synth::pdf(&pages));
                }
                for (fi, file) in files.iter().enumerate() {
                    let serial = fi as i32 + 1;
                    let truth = &truths[fi];
                    let start = Instant::now();
                    let pages = decode::pages("bench.pdf", file).unwrap();
                    let mut read = Vec::new();
                    let mut boxes = Vec::new();
                    let mut identified = true;
                    let mut levels = Vec::new();
                    let mut greys = Vec::new();
                    let mut gots: Vec<_> = pages
                        .map(|page| {
                            let page = page.unwrap();
                            let got = read_page(&page, &layout, &slots);
                            if unread_dir.is_some() {
                                greys.push(page);
                            }
                            got
                        })
                        .collect();
                    // The form's pages together, as `ykien survey scan` judges a form.
                    let ink = ykien::scan::form_ink(gots.iter().map(|g| g.ink));
                    for got in gots.iter_mut() {
                        if let Some(answers) = ykien::scan::answers_by_form(got.ink, ink, &slots, &got.boxes) {
                            got.answers = answers;
                        }
                    }
                    for (pi, got) in gots.into_iter().enumerate() {
                        if let (Some(d), None) = (&unread_dir, &got.qr) {
                            let name = format!("{style_name}-{dpi}-{di}-{serial}-{}.png", pi + 1);
                            std::fs::write(d.join(name), greys[pi].png()).unwrap();
                        }
                        if blanks {
                            let faint = ykien::scan::read::faint_level(&got.boxes);
                            levels.extend(got.boxes.iter().map(|b| (b.code.clone(), faint)));
                        }
                        t.pages += 1;
                        match &got.qr {
                            Some(q) if q.serial == serial => t.identified += 1,
                            Some(_) => {
                                t.wrong_serial += 1;
                                identified = false;
                            }
                            None => {
                                identified = false;
                                if std::env::var_os("YKIEN_BENCH_SCAN_WRONG").is_some() {
                                    eprintln!("unidentified {style_name} {dpi} {damage_name} form {serial}: {}", got.problem.as_deref().unwrap_or(""));
                                }
                            }
                        }
                        read.extend(got.answers);
                        boxes.extend(got.boxes);
                    }
                    t.time += start.elapsed();
                    t.forms += 1;
                    let mut all_right = identified;
                    for a in truth.iter().filter(|a| a.state != AnswerState::Text) {
                        t.answers += 1;
                        if blanks {
                            // Every answer read blank: its darkest box's faint share above its
                            // page's empty boxes (the margin of `read::FAINT_FROM`).
                            if let (Some(r), Some((_, level))) = (read.iter().find(|r| r.code == a.code && r.state == AnswerState::Blank), levels.iter().find(|l| l.0 == a.code)) {
                                let top = boxes.iter().filter(|b| b.code == a.code && b.mark != Mark::Filled).map(|b| b.measure.faint).fold(0.0, f32::max);
                                eprintln!("blank\t{style_name}\t{dpi}\t{damage_name}\t{serial}\t{}\t{:?}\t{}\t{:.4}", a.code, a.state, r.review, top - level);
                            }
                        }
                        match read.iter().find(|r| r.code == a.code) {
                            Some(r) if !r.review => {
                                t.accepted += 1;
                                if (r.state, r.value) != (a.state, a.value) {
                                    t.accepted_wrong += 1;
                                    all_right = false;
                                    if std::env::var_os("YKIEN_BENCH_SCAN_WRONG").is_some() {
                                        let mine: Vec<String> = boxes.iter().filter(|b| b.code == a.code).map(|b| format!("{}:{:.3}/{:.3}/{:.3}/{:?}", b.value, b.measure.share, b.measure.solid, b.measure.faint, b.mark)).collect();
                                        eprintln!("{style_name} {dpi} {damage_name} form {serial} {}: read {:?} {:?}, truth {:?} {:?}; {}", a.code, r.state, r.value, a.state, a.value, mine.join(" "));
                                    }
                                }
                            }
                            Some(r) => {
                                t.review += 1;
                                all_right = false;
                                if std::env::var_os("YKIEN_BENCH_SCAN_WRONG").is_some() {
                                    let mine: Vec<String> = boxes.iter().filter(|b| b.code == a.code).map(|b| format!("{}:{:.3}/{:.3}/{:.3}/{:?}", b.value, b.measure.share, b.measure.solid, b.measure.faint, b.mark)).collect();
                                    eprintln!("review {style_name} {dpi} {damage_name} form {serial} {}: proposed {:?} {:?}, truth {:?} {:?}; {}", a.code, r.state, r.value, a.state, a.value, mine.join(" "));
                                }
                            }
                            None => {
                                t.review += 1;
                                all_right = false;
                            }
                        }
                    }
                    if all_right {
                        t.forms_right_unreviewed += 1;
                    }
                }
            }
        }
    }
    println!("| marks | dpi | damage | pages identified | wrong serials | answers | accepted and wrong per 1,000 | to review | forms right without review | pages a minute |");
    println!("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut total = Tally::default();
    // The goal's share: answers sent to review of all read at 200–300 dpi.
    let mut goal = Tally::default();
    for ((style, dpi, di), t) in &table {
        let per_min = t.pages as f64 / t.time.as_secs_f64() * 60.0;
        println!(
            "| {style} | {dpi} | {} | {}/{} | {} | {} | {:.2} | {:.1} % | {}/{} | {:.0} |",
            damages[*di],
            t.identified,
            t.pages,
            t.wrong_serial,
            t.answers,
            t.accepted_wrong as f64 * 1000.0 / t.accepted.max(1) as f64,
            t.review as f64 * 100.0 / t.answers.max(1) as f64,
            t.forms_right_unreviewed,
            t.forms,
            per_min
        );
        total.pages += t.pages;
        total.time += t.time;
        total.accepted += t.accepted;
        total.accepted_wrong += t.accepted_wrong;
        total.wrong_serial += t.wrong_serial;
        if *dpi >= 200 {
            goal.answers += t.answers;
            goal.review += t.review;
        }
    }
    println!(
        "\nAll: {} pages in {:.1} s ({:.0} pages a minute, decoding and reading, one thread); {} wrong serials; {} accepted answers wrong of {}.",
        total.pages,
        total.time.as_secs_f64(),
        total.pages as f64 / total.time.as_secs_f64() * 60.0,
        total.wrong_serial,
        total.accepted_wrong,
        total.accepted
    );
    println!("At 200–300 dpi: {} of {} answers to review ({:.1} %).", goal.review, goal.answers, goal.review as f64 * 100.0 / goal.answers.max(1) as f64);
}
