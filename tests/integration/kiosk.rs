//! Rating kiosks at the desks, as a tablet meets the office server: the real `ykien serve` on
//! a real file over HTTPS on loopback, the kiosk registered with the command line as an
//! administrator's desk, the tablet's calls made as its page makes them. A device token rates
//! its desk and does nothing else; an unarmed kiosk's tap is refused; a double tap is one
//! rating; a tap kept while the server was down arrives once after it restarts; and the
//! figures by source equal a count made by hand.

use crate::server::{client, demo_copy, feedback, Server};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;
use ykien::commands::TABLE;
use ykien::demo::DEMO_PASSWORD;

const YKIEN: &str = env!("CARGO_BIN_EXE_ykien");

/// `ykien --server … --pin … --as LOGIN ARGS… --json`, as an administrator's desk runs it.
fn cli_at(server: &Server, login: &str, args: &[&str]) -> Value {
    let pin: String = server.pin.iter().map(|b| format!("{b:02X}")).collect();
    let out = Command::new(YKIEN)
        .args(["--server", &server.url, "--pin", &pin, "--as", login, "--json"])
        .args(args)
        .env("YKIEN_PASSWORD", DEMO_PASSWORD)
        .env_remove("YKIEN_SERVER")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "ykien {args:?}: {text} {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("ykien {args:?} printed no JSON ({e}): {text}"))
}

/// The tablet: its connection, and its device token once paired.
struct Tablet {
    http: reqwest::blocking::Client,
    url: String,
    token: Option<String>,
}

impl Tablet {
    fn new(server: &Server) -> Tablet {
        Tablet { http: client(server.pin, Some(std::time::Duration::from_secs(30))), url: server.url.clone(), token: None }
    }

    fn request(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> reqwest::Result<(u16, Value)> {
        let mut r = self.http.request(method, format!("{}{path}", self.url)).header("X-Ykien", "1");
        if let Some(t) = &self.token {
            r = r.bearer_auth(t);
        }
        if let Some(b) = body {
            r = r.json(&b);
        }
        let response = r.send()?;
        let status = response.status().as_u16();
        Ok((status, response.json().unwrap_or(Value::Null)))
    }

    fn pair(&mut self, code: &str) -> (u16, Value) {
        let (status, body) = self.request(reqwest::Method::POST, "/api/kiosk/pair", Some(json!({ "code": code }))).unwrap();
        if status == 200 {
            self.token = Some(body["token"].as_str().unwrap().to_owned());
        }
        (status, body)
    }

    fn state(&self) -> (u16, Value) {
        self.request(reqwest::Method::GET, "/api/kiosk/state", None).unwrap()
    }

    fn rate(&self, tap: &Value) -> reqwest::Result<(u16, Value)> {
        self.request(reqwest::Method::POST, "/api/kiosk/rate", Some(tap.clone()))
    }
}

fn tap(arm_id: &str, level: u8) -> Value {
    json!({ "tap_id": uuid::Uuid::now_v7().to_string(), "arm_id": arm_id, "answers": [{ "code": "danh_gia_chung", "value": level }] })
}

/// Registers «Quầy 1» and pairs a tablet with it; answers the tablet and the kiosk's id.
fn paired_kiosk(server: &Server) -> (Tablet, String) {
    let added = cli_at(server, "quantri", &["kiosk", "add", "--name", "Quầy 1"]);
    let code = added["code"].as_str().unwrap();
    assert_eq!(added["address"], format!("{}/kiosk#ma={code}", server.url), "{added}");
    assert_eq!(added["kiosk"]["template_key"], "ks-tai-quay");
    let mut tablet = Tablet::new(server);
    tablet.pair(code);
    assert!(tablet.token.as_deref().is_some_and(|t| t.starts_with("kiosk.")), "paired");
    (tablet, added["kiosk"]["id"].as_str().unwrap().to_owned())
}

#[test]
fn a_kiosk_token_rates_its_desk_once_per_armed_service_and_does_nothing_else() {
    let dir = crate::temp_dir();
    let db = demo_copy(dir.path());
    let server = Server::start(&db);

    // Pairing: a wrong code is refused, the right one pairs once.
    let added = cli_at(&server, "quantri", &["kiosk", "add", "--name", "Quầy 1"]);
    let code = added["code"].as_str().unwrap().to_owned();
    let kiosk_id = added["kiosk"]["id"].as_str().unwrap().to_owned();
    let mut tablet = Tablet::new(&server);
    assert_eq!(tablet.pair("AAAA-AAAA").0, 403);
    let (status, paired) = tablet.pair(&code.to_lowercase().replace('-', " "));
    assert_eq!(status, 200, "{paired}");
    assert_eq!(paired["state"]["name"], "Quầy 1");
    assert_eq!(paired["state"]["arm_id"], Value::Null, "nobody armed it yet");
    assert_eq!(Tablet::new(&server).pair(&code).0, 403, "a code pairs one tablet once");
    let token = tablet.token.clone().unwrap();

    // The waiting screen, and an unarmed kiosk's tap refused.
    let (status, state) = tablet.state();
    assert_eq!(status, 200);
    assert_eq!(state["questions"].as_array().unwrap().len(), 1);
    assert_eq!(state["questions"][0]["levels"], json!(["Tốt", "Đạt yêu cầu", "Chưa đạt yêu cầu"]));
    let (status, refused) = tablet.rate(&tap(&uuid::Uuid::now_v7().to_string(), 1)).unwrap();
    assert_eq!(status, 409, "{refused}");

    // The device token does nothing else: every command of the table, the live changes.
    let mut as_kiosk = server.desk();
    as_kiosk.token = Some(token.clone());
    for c in TABLE {
        let a = as_kiosk.call(c.name, json!({}));
        assert_eq!(a.status, 403, "{} answered a kiosk: {}", c.name, a.body);
        assert_eq!(a.body["error"]["kind"], "forbidden");
    }
    let events = client(server.pin, None).get(format!("{}/api/events", server.url)).bearer_auth(&token).send().unwrap();
    assert_eq!(events.status().as_u16(), 403);
    // … and a desk's session is no kiosk.
    let mut clerk = server.desk();
    clerk.sign_in("tiepnhan");
    let mut impostor = Tablet::new(&server);
    impostor.token = clerk.token.clone();
    assert_eq!(impostor.state().0, 401);
    assert_eq!(impostor.rate(&tap("x", 1)).unwrap().0, 401);

    // The clerk saves a case: their window arms the kiosk for it.
    let case = clerk.ok("feedback_add", feedback("Khách đánh giá tại quầy"));
    clerk.ok("kiosk_arm", json!({ "id": kiosk_id, "caseId": case["id"] }));
    let arm_id = tablet.state().1["arm_id"].as_str().expect("armed").to_owned();

    // A double tap (the same tap sent twice) is one rating; another tap on the same service is refused.
    let first = tap(&arm_id, 2);
    let (status, rated) = tablet.rate(&first).unwrap();
    assert_eq!((status, rated["again"].as_bool()), (200, Some(false)), "{rated}");
    let (status, again) = tablet.rate(&first).unwrap();
    assert_eq!((status, &again["rating_id"], again["again"].as_bool()), (200, &rated["rating_id"], Some(true)));
    let (status, second) = tablet.rate(&tap(&arm_id, 1)).unwrap();
    assert_eq!(status, 409, "{second}");
    assert_eq!(tablet.state().1["arm_id"], Value::Null, "back to the waiting screen");

    // A tap answering another kiosk's arm is refused as well.
    let (other, other_id) = {
        let added = cli_at(&server, "quantri", &["kiosk", "add", "--name", "Quầy 2", "--template", "ks-tai-quay-td"]);
        let mut t = Tablet::new(&server);
        t.pair(added["code"].as_str().unwrap());
        (t, added["kiosk"]["id"].as_str().unwrap().to_owned())
    };
    clerk.ok("kiosk_arm", json!({ "id": other_id, "caseId": null }));
    let other_arm = other.state().1["arm_id"].as_str().unwrap().to_owned();
    assert_eq!(tablet.rate(&tap(&other_arm, 1)).unwrap().0, 409);
    assert_eq!(other.state().1["questions"].as_array().unwrap().len(), 5, "four attitude criteria and the overall question");

    // By desk and by staff member: leadership and the QMR only.
    let year = json!({ "period": { "year": chrono::Local::now().date_naive().format("%Y").to_string().parse::<i32>().unwrap(), "quarter": null, "month": null, "from": null, "to": null } });
    assert_eq!(clerk.call("kiosk_figures", year.clone()).status, 403);
    let mut qmr = server.desk();
    qmr.sign_in("qmr");
    let figures = qmr.ok("kiosk_figures", year);
    assert_eq!(figures["ratings"], 1);
    let me = clerk.ok("access_state", json!({}))["signed_in"]["full_name"].clone();
    assert_eq!(figures["by_staff"][0]["label"], me, "{figures}");
    assert_eq!(figures["by_kiosk"][0]["label"], "Quầy 1");

    // Disabled, the tablet is refused and goes back to pairing.
    let disabled = cli_at(&server, "quantri", &["kiosk", "disable", "Quầy 1"]);
    assert_eq!(disabled["disabled"], true);
    assert_eq!(tablet.state().0, 401);
    let listed = cli_at(&server, "quantri", &["kiosk", "list"]);
    assert_eq!(listed[0]["ratings"], 1);
    drop(server);

    // The rating is linked to its desk, the staff member who armed it and the case; its tap id is kept.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (kiosk, case_id, staff, tap_id): (String, String, String, String) = conn
        .query_row("SELECT kiosk_id, case_id, staff_id, tap_id FROM kiosk_rating", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap();
    assert_eq!((kiosk, case_id, tap_id), (kiosk_id, case["id"].as_str().unwrap().to_owned(), first["tap_id"].as_str().unwrap().to_owned()));
    assert!(!staff.is_empty());
}

#[test]
fn a_tap_kept_while_the_server_is_down_arrives_once_after_it_restarts() {
    let dir = crate::temp_dir();
    let db = demo_copy(dir.path());
    let server = Server::start(&db);
    let (tablet, kiosk_id) = paired_kiosk(&server);
    let mut clerk = server.desk();
    clerk.sign_in("tiepnhan");
    clerk.ok("kiosk_arm", json!({ "id": kiosk_id, "caseId": null }));
    let arm_id = tablet.state().1["arm_id"].as_str().unwrap().to_owned();

    // The server dies before the citizen taps: the tablet cannot send, and keeps the tap.
    let port = server.port();
    server.kill_hard();
    let kept = tap(&arm_id, 1);
    assert!(tablet.rate(&kept).is_err(), "nobody answers");

    // Back on the same address: the kept tap arrives once, however often it is sent.
    let server = Server::start_on(&db, &format!("127.0.0.1:{port}"));
    let tablet = Tablet { url: server.url.clone(), ..tablet };
    let (status, first) = tablet.rate(&kept).unwrap();
    assert_eq!((status, first["again"].as_bool()), (200, Some(false)), "{first}");
    let (status, again) = tablet.rate(&kept).unwrap();
    assert_eq!((status, again["again"].as_bool(), &again["rating_id"]), (200, Some(true), &first["rating_id"]));
    let listed = cli_at(&server, "quantri", &["kiosk", "list"]);
    assert_eq!(listed[0]["ratings"], 1, "{listed}");
}

/// The demo office at a fixed day of 2026, with kiosks' ratings of known levels.
fn ledger_with_ratings(db: &Path, levels: &[u8]) -> ykien::Ledger {
    let mut ledger = ykien::Ledger::open(db).unwrap();
    let noon = chrono::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap().and_hms_opt(10, 0, 0).unwrap();
    ledger.set_clock(Some(noon));
    ykien::demo::fill_with_accounts(&mut ledger).unwrap();
    ledger.sign_in("quantri", DEMO_PASSWORD).unwrap();
    let pairing = ledger.add_kiosk(&ykien::KioskInput { name: "Quầy 3".into(), unit_id: None, template: None }).unwrap();
    ledger.sign_out();
    let (_, kiosk) = ledger.pair_kiosk(&pairing.code).unwrap();
    for level in levels {
        ledger.sign_in("tiepnhan", DEMO_PASSWORD).unwrap();
        ledger.arm_kiosk(&pairing.kiosk.id, None).unwrap();
        ledger.sign_out();
        let arm_id = ledger.kiosk_state(&kiosk).unwrap().arm_id.unwrap();
        let input: ykien::RatingInput = serde_json::from_value(tap(&arm_id, *level)).unwrap();
        ledger.rate_at_kiosk(&kiosk, &input).unwrap();
    }
    ledger
}

#[test]
fn the_figures_count_kiosk_ratings_by_source_and_together_as_counted_by_hand() {
    let dir = crate::temp_dir();
    let period = ykien::report::period::Period::year(2026).unwrap();
    let paper = {
        let mut plain = ykien::Ledger::open(dir.path().join("giay.db")).unwrap();
        let noon = chrono::NaiveDate::from_ymd_opt(2026, 6, 15).unwrap().and_hms_opt(10, 0, 0).unwrap();
        plain.set_clock(Some(noon));
        ykien::demo::fill_with_accounts(&mut plain).unwrap();
        plain.sign_in("qmr", DEMO_PASSWORD).unwrap();
        plain.figures_report(&period).unwrap().figures.surveys
    };
    assert!(paper.forms > 0 && paper.by_source.is_none(), "the demo's paper forms alone: no sources listed");

    // By hand: 7 ratings, Tốt ×3, Đạt yêu cầu ×2, Chưa đạt yêu cầu ×2: 5 satisfied of 7.
    let levels = [1, 1, 2, 3, 1, 2, 3];
    let mut ledger = ledger_with_ratings(&dir.path().join("quay.db"), &levels);
    ledger.sign_in("qmr", DEMO_PASSWORD).unwrap();
    let surveys = ledger.figures_report(&period).unwrap().figures.surveys;
    let sources = surveys.by_source.clone().expect("listed by source once a kiosk rated");
    let (on_paper, at_kiosk) = (&sources[0], &sources[1]);
    assert_eq!((on_paper.key.as_str(), at_kiosk.key.as_str()), ("paper", "kiosk"));
    assert_eq!((at_kiosk.forms, at_kiosk.index.count, at_kiosk.index.of, at_kiosk.index.percent), (7, 5, 7, Some(71.4)));
    assert_eq!((on_paper.forms, on_paper.index), (paper.forms, paper.index), "the paper forms' own figures are unchanged");
    assert_eq!(surveys.forms, paper.forms + 7, "together");
    assert_eq!((surveys.index.count, surveys.index.of), (paper.index.count + 5, paper.index.of + 7));
    let kiosk_template = surveys.templates.iter().find(|t| t.code == "KS.TAI-QUAY").expect("the kiosk's template counted");
    let levels_counted: Vec<u32> = kiosk_template.slots[0].levels.iter().map(|l| l.count).collect();
    assert_eq!(levels_counted, [3, 2, 2]);

    // By desk and by staff member, the same hand count.
    let by = ledger.kiosk_figures(&period).unwrap();
    assert_eq!(by.ratings, 7);
    assert_eq!((by.by_kiosk[0].label.as_str(), by.by_kiosk[0].satisfied, by.by_kiosk[0].answers), ("Quầy 3", 5, 7));
    assert_eq!((by.by_staff.len(), by.by_staff[0].ratings, by.by_staff[0].percent), (1, 7, Some(71.4)));
}

/// `ykien --db DB --as LOGIN --json ARGS…` on a file: its exit status and what it printed.
fn cli_on(db: &Path, login: &str, args: &[&str]) -> (bool, Value) {
    let out = Command::new(YKIEN)
        .arg("--db")
        .arg(db)
        .args(["--as", login, "--json"])
        .args(args)
        .env("YKIEN_PASSWORD", DEMO_PASSWORD)
        .env_remove("YKIEN_SERVER")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    (out.status.success(), serde_json::from_str(&text).unwrap_or_else(|e| panic!("ykien {args:?} printed no JSON ({e}): {text}")))
}

#[test]
fn the_office_chooses_which_source_its_index_counts_and_every_report_says_so() {
    use ykien::report::figures::SourceFigures;
    let dir = crate::temp_dir();
    let db = dir.path().join("nguồn.db");
    let year = ykien::report::period::Period::year(2026).unwrap();
    // By hand: 7 ratings, Tốt ×3, Đạt yêu cầu ×2, Chưa đạt yêu cầu ×2: 5 satisfied of 7.
    let mut ledger = ledger_with_ratings(&db, &[1, 1, 2, 3, 1, 2, 3]);
    ledger.sign_in("qmr", DEMO_PASSWORD).unwrap();
    let source = |s: &[SourceFigures], key: &str| s.iter().find(|x| x.key == key).cloned().unwrap();

    // Both together, as before the office chose.
    assert_eq!(ledger.settings().unwrap().survey_index_source, ykien::domain::settings::IndexSource::Both);
    let both = ledger.figures_report(&year).unwrap();
    let sources = both.figures.surveys.by_source.clone().unwrap();
    let (paper, kiosk) = (source(&sources, "paper"), source(&sources, "kiosk"));
    assert!(paper.counted && kiosk.counted);
    assert_eq!((kiosk.forms, kiosk.index.count, kiosk.index.of), (7, 5, 7));
    assert_eq!(both.figures.surveys.index.of, paper.index.of + 7);

    // Paper forms only: the index, the forms, the templates and the quarters leave the kiosks out.
    let mut settings = ledger.settings().unwrap();
    settings.survey_index_source = ykien::domain::settings::IndexSource::Paper;
    ledger.save_settings(&settings).unwrap();
    let on_paper = ledger.figures_report(&year).unwrap();
    let s = &on_paper.figures.surveys;
    assert_eq!((s.forms, s.index), (paper.forms, paper.index), "the paper forms' own figures");
    assert!(s.templates.iter().all(|t| !t.code.starts_with("KS.")), "no kiosk template counted");
    let listed = s.by_source.clone().unwrap();
    assert!(source(&listed, "paper").counted && !source(&listed, "kiosk").counted, "{listed:?}");
    assert_eq!(source(&listed, "kiosk").forms, 7, "still shown apart");
    assert_eq!(on_paper.quarter_surveys.iter().map(|q| q.quarter.index.of).sum::<u32>(), paper.index.of, "the quarters alike");
    let entry = ledger.audit_log(5).unwrap().into_iter().find(|e| e.entity == "settings").expect("the choice is audited");
    assert!(entry.before.unwrap().contains(r#""survey_index_source":"both""#));
    assert!(entry.after.unwrap().contains(r#""survey_index_source":"paper""#));
    // The records behind a number: the kiosks' ratings are not counted, so not listed.
    let any = |code: &str| ykien::report::behind::FormsQuery { template_code: Some(code.into()), template_version: None, slot: None, pick: ykien::report::behind::AnswerPick::Any };
    assert_eq!(ledger.survey_forms_behind(&year, &any("KS.TAI-QUAY")).unwrap().total, 0);

    // Kiosk ratings only, chosen from the command line's settings.
    ledger.sign_out();
    drop(ledger);
    let (ok, refused) = cli_on(&db, "qmr", &["settings", "set", "survey_index_source", "tablet"]);
    assert!(!ok && refused["error"]["message"].as_str().unwrap().contains("paper, kiosk, both"), "{refused}");
    let (ok, saved) = cli_on(&db, "qmr", &["settings", "set", "survey_index_source", "kiosk"]);
    assert!(ok && saved["survey_index_source"] == "kiosk", "{saved}");
    let (_, figures) = cli_on(&db, "qmr", &["report", "figures", "--year", "2026"]);
    let surveys = &figures["figures"]["surveys"];
    assert_eq!((surveys["forms"].as_u64(), &surveys["index"]), (Some(7), &json!({ "count": 5, "of": 7, "percent": 71.4 })));

    let mut ledger = ykien::Ledger::open(&db).unwrap();
    ledger.sign_in("qmr", DEMO_PASSWORD).unwrap();
    // Behind the kiosk template's "Tốt": the three ratings that chose it, by desk and day.
    let level = |n| ykien::report::behind::FormsQuery {
        template_code: Some("KS.TAI-QUAY".into()),
        template_version: Some(1),
        slot: Some(surveys["templates"][0]["slots"][0]["code"].as_str().unwrap().into()),
        pick: ykien::report::behind::AnswerPick::Level(n),
    };
    let good = ledger.survey_forms_behind(&year, &level(1)).unwrap();
    assert_eq!((good.total, good.forms.len(), good.ratings.len()), (3, 0, 3), "{good:?}");
    assert_eq!((good.ratings[0].kiosk_name.as_str(), good.ratings[0].template_code.as_str()), ("Quầy 3", "KS.TAI-QUAY"));
    assert_eq!(ledger.survey_forms_behind(&year, &level(3)).unwrap().total, 2);
    let all = ledger.survey_forms_behind(&year, &ykien::report::behind::FormsQuery { template_code: None, template_version: None, slot: None, pick: ykien::report::behind::AnswerPick::Any }).unwrap();
    assert_eq!((all.total, all.forms.len(), all.ratings.len()), (7, 0, 7), "the paper forms are not counted now");

    // The annual report, its Word copy and the figures workbook name the source and list each.
    let pdf = crate::pdf::Pdf::new(&ledger.annual_report_pdf(2026, &Default::default()).unwrap());
    pdf.assert_sound();
    crate::pdf::assert_in_order(
        &pdf.text(None),
        &["Chỉ số hài lòng tính từ: đánh giá tại quầy (máy đánh giá).", "Chỉ số hài lòng theo nguồn", "Phiếu khảo sát giấy", "Đánh giá tại quầy", "71,4% (5/7)", "Tính chung"],
    );
    let text = crate::report::docx_text(&ledger.annual_report_docx(2026).unwrap());
    let paper_row = format!("Phiếu khảo sát giấy | {} | {} | Không", paper.forms, share_text(&paper.index));
    let together = ykien::report::figures::Share::new(paper.index.count + 5, paper.index.of + 7);
    for row in [
        "Chỉ số hài lòng tính từ: đánh giá tại quầy (máy đánh giá).",
        "Nguồn | Số phiếu / lượt đánh giá | Chỉ số hài lòng | Tính vào chỉ số",
        paper_row.as_str(),
        "Đánh giá tại quầy | 7 | 71,4% (5/7) | Có",
        &format!("Tính chung | {} | {} | Không", paper.forms + 7, share_text(&together)),
    ] {
        assert!(text.lines().any(|l| l == row), "{row:?} missing from:\n{text}");
    }
    // A year with paper forms and no rating, counted from the kiosks: nothing counted, and the
    // paper forms still shown apart.
    let before = crate::report::docx_text(&ledger.annual_report_docx(2025).unwrap());
    crate::pdf::assert_in_order(
        &before,
        &["Trong kỳ báo cáo không có phiếu khảo sát nào được thu về.", "Chỉ số hài lòng tính từ: đánh giá tại quầy (máy đánh giá).", "Đánh giá tại quầy | 0 | — | Có"],
    );
    assert!(before.lines().any(|l| l.starts_with("Phiếu khảo sát giấy | ") && l.ends_with(" | Không")), "{before}");
    let out = dir.path().join("số liệu.xlsx");
    ledger.export_figures(&year, &out).unwrap();
    let sheets = crate::report::workbook_lines(&out);
    for row in [
        "Theo nguồn | Chỉ số hài lòng tính từ: đánh giá tại quầy (máy đánh giá) | 7 | 5 | 7 | 71.4 | Có",
        "Theo nguồn | Đánh giá tại quầy | 7 | 5 | 7 | 71.4 | Có",
        &format!("Theo nguồn | Phiếu khảo sát giấy | {} | {} | {} | {} | Không", paper.forms, paper.index.count, paper.index.of, paper.index.percent.unwrap()),
    ] {
        assert!(sheets.lines().any(|l| l == row), "{row:?} missing from:\n{sheets}");
    }
}

/// A share as the printed report writes it: "71,4% (5/7)".
fn share_text(s: &ykien::report::figures::Share) -> String {
    format!("{}% ({}/{})", ykien::report::annual::decimal(s.percent.unwrap()), s.count, s.of)
}

#[test]
fn the_survey_workbook_lists_the_kiosks_ratings_with_their_source_desk_and_day_and_nothing_personal() {
    let dir = crate::temp_dir();
    let db = dir.path().join("xuất.db");
    drop(ledger_with_ratings(&db, &[1, 3]));
    let out = dir.path().join("phiếu.xlsx");
    let (ok, rounds) = cli_on(&db, "qmr", &["survey", "rounds"]);
    assert!(ok, "{rounds}");
    let round = rounds.as_array().unwrap().iter().find(|r| r["period_from"] == "2026-01-01").expect("the demo's round of 2026");
    let (ok, written) = cli_on(&db, "qmr", &["export", "surveys", "--round", round["code"].as_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(ok, "{written}");
    assert_eq!(written["rows"].as_u64(), Some(round["entered"].as_u64().unwrap() + 2), "the forms and the two ratings: {written}");
    let sheets = crate::report::workbook_lines(&out);
    let rows: Vec<&str> = sheets.lines().filter(|l| l.starts_with("Đánh giá tại quầy |")).collect();
    assert_eq!(rows.len(), 3, "a header and two ratings:\n{sheets}");
    // The kiosk templates' answer codes: the overall question, then the attitude criteria.
    assert_eq!(
        rows[0],
        "Đánh giá tại quầy | Nguồn | Ngày | Máy đánh giá (quầy) | Đơn vị | Mẫu phiếu | danh_gia_chung | cau_1.1 | cau_1.2 | cau_1.3 | cau_1.4"
    );
    assert_eq!(rows[1], "Đánh giá tại quầy | Đánh giá tại quầy | 2026-06-15 00:00:00 | Quầy 3 |  | KS.TAI-QUAY | 1 |  |  |  | ");
    assert_eq!(rows[2], "Đánh giá tại quầy | Đánh giá tại quầy | 2026-06-15 00:00:00 | Quầy 3 |  | KS.TAI-QUAY | 3 |  |  |  | ");
    // Nothing about the staff member who armed it, nor any citizen.
    let staff = ykien::demo::DEMO_ACCOUNTS.iter().find(|(login, _)| *login == "tiepnhan").unwrap().1;
    assert!(rows.iter().all(|r| !r.contains(staff)), "{sheets}");
}
