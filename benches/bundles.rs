//! Benchmark of consolidation: 100 offices of district scale (a year of 5,000 cases and 2,000
//! survey forms each) send their bundle of the year to one consolidating office, which
//! imports them all and computes their figures side by side with the total, and the
//! consolidated annual report.
//!
//! One district office is generated (`demo::scale`, the whole year before "today"); its bundle
//! is re-signed with 100 keys, as 100 offices' bundles: what the consolidating office does
//! (verify, unseal, store, read back and sum) costs the same whatever the figures say.
//!
//! `cargo bench --bench bundles` (YKIEN_BENCH_OFFICES=N for another number of offices). Prints
//! a table; the figures of record are in BENCHMARKS.md.

mod common;
use common::ms;
use std::time::Instant;
use ykien::bundle::{self, format};
use ykien::demo::scale::{self, Scale};
use ykien::store::bundle::ConsolidationSettings;
use ykien::Ledger;

fn main() {
    let offices: usize = std::env::var("YKIEN_BENCH_OFFICES").ok().and_then(|v| v.parse().ok()).unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap().and_hms_opt(9, 0, 0).unwrap();

    let started = Instant::now();
    let mut office = Ledger::open(dir.path().join("huyen.db")).unwrap();
    office.set_clock(Some(today));
    scale::fill(&mut office, Scale::District, 1, &|_, _, _| {}).unwrap();
    eprintln!("one district office generated in {:.1} s", started.elapsed().as_secs_f64());

    let (figures_only, with_records) = (dir.path().join("so-lieu.ykb"), dir.path().join("ho-so.ykb"));
    let t = Instant::now();
    office.export_bundle("2026-01-01", "2026-12-31", false, &figures_only).unwrap();
    let export_ms = ms(t.elapsed());
    let t = Instant::now();
    let made = office.export_bundle("2026-01-01", "2026-12-31", true, &with_records).unwrap();
    let export_records_ms = ms(t.elapsed());
    let size = |p: &std::path::Path| std::fs::metadata(p).unwrap().len();

    // The 100 offices' bundles: the same content, each signed with its own key.
    let file = std::fs::read(&figures_only).unwrap();
    let v = format::read(&file).unwrap();
    let mut payload = bundle::payload(&v.head, v.body, None).unwrap();
    let schema = ykien::store::migrate::SCHEMA_VERSION;
    let mut files = Vec::new();
    let mut keys = Vec::new();
    for i in 0..offices {
        let mut secret = [0u8; 32];
        secret[..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
        payload.office.name = format!("Đơn vị số {}", i + 1);
        files.push(bundle::write(&payload, &v.head.made_at, schema, &secret, None).unwrap());
        let public = ed25519_dalek::SigningKey::from_bytes(&secret).verifying_key().to_bytes();
        keys.push(format::fingerprint(&public));
    }

    let mut c = Ledger::open(dir.path().join("tinh.db")).unwrap();
    c.set_clock(Some(today));
    c.save_office(&ykien::OfficeProfile { name: "Sở Nội vụ".into(), place_name: "Đắk Lắk".into(), ..ykien::OfficeProfile::blank() }).unwrap();
    c.save_consolidation_settings(&ConsolidationSettings { consolidating: true, inbox: None }).unwrap();
    for (i, k) in keys.iter().enumerate() {
        c.trust_office(&format!("Đơn vị số {}", i + 1), k).unwrap();
    }
    let t = Instant::now();
    for f in &files {
        assert_eq!(c.import_bundle(f, None).unwrap().outcome, "imported");
    }
    let import_ms = ms(t.elapsed());
    let t = Instant::now();
    let all = c.consolidated_figures(2026, &[]).unwrap();
    let consolidate_ms = ms(t.elapsed());
    assert_eq!(all.offices.len(), offices);
    let one = office.figures(&ykien::report::period::Period::year(2026).unwrap()).unwrap();
    assert_eq!(all.total.as_ref().unwrap().figures.feedback.total, one.feedback.total * offices as u32);
    let t = Instant::now();
    c.save_consolidated_report(2026, &dir.path().join("tong-hop.pdf")).unwrap();
    let report_ms = ms(t.elapsed());
    let t = Instant::now();
    for f in &files {
        assert_eq!(c.import_bundle(f, None).unwrap().outcome, "unchanged");
    }
    let again_ms = ms(t.elapsed());

    println!("| operation | n | time |");
    println!("| --- | ---: | ---: |");
    println!("| a district office's bundle of a year, figures only ({} KB) | 1 | {export_ms:.0} ms |", size(&figures_only).div_ceil(1024));
    println!(
        "| the same with its records ({} cases, {} forms; {} KB) | 1 | {export_records_ms:.0} ms |",
        made.cases,
        made.forms,
        size(&with_records).div_ceil(1024)
    );
    println!("| import {offices} offices' bundles (verify, store, audit) | {offices} | {import_ms:.0} ms |");
    println!("| their figures side by side and the total | 1 | {consolidate_ms:.0} ms |");
    println!("| import, then side by side (the goal: < 5 s) | 1 | {:.0} ms |", import_ms + consolidate_ms);
    println!("| the consolidated annual report PDF | 1 | {report_ms:.0} ms |");
    println!("| the same {offices} bundles again (nothing changes) | {offices} | {again_ms:.0} ms |");
}
