//! Period bundles between offices: three offices of the demo generator (different seeds)
//! send their bundles of a year to a consolidating office, whose figures are the sum of
//! theirs; what a bundle refuses to be imported as; what it never carries.

use crate::temp_dir;
use chrono::NaiveDate;
use serde_json::Value;
use std::path::{Path, PathBuf};
use ykien::bundle::consolidate::ConsolidatedFigures;
use ykien::report::figures::{percent, Figures, FiguresReport};
use ykien::report::period::Period;
use ykien::store::bundle::ConsolidationSettings;
use ykien::{Error, FeedbackFilter, Ledger};

const YEAR: i32 = 2026;

fn today() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(YEAR + 1, 1, 20).unwrap().and_hms_opt(9, 0, 0).unwrap()
}

/// A small office of the demo generator: a year of cases and survey forms drawn from `seed`.
fn office(seed: u64) -> Ledger {
    let mut l = Ledger::open_in_memory().unwrap();
    l.set_clock(Some(today()));
    ykien::demo::scale::fill_sized(&mut l, 1, 240, 90, seed, &|_, _, _| {}).unwrap();
    l
}

fn year_bundle(l: &mut Ledger, dir: &Path, name: &str, with_records: bool) -> PathBuf {
    let path = dir.join(name);
    let made = l.export_bundle(&format!("{YEAR}-01-01"), &format!("{YEAR}-12-31"), with_records, &path).unwrap();
    assert_eq!(made.path, path.display().to_string());
    path
}

fn consolidating() -> Ledger {
    let mut l = Ledger::open_in_memory().unwrap();
    l.set_clock(Some(today()));
    let office = ykien::OfficeProfile {
        name: "Ủy ban nhân dân huyện Krông Pắc".into(),
        parent_agency: "Ủy ban nhân dân tỉnh Đắk Lắk".into(),
        place_name: "Krông Pắc".into(),
        ..ykien::OfficeProfile::blank()
    };
    l.save_office(&office).unwrap();
    l.save_consolidation_settings(&ConsolidationSettings { consolidating: true, inbox: None }).unwrap();
    l
}

fn refusal(e: Error) -> (String, String) {
    match e {
        Error::Validation { field, message } => (field, message),
        other => panic!("not a refusal: {other:?}"),
    }
}

/// Every string of a JSON value, keys included.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            strings(x, out)
        }),
        _ => {}
    }
}

/// What a consolidating office keeps of the bundles, and its audit log's length: a refused
/// import must change neither.
fn state(l: &mut Ledger) -> (Vec<ykien::store::bundle::ImportedBundle>, i32) {
    (l.imported_bundles().unwrap(), l.audit_chain().unwrap().entries)
}

#[test]
fn three_offices_consolidate_to_the_sum_of_their_own_figures() {
    let dir = temp_dir();
    let mut offices: Vec<Ledger> = [11, 22, 33].into_iter().map(office).collect();
    let own: Vec<FiguresReport> = offices.iter().map(|l| l.figures_report(&Period::year(YEAR).unwrap()).unwrap()).collect();
    assert!(own.iter().all(|r| r.figures.feedback.total > 0 && r.figures.surveys.forms > 0), "each office has figures");
    assert_ne!(own[0].figures.feedback.by_kind, own[1].figures.feedback.by_kind, "different seeds, different offices");

    let mut c = consolidating();
    let mut files = Vec::new();
    for (i, l) in offices.iter_mut().enumerate() {
        let key = l.bundle_key().unwrap();
        assert_eq!(key.fingerprint.len(), 64);
        c.trust_office(&format!("Đơn vị {}", i + 1), &key.grouped.to_lowercase()).unwrap();
        files.push(year_bundle(l, dir.path(), &format!("don-vi-{}.ykb", i + 1), true));
    }
    // An office registered that has not sent its bundle yet.
    c.trust_office("UBND xã Chưa Gửi", &ykien::bundle::format::fingerprint(&[9; 32])).unwrap();
    for f in &files {
        let imported = c.import_bundle(&std::fs::read(f).unwrap(), None).unwrap();
        assert_eq!(imported.outcome, "imported");
        assert!(imported.bundle.records > 0, "the records came with the figures");
    }

    let all: ConsolidatedFigures = c.consolidated_figures(YEAR, &[]).unwrap();
    assert_eq!(all.offices.len(), 3);
    assert_eq!(all.missing.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(), ["UBND xã Chưa Gửi"]);
    // Each office side by side is its own figures, as it computed them.
    for (side, mine) in all.offices.iter().zip(&own) {
        assert_eq!(side.report.figures.feedback, mine.figures.feedback);
        assert_eq!(side.report.figures.complaints, mine.figures.complaints);
        assert_eq!(side.report.figures.surveys.index, mine.figures.surveys.index);
        assert_eq!(side.report.changes, mine.changes);
        assert_eq!(side.report.quarter_surveys, mine.quarter_surveys);
    }

    let total = all.total.as_ref().expect("a total");
    let t = &total.figures;
    let sum = |f: &dyn Fn(&Figures) -> u32| own.iter().map(|r| f(&r.figures)).sum::<u32>();
    assert_eq!(t.feedback.total, sum(&|f| f.feedback.total));
    for (i, k) in t.feedback.by_kind.iter().enumerate() {
        assert_eq!(k.count, sum(&|f| f.feedback.by_kind[i].count), "{}", k.label);
    }
    assert_eq!(t.feedback.by_unit.iter().map(|u| u.count).sum::<u32>(), t.feedback.total);
    assert_eq!(t.complaints.received, sum(&|f| f.complaints.received));
    assert_eq!(t.complaints.closed, sum(&|f| f.complaints.closed));
    assert_eq!(t.complaints.open_at_end, sum(&|f| f.complaints.open_at_end));
    assert_eq!(t.complaints.overdue_at_end, sum(&|f| f.complaints.overdue_at_end));
    let on_time = (sum(&|f| f.complaints.replied_on_time.count), sum(&|f| f.complaints.replied_on_time.of));
    assert_eq!((t.complaints.replied_on_time.count, t.complaints.replied_on_time.of), on_time);
    assert_eq!(t.complaints.replied_on_time.percent, percent(on_time.0, on_time.1));
    // The median over every office's closed complaints, not a mean of their medians.
    let mut days: Vec<u32> = own.iter().flat_map(|r| r.figures.complaints.days_to_close.clone()).collect();
    days.sort_unstable();
    assert_eq!(days.len() as u32, t.complaints.closed);
    assert_eq!(t.complaints.median_days_to_close, ykien::report::collect::median(&days));

    // The satisfaction index by hand, from the answers summed: on BM.QT.SCT.05-02 the first
    // two levels (Tốt, Đạt yêu cầu) of each rated criterion are satisfied.
    assert_eq!(t.surveys.forms, sum(&|f| f.surveys.forms));
    let (mut satisfied, mut valid) = (0, 0);
    for r in &own {
        for tf in &r.figures.surveys.templates {
            for slot in tf.slots.iter().filter(|s| s.rated) {
                satisfied += slot.levels.iter().take(2).map(|l| l.count).sum::<u32>();
                valid += slot.levels.iter().map(|l| l.count).sum::<u32>();
            }
        }
    }
    assert!(valid > 0);
    assert_eq!((t.surveys.index.count, t.surveys.index.of), (satisfied, valid));
    assert_eq!(t.surveys.index.percent, percent(satisfied, valid));
    let mean_of_indexes = own.iter().filter_map(|r| r.figures.surveys.index.percent).sum::<f64>() / 3.0;
    assert!(t.surveys.index.percent.is_some_and(|p| (p - mean_of_indexes).abs() < 5.0), "a plausible index");

    // The quarters and the year before, summed as the year is.
    assert_eq!(total.quarters.len(), 4);
    for (i, q) in total.quarters.iter().enumerate() {
        assert_eq!(q.feedback.total, own.iter().map(|r| r.quarters[i].feedback.total).sum::<u32>());
    }
    assert_eq!(total.year_before.feedback.total, own.iter().map(|r| r.year_before.feedback.total).sum::<u32>());
    let q_forms: u32 = own.iter().map(|r| r.quarter_surveys[0].quarter.forms).sum();
    assert_eq!(total.quarter_surveys[0].quarter.forms, q_forms);
    assert_eq!(total.changes.iter().find(|x| x.key == "feedback_total").and_then(|x| x.current), Some(f64::from(t.feedback.total)));

    // Two offices chosen by their fingerprint's first digits and by name.
    let fp = c.trusted_offices().unwrap().into_iter().find(|o| o.name == "Đơn vị 2").unwrap().fingerprint;
    let two = c.consolidated_figures(YEAR, &[fp[..8].to_owned(), "Đơn vị 3".into()]).unwrap();
    assert_eq!(two.offices.len(), 2);
    assert!(two.missing.is_empty());
    assert_eq!(two.total.unwrap().figures.feedback.total, own[1].figures.feedback.total + own[2].figures.feedback.total);
    assert!(c.consolidated_figures(YEAR, &["không có".into()]).is_err());

    // The consolidated annual report: PDF/A, Word and Excel.
    for (name, magic) in [("tong-hop.pdf", &b"%PDF"[..]), ("tong-hop.docx", b"PK"), ("tong-hop.xlsx", b"PK")] {
        let path = dir.path().join(name);
        c.save_consolidated_report(YEAR, &path).unwrap();
        assert!(std::fs::read(&path).unwrap().starts_with(magic), "{name}");
    }
    let print = ykien::bundle::report::consolidated_report(&all, &Default::default()).unwrap();
    let per_office = print.sections.iter().find(|s| s.heading == "V. Số liệu của từng đơn vị").expect("the offices' section");
    let tables: Vec<&Vec<Vec<String>>> =
        per_office.blocks.iter().filter_map(|b| if let ykien::pdf::forms::Block::Table { rows, .. } = b { Some(rows) } else { None }).collect();
    assert_eq!(tables.len(), 3, "a table per figure");
    assert!(tables.iter().all(|rows| rows.len() == 4 && rows[3][1] == "Tổng cộng"));
    assert_eq!(tables[0][3][2], t.feedback.total.to_string());
    assert!(per_office.blocks.iter().any(|b| matches!(b, ykien::pdf::forms::Block::Paragraph(p) if p.contains("UBND xã Chưa Gửi"))));
    assert!(ykien::bundle::report::consolidated_report(&ConsolidatedFigures { total: None, ..all.clone() }, &Default::default()).is_none());
}

#[test]
fn no_personal_data_travels_in_a_bundle() {
    let dir = temp_dir();
    let mut l = office(7);
    let path = year_bundle(&mut l, dir.path(), "don-vi.ykb", true);
    // The citizens' names, organisations and phone numbers, and the staff's names.
    let mut secrets: Vec<String> = Vec::new();
    let rows = l.feedback(&FeedbackFilter { limit: Some(10_000), ..FeedbackFilter::default() }).unwrap().rows;
    assert!(rows.len() > 100);
    for r in &rows {
        secrets.push(r.customer_name.clone());
        secrets.push(r.customer_org.clone());
        secrets.extend(r.receiver_name.clone());
        let contact = l.case_contact(&r.id).unwrap();
        secrets.push(contact.customer_phone.clone());
        secrets.push(contact.customer_email.clone());
        // An address in the office's own town is a place name the office's profile carries.
        if !l.office().unwrap().unwrap().address.contains(&contact.customer_address) {
            secrets.push(contact.customer_address.clone());
        }
    }
    secrets.retain(|s| s.chars().count() >= 5 && s != ykien::NO_NAME);
    secrets.sort();
    secrets.dedup();
    assert!(secrets.iter().any(|s| s.chars().filter(char::is_ascii_digit).count() >= 9), "phone numbers among them");

    let file = std::fs::read(&path).unwrap();
    let v = ykien::bundle::format::read(&file).unwrap();
    let payload = ykien::bundle::payload(&v.head, v.body, None).unwrap();
    assert!(payload.cases.as_ref().is_some_and(|c| c.len() == rows.iter().filter(|r| r.received_at.starts_with("2026")).count()));
    let mut texts = Vec::new();
    strings(&serde_json::to_value(&v.head).unwrap(), &mut texts);
    strings(&serde_json::to_value(&payload).unwrap(), &mut texts);
    assert!(texts.len() > 1000, "every text value searched: {}", texts.len());
    for s in &secrets {
        let found: Vec<&String> = texts.iter().filter(|t| t.contains(s.as_str())).collect();
        assert!(found.is_empty(), "«{s}» is in the bundle: {found:?}");
    }
    let raw = String::from_utf8_lossy(&file);
    assert!(secrets.iter().all(|s| !raw.contains(s.as_str())));
}

#[test]
fn a_bundle_refused_changes_nothing_and_a_newer_one_replaces_the_older_whole() {
    let dir = temp_dir();
    let mut a = office(1);
    let mut c = consolidating();
    let key = a.bundle_key().unwrap();
    let older = year_bundle(&mut a, dir.path(), "cu.ykb", true);
    std::thread::sleep(std::time::Duration::from_millis(5));
    let newer = year_bundle(&mut a, dir.path(), "moi.ykb", false);
    let bytes = |p: &Path| std::fs::read(p).unwrap();

    // From an office not registered.
    let before = state(&mut c);
    let (_, why) = refusal(c.import_bundle(&bytes(&older), None).unwrap_err());
    assert!(why.contains("khoá chưa đăng ký") && why.contains(&key.grouped), "{why}");
    assert_eq!(state(&mut c), before);

    c.trust_office("UBND phường Tân Lập", &key.fingerprint).unwrap();
    assert_eq!(c.import_bundle(&bytes(&older), None).unwrap().outcome, "imported");
    let first = state(&mut c);
    assert!(first.0[0].records > 0);

    // One byte changed, in the body, the head, or the signature.
    let good = bytes(&newer);
    for at in [good.len() / 2, 40, good.len() - 10] {
        let mut altered = good.clone();
        altered[at] ^= 0x20;
        let (field, why) = refusal(c.import_bundle(&altered, None).unwrap_err());
        assert_eq!(field, "bundle");
        assert!(why.contains("đã bị thay đổi"), "byte {at}: {why}");
        assert_eq!(state(&mut c), first);
    }
    // Without its signature.
    let end = good.windows(11).rposition(|w| w == b"\nSIGNATURE ").unwrap();
    let (_, why) = refusal(c.import_bundle(&good[..end], None).unwrap_err());
    assert!(why.contains("không có chữ ký"), "{why}");
    assert_eq!(state(&mut c), first);

    // The newer replaces the older whole (its records gone with it); the older is then
    // refused, and the newer again changes nothing.
    let replaced = c.import_bundle(&good, None).unwrap();
    assert_eq!(replaced.outcome, "replaced");
    assert_eq!(replaced.bundle.records, 0, "the newer was sent without records");
    let second = state(&mut c);
    assert_eq!(second.0.len(), 1);
    let (_, why) = refusal(c.import_bundle(&bytes(&older), None).unwrap_err());
    assert!(why.contains("cũ hơn gói đã nhập"), "{why}");
    assert_eq!(state(&mut c), second);
    assert_eq!(c.import_bundle(&good, None).unwrap().outcome, "unchanged");
    assert_eq!(state(&mut c), second, "the same bundle again changes nothing");

    // Of a newer schema than this version reads: signed by an office registered here.
    let v = ykien::bundle::format::read(&good).unwrap();
    let payload = ykien::bundle::payload(&v.head, v.body, None).unwrap();
    let secret = [5u8; 32];
    let public = ed25519_dalek::SigningKey::from_bytes(&secret).verifying_key().to_bytes();
    c.trust_office("Trung tâm mới", &ykien::bundle::format::fingerprint(&public)).unwrap();
    let after_trust = state(&mut c);
    let schema = ykien::store::migrate::SCHEMA_VERSION + 1;
    let future = ykien::bundle::write(&payload, "2099-01-01T00:00:00.000Z", schema, &secret, None).unwrap();
    let (_, why) = refusal(c.import_bundle(&future, None).unwrap_err());
    assert!(why.contains("phiên bản Ý Kiến mới hơn"), "{why}");
    assert_eq!(state(&mut c), after_trust);

    // An office that is not a consolidating office imports nothing.
    let (field, _) = refusal(a.import_bundle(&good, None).unwrap_err());
    assert_eq!(field, "consolidating");
}

#[test]
fn an_encrypted_office_seals_its_bundle_and_an_imported_one_is_read_only() {
    let dir = temp_dir();
    let db = dir.path().join("don-vi.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.set_clock(Some(today()));
        ykien::demo::scale::fill_sized(&mut l, 1, 60, 20, 3, &|_, _, _| {}).unwrap();
        l.encryption_on("mật khẩu của phường").unwrap();
    }
    let mut l = ykien::Database::new(&db).with_passphrase(Some("mật khẩu của phường")).open().unwrap();
    l.set_clock(Some(today()));
    let key = l.bundle_key().unwrap();
    let path = year_bundle(&mut l, dir.path(), "kin.ykb", true);
    let file = std::fs::read(&path).unwrap();
    let v = ykien::bundle::format::read(&file).unwrap();
    assert!(v.head.encrypted);
    assert!(ykien::bundle::payload(&v.head, v.body, None).is_err());

    let cdb = dir.path().join("tong-hop.db");
    let mut c = Ledger::open(&cdb).unwrap();
    c.save_consolidation_settings(&ConsolidationSettings { consolidating: true, inbox: None }).unwrap();
    c.trust_office("Phường Tân Lập", &key.fingerprint).unwrap();
    let before = state(&mut c);
    let (field, _) = refusal(c.import_bundle(&file, None).unwrap_err());
    assert_eq!(field, "passphrase");
    let (_, why) = refusal(c.import_bundle(&file, Some("sai mật khẩu")).unwrap_err());
    assert!(why.contains("không đúng"), "{why}");
    assert_eq!(state(&mut c), before);
    let imported = c.import_bundle(&file, Some("mật khẩu của phường")).unwrap();
    assert_eq!(imported.outcome, "imported");
    let figures = c.consolidated_figures(YEAR, &[]).unwrap();
    assert_eq!(figures.total.unwrap().figures.feedback, l.figures(&Period::year(YEAR).unwrap()).unwrap().feedback);
    drop(c);

    // What another office sent is its record: the file itself refuses to change it.
    let conn = rusqlite::Connection::open(&cdb).unwrap();
    let e = conn.execute("UPDATE bundle_import SET office_name = 'khác'", []).unwrap_err();
    assert!(e.to_string().contains("read-only"), "{e}");
    assert!(conn.execute("UPDATE bundle_record SET data = '{}'", []).is_err());
}

/// The command line: an office of the demo (with accounts) sends its year to a new database
/// made a consolidating office, which lists it beside an office that has not sent.
#[test]
fn the_command_line_exports_trusts_imports_and_shows_the_offices_side_by_side() {
    use std::process::Command;
    let dir = temp_dir();
    let (office, tonghop) = (dir.path().join("xa.db"), dir.path().join("tonghop.db"));
    let run = |db: &Path, login: Option<&str>, args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_ykien"));
        c.arg("--db").arg(db).arg("--json");
        if let Some(login) = login {
            c.args(["--as", login]).env("YKIEN_PASSWORD", ykien::demo::DEMO_PASSWORD);
        }
        let out = c.args(args).output().unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (out.status.code(), json)
    };
    assert_eq!(run(&office, None, &["demo"]).0, Some(0));
    let year = chrono::Local::now().format("%Y").to_string();
    let (code, key) = run(&office, Some("qmr"), &["bundle", "key"]);
    assert_eq!(code, Some(0), "{key}");
    let fingerprint = key["fingerprint"].as_str().unwrap().to_owned();
    let file = dir.path().join("xa.ykb");
    let file = file.to_str().unwrap();
    let (from, to) = (format!("{year}-01-01"), format!("{year}-12-31"));
    let (code, made) = run(&office, Some("qmr"), &["bundle", "export", "--from", &from, "--to", &to, "--out", file]);
    assert_eq!(code, Some(0), "{made}");
    assert_eq!((made["fingerprint"].as_str(), made["encrypted"].as_bool(), made["cases"].as_u64()), (Some(fingerprint.as_str()), Some(false), Some(0)));

    assert_eq!(run(&tonghop, None, &["init"]).0, Some(0));
    let (code, refused) = run(&tonghop, None, &["bundle", "trust", "--name", "UBND xã", "--key", &fingerprint]);
    assert_eq!((code, refused["error"]["field"].as_str()), (Some(1), Some("consolidating")));
    assert_eq!(run(&tonghop, None, &["bundle", "consolidating", "on"]).1["consolidating"], true);
    let (code, refused) = run(&tonghop, None, &["bundle", "import", file]);
    assert_eq!(code, Some(1));
    assert!(refused["error"]["message"].as_str().unwrap().contains("khoá chưa đăng ký"), "{refused}");
    assert_eq!(run(&tonghop, None, &["bundle", "trust", "--name", "UBND xã Hoà Phú", "--key", &fingerprint]).0, Some(0));
    let other = ykien::bundle::format::fingerprint(&[3; 32]);
    assert_eq!(run(&tonghop, None, &["bundle", "trust", "--name", "UBND xã Chưa Gửi", "--key", &other]).0, Some(0));
    let (code, imported) = run(&tonghop, None, &["bundle", "import", file]);
    assert_eq!((code, imported["outcome"].as_str()), (Some(0), Some("imported")), "{imported}");
    assert_eq!(run(&tonghop, None, &["bundle", "import", file]).1["outcome"], "unchanged");
    assert_eq!(run(&tonghop, None, &["bundle", "list"]).1[0]["office"], "UBND xã Hoà Phú");
    assert_eq!(run(&tonghop, None, &["bundle", "offices"]).1.as_array().map(Vec::len), Some(2));

    let (code, side) = run(&tonghop, None, &["report", "figures", "--year", &year, "--offices", "all"]);
    assert_eq!(code, Some(0), "{side}");
    let (_, own) = run(&office, Some("qmr"), &["report", "figures", "--year", &year]);
    assert_eq!(side["offices"][0]["report"]["figures"]["feedback"], own["figures"]["feedback"]);
    assert_eq!(side["total"]["figures"]["feedback"]["total"], own["figures"]["feedback"]["total"]);
    assert_eq!(side["total"]["figures"]["surveys"]["index"], own["figures"]["surveys"]["index"]);
    assert_eq!(side["missing"][0]["name"], "UBND xã Chưa Gửi");
    let (code, one) = run(&tonghop, None, &["report", "figures", "--year", &year, "--offices", &fingerprint[..8]]);
    assert_eq!((code, one["missing"].as_array().map(Vec::len)), (Some(0), Some(0)));
}

/// The inbox folder of a consolidating office, watched by `ykien serve` (the app watches it
/// the same way): a bundle copied in slowly is read only once whole; one accepted goes into
/// «Đã nhận», one refused into «Không nhận» with its reason kept and listed; the same bundle
/// dropped again changes nothing.
#[test]
fn the_server_imports_the_bundles_dropped_into_its_inbox_folder() {
    use std::time::{Duration, Instant};
    use ykien::bundle::inbox::{RECEIVED, REFUSED};
    let dir = temp_dir();
    let inbox = dir.path().join("Hộp thư gói số liệu");
    std::fs::create_dir(&inbox).unwrap();
    let (mut sender, mut stranger) = (office(11), office(22));
    let db = dir.path().join("tonghop.db");
    {
        let mut c = Ledger::open(&db).unwrap();
        c.save_office(&ykien::OfficeProfile { name: "Sở Nội vụ".into(), place_name: "Đắk Lắk".into(), ..ykien::OfficeProfile::blank() }).unwrap();
        let settings = ConsolidationSettings { consolidating: true, inbox: Some(inbox.display().to_string()) };
        c.save_consolidation_settings(&settings).unwrap();
        c.trust_office("UBND xã Hoà Phú", &sender.bundle_key().unwrap().fingerprint).unwrap();
    }
    let sent = std::fs::read(year_bundle(&mut sender, dir.path(), "xa.ykb", true)).unwrap();
    let unknown = std::fs::read(year_bundle(&mut stranger, dir.path(), "la.ykb", false)).unwrap();
    let server = crate::server::Server::start(&db);

    // Copied in pieces, half a second apart, over several of the watcher's looks.
    let copying = inbox.join("Hoà Phú 2026.ykb");
    let pieces: Vec<&[u8]> = sent.chunks(sent.len().div_ceil(10)).collect();
    let mut file = std::fs::File::create(&copying).unwrap();
    for piece in pieces {
        std::io::Write::write_all(&mut file, piece).unwrap();
        file.sync_all().unwrap();
        std::thread::sleep(Duration::from_millis(500));
    }
    drop(file);
    std::fs::write(inbox.join("khong-ro.ykb"), &unknown).unwrap();
    let left = || {
        std::fs::read_dir(&inbox).unwrap().filter_map(|e| e.ok()).filter(|e| e.path().extension().is_some_and(|x| x == "ykb")).count()
    };
    let wait_empty = || {
        let start = Instant::now();
        while left() > 0 {
            assert!(start.elapsed() < Duration::from_secs(60), "the inbox folder was not emptied");
            std::thread::sleep(Duration::from_millis(200));
        }
    };
    wait_empty();
    assert!(inbox.join(RECEIVED).join("Hoà Phú 2026.ykb").exists());
    assert!(inbox.join(REFUSED).join("khong-ro.ykb").exists());
    // The same bundle again: read, changes nothing, kept beside the first under another name.
    std::fs::write(inbox.join("Hoà Phú 2026.ykb"), &sent).unwrap();
    wait_empty();
    assert!(inbox.join(RECEIVED).join("Hoà Phú 2026 (2).ykb").exists());
    drop(server);

    let c = Ledger::open(&db).unwrap();
    let imported = c.imported_bundles().unwrap();
    assert_eq!(imported.len(), 1);
    assert_eq!((imported[0].office.as_str(), imported[0].from.as_str()), ("UBND xã Hoà Phú", "2026-01-01"));
    assert!(imported[0].records > 0, "the records came with the figures");
    let log = c.inbox_log().unwrap();
    let outcomes: Vec<(&str, &str)> = log.iter().map(|e| (e.file_name.as_str(), e.outcome.as_str())).collect();
    assert_eq!(outcomes, [("Hoà Phú 2026.ykb", "unchanged"), ("khong-ro.ykb", "refused"), ("Hoà Phú 2026.ykb", "imported")]);
    let refused = &log[1];
    assert!(refused.reason.as_deref().unwrap().contains("khoá chưa đăng ký"), "{refused:?}");
    assert_eq!(refused.moved_to, inbox.join(REFUSED).join("khong-ro.ykb").display().to_string());
    assert_eq!((log[2].office.as_deref(), log[2].to.as_deref()), (Some("UBND xã Hoà Phú"), Some("2026-12-31")));
    assert!(log.iter().all(|e| e.reason.is_none() == (e.outcome != "refused")));
}

/// A number of an office on the side-by-side page opens the records its bundle carried
/// behind it (none, said so, for a bundle of figures only); the consolidated annual report
/// printed or saved as PDF is archived as the office's own annual report is.
#[test]
fn an_office_figure_opens_its_records_and_the_consolidated_report_is_archived() {
    let dir = temp_dir();
    let (mut full, mut bare) = (office(5), office(6));
    let mut c = consolidating();
    c.trust_office("UBND xã Ea Kly", &full.bundle_key().unwrap().fingerprint).unwrap();
    c.trust_office("UBND xã Ea Phê", &bare.bundle_key().unwrap().fingerprint).unwrap();
    c.import_bundle(&std::fs::read(year_bundle(&mut full, dir.path(), "ea-kly.ykb", true)).unwrap(), None).unwrap();
    c.import_bundle(&std::fs::read(year_bundle(&mut bare, dir.path(), "ea-phe.ykb", false)).unwrap(), None).unwrap();
    let own = full.figures_report(&Period::year(YEAR).unwrap()).unwrap().figures;

    let cases = c.office_records("UBND xã Ea Kly", YEAR, "cases").unwrap();
    assert!(cases.with_records);
    assert_eq!(cases.total, own.feedback.total);
    assert_eq!(cases.cases.len() as u32, own.feedback.total.min(ykien::RECORDS_SHOWN as u32));
    assert!(cases.cases.windows(2).all(|w| w[0].received_on <= w[1].received_on));
    assert!(cases.cases.iter().all(|x| x.received_on.starts_with("2026")));
    let complaints = c.office_records(&cases.office.id, YEAR, "complaints").unwrap();
    assert_eq!(complaints.total, own.complaints.received);
    assert!(complaints.total > 0 && complaints.cases.iter().all(|x| ["complaint", "grievance", "appeal"].contains(&x.kind.as_str())));
    let forms = c.office_records(&cases.office.fingerprint[..8], YEAR, "forms").unwrap();
    assert_eq!(forms.total, own.surveys.forms);
    assert!(forms.forms.iter().all(|f| !f.answers.is_empty()));

    let figures_only = c.office_records("UBND xã Ea Phê", YEAR, "cases").unwrap();
    assert_eq!((figures_only.with_records, figures_only.total), (false, 0));
    assert!(c.office_records("UBND xã Ea Phê", YEAR - 1, "cases").is_err(), "no bundle of that year");
    assert!(c.office_records("UBND xã Ea Phê", YEAR, "ten").is_err());

    // Saved as PDF and printed: both archived, byte for byte; the Word copy to edit is not.
    assert!(c.archived_reports().unwrap().is_empty());
    let pdf = dir.path().join("tong-hop.pdf");
    c.save_consolidated_report(YEAR, &pdf).unwrap();
    c.save_consolidated_report(YEAR, &dir.path().join("tong-hop.docx")).unwrap();
    let printed = c.print(&ykien::PrintJob::ConsolidatedReport { year: YEAR }).unwrap();
    assert!(printed.file_name.starts_with("bao-cao-tong-hop-cac-don-vi-2026"));
    let archive = c.archived_reports().unwrap();
    assert_eq!(archive.len(), 2);
    assert!(archive.iter().all(|a| a.kind == "consolidated" && a.period_from == "2026-01-01" && a.period_to == "2026-12-31"));
    let saved = std::fs::read(&pdf).unwrap();
    assert!(archive.iter().any(|a| c.archived_report_pdf(&a.id).unwrap() == saved));
    assert!(archive.iter().any(|a| c.archived_report_pdf(&a.id).unwrap() == printed.bytes));
    assert_eq!(archive.iter().find(|a| c.archived_report_pdf(&a.id).unwrap() == saved).unwrap().sha256, ykien::domain::digest::sha256_hex(&saved));
}
