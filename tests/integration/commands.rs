//! The command table (`ykien::commands`), the one door every caller uses: every command is
//! walked through the dispatcher on the demo database, each by a role that may run it, and
//! each must answer (or refuse with the error the walk expects). Then every command that
//! needs a signed-in account is sent again with nobody signed in, and must be refused; and a
//! role that may not do a thing gets the access error, never a success.

use crate::temp_dir;
use base64::Engine;
use serde_json::{json, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use ykien::commands::{dispatch, Context, TABLE};
use ykien::demo::DEMO_PASSWORD;
use ykien::{ErrorReport, Ledger, TaskProgress};

/// The kind of an error report, as the UI reads it.
fn kind(e: &ErrorReport) -> String {
    serde_json::to_value(e).unwrap()["kind"].as_str().unwrap_or_default().to_owned()
}

struct Walk {
    ledger: Ledger,
    dir: PathBuf,
    passwords: BTreeMap<String, String>,
    /// The arguments each command answered with, to send again signed out.
    answered: BTreeMap<&'static str, Value>,
    opened: RefCell<Vec<PathBuf>>,
    progress: RefCell<Vec<String>>,
    /// What went otherwise than expected, all reported at the end.
    failures: Vec<String>,
}

impl Walk {
    fn new(dir: &Path) -> Walk {
        let mut ledger = Ledger::open(dir.join("ykien.db")).unwrap();
        ykien::demo::fill_with_accounts(&mut ledger).unwrap();
        let passwords = ykien::demo::DEMO_ACCOUNTS.iter().map(|(l, _)| (l.to_string(), DEMO_PASSWORD.to_owned())).collect();
        Walk {
            ledger,
            dir: dir.to_owned(),
            passwords,
            answered: BTreeMap::new(),
            opened: RefCell::new(Vec::new()),
            progress: RefCell::new(Vec::new()),
            failures: Vec::new(),
        }
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    fn send(&mut self, login: Option<&str>, name: &str, args: Value) -> Result<Value, ErrorReport> {
        self.ledger.sign_out();
        if let Some(login) = login {
            let password = self.passwords[login].clone();
            self.ledger.sign_in(login, &password).unwrap_or_else(|e| panic!("{login} signs in: {e}"));
        }
        let open_file = |p: &Path| {
            self.opened.borrow_mut().push(p.to_owned());
            true
        };
        let progress = |p: &TaskProgress| {
            self.progress.borrow_mut().push(p.task.clone());
            true
        };
        let ctx = Context { print_dir: self.dir.join("Bản in"), open_file: &open_file, progress: &progress };
        dispatch(&mut self.ledger, name, args, &ctx)
    }

    /// `name` run by `login` answers.
    fn ok(&mut self, login: &str, name: &'static str, args: Value) -> Value {
        match self.send(Some(login), name, args.clone()) {
            Ok(answer) => {
                self.answered.insert(name, args);
                answer
            }
            Err(e) => {
                self.failures.push(format!("{name} as {login}: {e:?}"));
                Value::Null
            }
        }
    }

    /// `name` run by `login` is refused with an error of `expected` kind.
    fn refused(&mut self, login: &str, name: &'static str, args: Value, expected: &str) {
        match self.send(Some(login), name, args.clone()) {
            Ok(v) => self.failures.push(format!("{name} as {login} should be refused ({expected}), answered {v}")),
            Err(e) if kind(&e) != expected => self.failures.push(format!("{name} as {login}: {expected} expected, got {e:?}")),
            // The command was reached and answered by the core: it counts as walked.
            Err(_) => {
                self.answered.entry(name).or_insert(args);
            }
        }
    }
}

/// Checks that record a failure and go on, so that one run of the walk shows all of them.
macro_rules! expect_eq {
    ($w:expr, $a:expr, $b:expr $(, $($m:tt)+)?) => {
        match (&$a, &$b) {
            (a, b) => {
                if *a != *b {
                    let line = format!("line {}: {a:?} != {b:?}", line!()) $(+ " " + &format!($($m)+))?;
                    $w.failures.push(line);
                }
            }
        }
    };
}
macro_rules! expect {
    ($w:expr, $c:expr $(, $($m:tt)+)?) => {
        let holds: bool = $c;
        if !holds {
            let line = format!("line {}: {}", line!(), stringify!($c)) $(+ " " + &format!($($m)+))?;
            $w.failures.push(line);
        }
    };
}

#[test]
fn every_command_of_the_table_runs_through_the_dispatcher() {
    let dir = temp_dir();
    let mut w = Walk::new(dir.path());
    let today = w.ledger.today().to_string();
    let year: i32 = today[..4].parse().unwrap();

    // ---- Signing in, accounts ----
    let state = w.send(None, "access_state", Value::Null).unwrap();
    expect_eq!(w, state["signed_in"], Value::Null, "{state}");
    w.answered.insert("access_state", Value::Null);
    w.ok("tiepnhan", "lock_screen", json!({}));
    let signed = w.send(None, "sign_in", json!({ "login": "qmr", "password": DEMO_PASSWORD })).unwrap();
    expect_eq!(w, signed["login"], "qmr", "{signed}");
    w.answered.insert("sign_in", json!({}));
    w.send(None, "sign_out", Value::Null).unwrap();
    w.answered.insert("sign_out", Value::Null);
    w.ledger.sign_in("tiepnhan", DEMO_PASSWORD).unwrap();
    w.ledger.lock_screen();
    let ctx = Context::new(dir.path());
    let unlocked = dispatch(&mut w.ledger, "unlock_screen", json!({ "password": DEMO_PASSWORD }), &ctx).unwrap();
    expect_eq!(w, unlocked["login"], "tiepnhan");
    w.answered.insert("unlock_screen", json!({ "password": DEMO_PASSWORD }));
    let new_password = "Mật khẩu mới 2026!";
    w.ok("tiepnhan", "password_change", json!({ "current": DEMO_PASSWORD, "new": new_password }));
    w.passwords.insert("tiepnhan".into(), new_password.into());

    let accounts = w.ok("quantri", "accounts_list", json!({}));
    expect_eq!(w, accounts.as_array().map_or(0, |a| a.len()), ykien::demo::DEMO_ACCOUNTS.len());
    let mai = w.ledger.staff_named("Hoàng Thị Mai").unwrap().id;
    let input = json!({ "staff_id": mai, "login": "mai", "password": "Mai-mật-khẩu-2026" });
    w.refused("tiepnhan", "account_create", json!({ "input": input }), "forbidden");
    let account = w.ok("quantri", "account_create", json!({ "input": input }));
    let account_id = account["id"].as_str().unwrap_or_default().to_owned();
    let first = json!({ "full_name": "Người Thứ Hai", "title": "", "login": "thuhai", "password": "Thu-hai-mật-khẩu-2026" });
    w.refused("quantri", "first_admin_create", json!({ "input": first }), "conflict");
    w.ok("quantri", "account_reset_password", json!({ "id": account_id, "password": "Tạm-thời-2026-mai" }));
    w.ok("quantri", "account_unlock", json!({ "id": account_id }));
    w.ok("quantri", "account_set_disabled", json!({ "id": account_id, "disabled": true }));
    let policy = json!({ "max_failed_attempts": 5, "lock_minutes": 15, "idle_lock_minutes": 10 });
    w.refused("qmr", "account_policy_save", json!({ "policy": policy }), "forbidden");
    w.ok("quantri", "account_policy_save", json!({ "policy": policy }));

    // ---- The office ----
    let office = w.ok("tiepnhan", "office_get", json!({}));
    expect_eq!(w, office["ledger_form_code"], "BM.QT.SCT.05-01");
    w.refused("tiepnhan", "office_save", json!({ "profile": office }), "forbidden");
    w.ok("quantri", "office_save", json!({ "profile": office }));
    w.ok("tiepnhan", "units_list", json!({}));
    w.refused("qmr", "unit_save", json!({ "unit": { "name": "Phòng Thử", "code": "PT" } }), "forbidden");
    let unit = w.ok("quantri", "unit_save", json!({ "unit": { "name": "Phòng Thử", "code": "PT" } }));
    w.ok("quantri", "unit_delete", json!({ "id": unit["id"] }));
    let found = w.ok("tiepnhan", "staff_list", json!({ "query": "nguyen van an" }));
    expect_eq!(w, found[0]["full_name"], "Nguyễn Văn An");
    let member = json!({ "full_name": "Trương Văn Thử", "title": "", "unit_id": null, "role": "reception", "phone": "", "email": "" });
    let member = w.ok("quantri", "staff_save", json!({ "staff": member }));
    w.ok("quantri", "staff_delete", json!({ "id": member["id"] }));
    let settings = w.ok("tiepnhan", "settings_get", json!({}));
    w.refused("tiepnhan", "settings_save", json!({ "settings": settings }), "forbidden");
    w.ok("qmr", "settings_save", json!({ "settings": settings }));
    let control = w.ok("tiepnhan", "document_control_get", json!({}));
    expect_eq!(w, control["forms"][0]["code"], "BM.QT.SCT.05-01");
    w.refused("tiepnhan", "document_control_save", json!({ "control": control }), "forbidden");
    w.ok("qmr", "document_control_save", json!({ "control": control }));
    w.refused("tiepnhan", "audit_log", json!({ "limit": 5 }), "forbidden");
    expect_eq!(w, w.ok("quantri", "audit_log", json!({ "limit": 5 })).as_array().map_or(0, |a| a.len()), 5);
    w.refused("tiepnhan", "audit_search", json!({ "filter": { "limit": 5 } }), "forbidden");
    let found = w.ok("quantri", "audit_search", json!({ "filter": { "entity": "unit", "action": "create", "limit": 50 } }));
    let found = found.as_array().cloned().unwrap_or_default();
    expect!(w, !found.is_empty() && found.iter().all(|e| e["entity"] == "unit" && e["action"] == "create"), "{found:?}");
    expect_eq!(w, w.ok("quantri", "audit_chain", json!({}))["broken"].clone(), Value::Null);
    w.ok("tiepnhan", "vocabulary", json!({}));
    w.ok("tiepnhan", "holidays_list", json!({}));
    w.ok("qmr", "holiday_add", json!({ "day": format!("{year}-12-24"), "name": "Ngày thử" }));
    w.ok("qmr", "holiday_remove", json!({ "day": format!("{year}-12-24") }));

    // ---- A case along the procedure ----
    let mc = w.ledger.unit_named("MC").unwrap().id;
    let head = w.ledger.staff_named("Trịnh Văn Lộc").unwrap().id;
    // Received at the first minute of today: never in the future, whatever the hour the
    // tests run at (a later hour is refused before it comes).
    let input = json!({
        "received_at": format!("{today}T00:00"), "channel": "in_person", "kind": "complaint", "subject": "attitude",
        "book": "feedback", "customer_name": "Lê Thị Thu Trang", "customer_org": "", "customer_address": "",
        "customer_phone": "0905 111 222", "customer_email": "", "customer_group": "first_time",
        "content": "Cán bộ trả lời thiếu nhiệt tình", "receiver_id": null, "unit_id": mc,
        "written": true, "formal": false, "settled_on_spot": null,
    });
    w.refused("quantri", "feedback_add", json!({ "input": input }), "forbidden");
    let case = w.ok("tiepnhan", "feedback_add", json!({ "input": input }));
    let (id, receipt) = (case["id"].as_str().unwrap_or_default().to_owned(), case["receipt_no"].as_str().unwrap_or_default().to_owned());
    let page = w.ok("tiepnhan", "feedback_list", json!({ "filter": { "search": "thu trang", "limit": 10, "offset": 0 } }));
    expect!(w, page["rows"].as_array().is_some_and(|rows| rows.iter().any(|r| r["id"] == id.as_str())), "{page}");
    w.ok("tiepnhan", "case_counts", json!({}));
    expect_eq!(w, w.ok("tiepnhan", "case_get", json!({ "id": id }))["id"], id.as_str());
    w.ok("tiepnhan", "case_move", json!({ "id": id, "step": { "to": "front_desk", "note": "" } }));
    let step = json!({ "step": "attitude_talk", "on_date": today, "note": "Đã trao đổi" });
    w.refused("tiepnhan", "case_record_step", json!({ "id": id, "step": step }), "forbidden");
    w.ok("truongdonvi", "case_record_step", json!({ "id": id, "step": step }));
    let due = (w.ledger.today() + chrono::Days::new(60)).to_string();
    let exception = json!({ "due": due, "reason": "Cần xác minh thêm" });
    w.refused("qmr", "case_set_exception", json!({ "id": id, "exception": exception }), "forbidden");
    w.ok("lanhdao", "case_set_exception", json!({ "id": id, "exception": exception }));
    w.refused("qmr", "case_confirm", json!({ "id": id, "staffId": head }), "forbidden");
    w.ok("truongdonvi", "case_confirm", json!({ "id": id, "staffId": head }));
    let drafted = w.ok("qmr", "reply_draft", json!({ "caseId": id, "letterId": null, "number": "125/SCT-VP", "body": "Kính gửi bà Trang…" }));
    let letter = drafted["letters"][0]["id"].as_str().unwrap_or_default().to_owned();
    let signing = json!({ "letterId": letter, "signerName": "Trần Văn Hùng", "signerTitle": "Giám đốc Sở", "on": today });
    w.refused("qmr", "reply_sign", signing.clone(), "forbidden");
    w.ok("lanhdao", "reply_sign", signing);
    w.ok("tiepnhan", "reply_send", json!({ "letterId": letter, "on": today, "via": "Bưu điện" }));
    // Batches: a unit head confirms a period's entries, a director signs the drafts waiting.
    let batch = json!({ "unit_id": mc, "from": today, "to": today, "staff_id": head });
    w.refused("qmr", "case_confirm_batch", json!({ "batch": batch }), "forbidden");
    w.ok("truongdonvi", "case_confirm_batch", json!({ "batch": batch }));
    let drafted = w.ok("qmr", "reply_draft", json!({ "caseId": id, "letterId": null, "number": "126/SCT-VP", "body": "Kính gửi bà Trang (bổ sung)…" }));
    let second = drafted["letters"][1]["id"].as_str().unwrap_or_default().to_owned();
    let waiting = w.ok("lanhdao", "letters_to_sign", json!({}));
    expect!(w, waiting.as_array().is_some_and(|l| l.iter().any(|x| x["letter"]["id"] == second.as_str())), "{waiting}");
    let batch = json!({ "letter_ids": [second], "signer_name": "Trần Văn Hùng", "signer_title": "Giám đốc Sở", "on": today });
    w.refused("qmr", "reply_sign_batch", json!({ "batch": batch }), "forbidden");
    w.ok("lanhdao", "reply_sign_batch", json!({ "batch": batch }));
    // A formal complaint: its acceptance decision and its complex mark; a settlement on the
    // spot seen by the QMR.
    let mut formal = input.clone();
    formal["formal"] = json!(true);
    formal["kind"] = json!("complaint");
    formal["subject"] = json!("processing_time");
    let formal = w.ok("tiepnhan", "feedback_add", json!({ "input": formal }));
    let formal = formal["id"].as_str().unwrap_or_default().to_owned();
    let acceptance = json!({ "decision": "accepted", "reason": "Đủ điều kiện thụ lý theo Điều 27" });
    w.refused("tiepnhan", "case_accept", json!({ "id": formal, "acceptance": acceptance }), "forbidden");
    w.ok("qmr", "case_accept", json!({ "id": formal, "acceptance": acceptance }));
    let complex = json!({ "reason": "Nhiều bên liên quan, cần xác minh tại cơ sở" });
    w.refused("tiepnhan", "case_complex", json!({ "id": formal, "complex": complex }), "forbidden");
    let marked = w.ok("lanhdao", "case_complex", json!({ "id": formal, "complex": complex }));
    expect_eq!(w, marked["complex"], true);
    let mut settled = input.clone();
    settled["kind"] = json!("suggestion");
    settled["settled_on_spot"] = json!("Đã hướng dẫn tại quầy");
    let settled = w.ok("tiepnhan", "feedback_add", json!({ "input": settled }));
    let settled = settled["id"].as_str().unwrap_or_default().to_owned();
    w.refused("lanhdao", "case_settlement_seen", json!({ "id": settled }), "forbidden");
    w.ok("qmr", "case_settlement_seen", json!({ "id": settled }));
    // An entry made by mistake: corrected by its clerk the same day, then withdrawn by the QMR.
    let mistaken = w.ok("tiepnhan", "feedback_add", json!({ "input": input }));
    let mistaken = mistaken["id"].as_str().unwrap_or_default().to_owned();
    let correction = json!({ "customer_name": "Lê Thị Thu Trang", "customer_org": "Công ty TNHH An Phú", "reason": "Ghi thiếu tổ chức" });
    w.refused("truongdonvi", "feedback_correct", json!({ "id": mistaken, "correction": correction }), "forbidden");
    let corrected = w.ok("tiepnhan", "feedback_correct", json!({ "id": mistaken, "correction": correction }));
    expect_eq!(w, corrected["customer_org"], "Công ty TNHH An Phú");
    let withdrawn = w.ok("qmr", "feedback_withdraw", json!({ "id": mistaken, "reason": "Trùng với phiếu đã ghi" }));
    expect!(w, withdrawn["withdrawn_at"].is_string(), "{withdrawn}");
    w.refused("qmr", "feedback_withdraw", json!({ "id": mistaken, "reason": "Lần nữa" }), "conflict");

    // ---- Corrective actions ----
    w.ok("tiepnhan", "actions_list", json!({}));
    w.ok("tiepnhan", "actions_register", json!({ "filter": { "state": "overdue" } }));
    let action = json!({ "kind": "corrective", "cause": "Thiếu kỹ năng", "action": "Tập huấn", "owner_id": null, "due_date": due, "case_ids": [id] });
    w.refused("tiepnhan", "action_save", json!({ "action": action }), "forbidden");
    let action = w.ok("qmr", "action_save", json!({ "action": action }));
    let action_id = action["id"].as_str().unwrap_or_default().to_owned();
    w.ok("qmr", "action_set_status", json!({ "id": action_id, "status": "done" }));
    w.refused("truongdonvi", "action_check", json!({ "id": action_id, "effective": true, "note": "Không tái diễn", "on": today }), "forbidden");
    w.ok("qmr", "action_check", json!({ "id": action_id, "effective": true, "note": "Không tái diễn", "on": today }));

    // ---- Telling the customer what was done ----
    let measures = w.ok("tiepnhan", "measures_letter_draft", json!({ "receiptNo": receipt }));
    expect!(w, measures["body"].as_str().is_some_and(|b| b.contains("Tập huấn")), "{measures}");
    let notice = json!({ "case_id": id, "sent_on": today, "channel": "official_letter" });
    w.refused("quantri", "customer_notice_record", json!({ "notice": notice }), "forbidden");
    w.ok("tiepnhan", "customer_notice_record", json!({ "notice": notice }));

    // ---- Printing: into the caller's print folder, shown through the caller ----
    let printed = w.ok("tiepnhan", "print_open", json!({ "job": { "form": "receipts", "receipt_nos": [receipt] } }));
    expect_eq!(w, printed["opened"], true);
    expect!(w, Path::new(printed["path"].as_str().unwrap_or_default()).starts_with(dir.path().join("Bản in")), "{printed}");
    expect_eq!(w, w.opened.borrow().len(), 1);
    // The preview's copy travels in the answer; nothing more is written in the print folder.
    let preview = w.ok("tiepnhan", "print_preview", json!({ "job": { "form": "receipts", "receipt_nos": [receipt] } }));
    expect!(w, preview["pdf_base64"].as_str().unwrap_or_default().starts_with("JVBERi"), "a PDF, base64: {preview}");
    expect_eq!(w, preview["file_name"], json!(format!("phieu-tiep-nhan-{}.pdf", receipt.replace('/', "-"))));
    expect_eq!(w, std::fs::read_dir(dir.path().join("Bản in")).map(|d| d.count()).unwrap_or(0), 1);
    let out = w.path("sổ trắng.pdf");
    let saved = w.ok("tiepnhan", "print_save", json!({ "job": { "form": "ledger_blank", "pages": 1, "year": null }, "path": out }));
    expect_eq!(w, saved, json!({ "path": out, "opened": false }));
    expect!(w, std::fs::read(&out).unwrap_or_default().starts_with(b"%PDF"));

    // ---- Reports ----
    let period = json!({ "year": year - 1 });
    w.ok("qmr", "report_figures", json!({ "period": period }));
    let query = json!({ "template_code": null, "template_version": null, "slot": null, "pick": { "answer": "any" } });
    w.ok("qmr", "survey_forms_behind", json!({ "period": period, "query": query }));
    let texts = w.ok("qmr", "annual_texts_get", json!({ "year": year - 1 }));
    w.refused("tiepnhan", "annual_texts_save", json!({ "year": year - 1, "texts": texts }), "forbidden");
    w.ok("qmr", "annual_texts_save", json!({ "year": year - 1, "texts": texts }));
    w.refused("tiepnhan", "objective_set", json!({ "year": year, "metric": "replied_on_time", "target": 95.0 }), "forbidden");
    w.ok("qmr", "objective_set", json!({ "year": year, "metric": "replied_on_time", "target": 95.0 }));
    let opinions = w.ok("qmr", "opinions_list", json!({ "period": period }));
    let opinion = &opinions[0];
    let classify = json!({ "responseId": opinion["response_id"], "code": opinion["code"], "group": "Thủ tục" });
    w.refused("tiepnhan", "opinion_classify", classify.clone(), "forbidden");
    w.ok("qmr", "opinion_classify", classify);
    let docx = w.path("báo cáo.docx");
    expect_eq!(w, w.ok("qmr", "annual_docx_save", json!({ "year": year - 1, "path": docx })), json!(docx));
    expect!(w, std::fs::metadata(&docx).map_or(0, |m| m.len()) > 0);
    let compilation = w.path("tổng hợp khiếu nại.docx");
    expect_eq!(w, w.ok("qmr", "complaints_docx_save", json!({ "year": year - 1, "path": compilation })), json!(compilation));
    expect!(w, std::fs::metadata(&compilation).map_or(0, |m| m.len()) > 0);
    let xlsx = w.path("số liệu.xlsx");
    expect_eq!(w, w.ok("qmr", "annual_xlsx_save", json!({ "year": year - 1, "path": xlsx })), json!(xlsx));
    expect!(w, std::fs::read(&xlsx).unwrap_or_default().starts_with(b"PK"));
    w.ok("qmr", "print_open", json!({ "job": { "form": "annual_report", "year": year - 1 } }));
    let archived = w.ok("qmr", "archived_reports", json!({}));
    let pdf = w.path("lưu trữ.pdf");
    let report_id = archived[0]["id"].clone();
    expect_eq!(w, w.ok("qmr", "archived_report_save", json!({ "id": report_id, "path": pdf })), json!(pdf));
    expect!(w, std::fs::read(&pdf).unwrap_or_default().starts_with(b"%PDF"));

    // ---- Surveys ----
    let templates = w.ok("qmr", "survey_templates", json!({}));
    let info = templates[0].clone();
    let template = w.ok("qmr", "survey_template_get", json!({ "id": info["id"] }));
    w.refused("tiepnhan", "survey_template_save", json!({ "template": template }), "forbidden");
    w.ok("qmr", "survey_template_save", json!({ "template": template }));
    let text = w.ok("qmr", "survey_template_export", json!({ "key": info["key"], "version": null }));
    w.ok("qmr", "survey_template_import", json!({ "json": text }));
    w.ok("qmr", "survey_rounds", json!({}));
    let round = json!({ "name": "Đợt thử", "period_from": today, "period_to": today, "template_key": info["key"] });
    w.refused("tiepnhan", "survey_round_create", json!({ "input": round }), "forbidden");
    let round = w.ok("qmr", "survey_round_create", json!({ "input": round }));
    let round_id = round["id"].as_str().unwrap_or_default().to_owned();
    let typed = json!({ "name": "Phiếu nhập từ nơi khác", "period_from": today, "period_to": today, "template_key": info["key"] });
    let typed = w.ok("qmr", "survey_round_create", json!({ "input": typed }));
    let mark = json!({ "roundId": typed["id"], "typedElsewhere": true });
    w.refused("tiepnhan", "survey_round_typed_elsewhere", mark.clone(), "forbidden");
    expect_eq!(w, w.ok("qmr", "survey_round_typed_elsewhere", mark)["typed_elsewhere"], true);
    let forms = w.ok("tiepnhan", "survey_print", json!({ "roundId": round_id, "count": 2 }));
    expect_eq!(w, forms["opened"], true);
    expect!(w, std::fs::read(forms["path"].as_str().unwrap_or_default()).unwrap_or_default().starts_with(b"%PDF"));
    w.ok("tiepnhan", "survey_entry_sheet", json!({ "roundId": round_id }));
    let layout = w.ok("tiepnhan", "survey_layout", json!({ "roundId": round_id }));
    expect!(w, layout["boxes"].as_array().is_some_and(|b| !b.is_empty()), "{layout}");
    expect_eq!(w, w.ok("tiepnhan", "survey_check_serial", json!({ "roundId": round_id, "serial": "1" }))["status"], "free");
    // The answers of a form the demo entered, on form 1 of the new round.
    let demo_round = w.ledger.survey_round(&format!("{year}-01")).unwrap().id;
    let entered = w.ok("tiepnhan", "survey_responses", json!({ "roundId": demo_round }));
    let response = json!({ "round_id": round_id, "serial": "1", "filled_on": today, "answers": entered[0]["answers"] });
    w.refused("lanhdao", "survey_response_save", json!({ "input": response }), "forbidden");
    w.ok("tiepnhan", "survey_response_save", json!({ "input": response }));
    expect_eq!(w, w.ok("tiepnhan", "survey_responses", json!({ "roundId": round_id })).as_array().map_or(0, |a| a.len()), 1);
    let forms_out = w.path("phiếu.csv");
    w.refused("tiepnhan", "survey_responses_export", json!({ "roundId": demo_round, "out": forms_out }), "forbidden");
    let exported = w.ok("qmr", "survey_responses_export", json!({ "roundId": demo_round, "out": forms_out }));
    expect_eq!(w, exported["rows"], entered.as_array().map_or(0, |a| a.len()));
    expect_eq!(w, w.ok("tiepnhan", "survey_response_undo", json!({ "roundId": round_id }))["serial"], 1);
    // A file without the form's columns: every problem named, nothing imported.
    let csv = "serial\n".as_bytes().to_vec();
    let checked = w.ok("tiepnhan", "survey_import", json!({ "roundId": round_id, "name": "phiếu.csv", "bytes": csv, "dryRun": true }));
    expect_eq!(w, checked["imported"], 0);
    expect!(w, checked["problems"].as_array().is_some_and(|p| !p.is_empty()), "{checked}");

    // A scanned page with no form on it (a blank sheet) waits for a person, who types its
    // serial and answers; the reading of real forms is tests/integration/scan.rs's.
    let blank = blank_scan();
    let files = json!([{ "name": "trang trắng.png", "bytes": base64::engine::general_purpose::STANDARD.encode(&blank) }]);
    w.refused("lanhdao", "survey_scan", json!({ "roundId": round_id, "files": files, "save": true }), "forbidden");
    let scanned = w.ok("tiepnhan", "survey_scan", json!({ "roundId": round_id, "files": files, "save": true }));
    expect_eq!(w, scanned["pages"][0]["status"], "unreadable", "{scanned}");
    expect_eq!(w, scanned["waiting"], 1);
    let waiting = w.ok("tiepnhan", "survey_scan_review", json!({ "roundId": round_id }));
    let page_id = waiting[0]["id"].clone();
    let png = w.ok("tiepnhan", "survey_scan_image", json!({ "pageId": page_id, "code": null }));
    expect!(w, png.as_str().is_some_and(|p| p.starts_with("iVBOR")), "a PNG in base64");
    let confirmed = json!({ "round_id": round_id, "page_ids": [page_id], "serial": "2", "filled_on": today, "answers": entered[0]["answers"] });
    w.refused("lanhdao", "survey_scan_confirm", json!({ "input": confirmed }), "forbidden");
    expect_eq!(w, w.ok("tiepnhan", "survey_scan_confirm", json!({ "input": confirmed }))["serial"], 2);
    // The scan-to-folder inbox, set by who keeps the settings.
    let inbox = json!({ "inbox": { "folder": dir.path().to_str(), "round_id": null } });
    w.refused("tiepnhan", "survey_scan_inbox_set", inbox.clone(), "forbidden");
    w.ok("qmr", "survey_scan_inbox_set", inbox);
    expect_eq!(w, w.ok("tiepnhan", "survey_scan_inbox_get", json!({}))["folder"], dir.path().to_str().unwrap());

    // ---- Records ----
    let backups = w.path("sao lưu");
    w.refused("qmr", "backup_settings_save", json!({ "settings": { "folder": backups, "keep": 3 } }), "forbidden");
    w.ok("quantri", "backup_settings_save", json!({ "settings": { "folder": backups, "keep": 3 } }));
    w.ok("quantri", "backup_settings_get", json!({}));
    let backup = w.ok("quantri", "backup_now", json!({}));
    expect!(w, Path::new(backup["path"].as_str().unwrap_or_default()).starts_with(&backups), "{backup}");
    expect_eq!(w, w.ok("quantri", "backups_list", json!({})).as_array().map_or(0, |a| a.len()), 1);
    let state = w.ok("quantri", "backup_state", json!({}));
    expect_eq!(w, state["chosen"], true);
    expect_eq!(w, state["newest"]["file_name"], backup["file_name"]);
    expect_eq!(w, w.ok("tiepnhan", "print_keep_days", json!({})), 7);
    let export = w.path("sổ.csv");
    w.refused("tiepnhan", "export_records", json!({ "what": "ledger", "out": export, "from": null, "to": null }), "forbidden");
    let exported = w.ok("qmr", "export_records", json!({ "what": "ledger", "out": export, "from": null, "to": null }));
    expect!(w, exported["rows"].as_i64().unwrap_or(0) > 0);
    w.ok("qmr", "export_records", json!({ "what": "cases", "out": w.path("hồ sơ.xlsx"), "from": null, "to": null }));
    let preview = w.ok("qmr", "import_ledger", json!({ "path": export, "commit": false }));
    expect!(w, preview["rows"].as_array().is_some_and(|r| !r.is_empty()), "{preview}");
    expect!(w, w.progress.borrow().iter().any(|t| t == "backup"));
    expect!(w, w.progress.borrow().iter().any(|t| t == "export"));
    w.ok("quantri", "retention_due", json!({ "on": today }));
    let record = w.path("biên bản.pdf");
    w.refused("qmr", "retention_dispose", json!({ "on": today, "out": record }), "forbidden");
    // Nothing of the demo is past its retention today: refused, naming the date.
    w.refused("quantri", "retention_dispose", json!({ "on": today, "out": record }), "validation");
    w.refused("quantri", "retention_dispose", json!({ "on": today, "out": record, "only": "survey_forms" }), "validation");

    // ---- Personal data ----
    let notice = w.ok("tiepnhan", "privacy_notice_get", json!({}));
    w.ok("tiepnhan", "privacy_notice_printed", json!({}));
    w.refused("tiepnhan", "privacy_notice_save", json!({ "text": notice }), "forbidden");
    w.ok("quantri", "privacy_notice_save", json!({ "text": notice }));
    w.refused("quantri", "case_contact", json!({ "id": id }), "forbidden");
    expect_eq!(w, w.ok("tiepnhan", "case_contact", json!({ "id": id }))["customer_phone"], "0905 111 222");
    let matches = w.ok("qmr", "person_find", json!({ "query": { "name": "Lê Thị Thu Trang" } }));
    expect!(w, matches.as_array().is_some_and(|m| !m.is_empty()));
    let selection = json!({ "case_ids": [id] });
    w.refused("tiepnhan", "person_export", json!({ "selection": selection, "out": w.path("người.xlsx") }), "forbidden");
    w.ok("qmr", "person_export", json!({ "selection": selection, "out": w.path("người.xlsx") }));
    // Erasing waits until a case is settled: the request names a closed case of the demo.
    let closed = w.ok("qmr", "person_find", json!({ "query": { "name": "Hồ Thu Trang" } }));
    let closed = closed.as_array().and_then(|m| m.iter().find(|r| r["kind"] == "case" && r["open"] == false).cloned());
    let closed_id = closed.map(|r| r["id"].clone()).unwrap_or_default();
    let request = json!({ "selection": { "case_ids": [closed_id] }, "reference": "Đơn số 1", "request_date": today });
    w.refused("qmr", "person_erase", json!({ "request": request }), "forbidden");
    w.refused("quantri", "person_erase", json!({ "request": { "selection": selection, "reference": "Đơn số 2", "request_date": today } }), "conflict");
    w.ok("quantri", "person_erase", json!({ "request": request }));

    // ---- Rating kiosks ----
    w.refused("tiepnhan", "kiosk_add", json!({ "input": { "name": "Quầy 1" } }), "forbidden");
    let added = w.ok("quantri", "kiosk_add", json!({ "input": { "name": "Quầy 1", "template": "ks-tai-quay-td" } }));
    let kiosk_id = added["kiosk"]["id"].clone();
    expect_eq!(w, added["code"].as_str().map(str::len), Some(9));
    w.refused("quantri", "kiosk_add", json!({ "input": { "name": "Quầy 2", "template": "bm-qt-sct-05-02" } }), "validation");
    expect_eq!(w, w.ok("tiepnhan", "kiosks_list", json!({}))[0]["name"], "Quầy 1");
    let again = w.ok("quantri", "kiosk_pair", json!({ "id": kiosk_id }));
    expect!(w, again["code"] != added["code"]);
    w.refused("quantri", "kiosk_arm", json!({ "id": kiosk_id, "caseId": null }), "forbidden");
    expect_eq!(w, w.ok("tiepnhan", "kiosk_arm", json!({ "id": kiosk_id, "caseId": id.as_str() }))["id"], kiosk_id);
    let year = json!({ "year": 2026, "quarter": null, "month": null, "from": null, "to": null });
    w.refused("tiepnhan", "kiosk_figures", json!({ "period": year }), "forbidden");
    expect_eq!(w, w.ok("lanhdao", "kiosk_figures", json!({ "period": year }))["ratings"], 0);
    expect_eq!(w, w.ok("quantri", "kiosk_disable", json!({ "id": kiosk_id }))["disabled"], true);
    w.refused("tiepnhan", "kiosk_arm", json!({ "id": kiosk_id, "caseId": null }), "conflict");

    // ---- Period bundles: the office sends its year to itself made a consolidating office ----
    let key = w.ok("tiepnhan", "bundle_key", json!({}));
    expect_eq!(w, key["fingerprint"].as_str().map(str::len), Some(64));
    let bundle = w.path("nam.ykb");
    let span = json!({ "from": "2026-01-01", "to": "2026-12-31", "withRecords": true, "path": bundle });
    w.refused("tiepnhan", "bundle_export", span.clone(), "forbidden");
    expect!(w, w.ok("qmr", "bundle_export", span)["cases"].as_u64().unwrap_or(0) > 0);
    w.refused("qmr", "bundle_trust", json!({ "name": "Sở", "key": key["fingerprint"] }), "validation");
    let settings = json!({ "settings": { "consolidating": true, "inbox": null } });
    w.refused("tiepnhan", "bundle_settings_save", settings.clone(), "forbidden");
    expect_eq!(w, w.ok("quantri", "bundle_settings_save", settings)["consolidating"], true);
    expect_eq!(w, w.ok("tiepnhan", "bundle_settings_get", json!({}))["consolidating"], true);
    expect_eq!(w, w.ok("qmr", "bundle_trust", json!({ "name": "Sở", "key": key["fingerprint"] }))["name"], "Sở");
    expect_eq!(w, w.ok("tiepnhan", "bundle_offices", json!({}))[0]["name"], "Sở");
    w.refused("tiepnhan", "bundle_import", json!({ "path": bundle, "passphrase": null }), "forbidden");
    expect_eq!(w, w.ok("qmr", "bundle_import", json!({ "path": bundle, "passphrase": null }))["outcome"], "imported");
    expect_eq!(w, w.ok("lanhdao", "bundles_list", json!({}))[0]["office"], "Sở");
    let side = w.ok("lanhdao", "report_figures_offices", json!({ "year": 2026, "offices": [] }));
    expect_eq!(w, side["offices"].as_array().map(Vec::len), Some(1));
    expect!(w, side["total"]["figures"]["feedback"]["total"].as_u64().unwrap_or(0) > 0, "{side}");
    let behind = w.ok("lanhdao", "bundle_records", json!({ "office": "Sở", "year": 2026, "figure": "cases" }));
    expect!(w, behind["with_records"] == true && behind["total"] == side["total"]["figures"]["feedback"]["total"], "{behind}");
    w.refused("lanhdao", "bundle_records", json!({ "office": "Sở", "year": 2026, "figure": "tien" }), "validation");
    expect_eq!(w, w.ok("tiepnhan", "bundle_inbox", json!({})).as_array().map(Vec::len), Some(0));
    let report = w.path("tong-hop.pdf");
    w.refused("tiepnhan", "consolidated_report_save", json!({ "year": 2026, "path": report }), "forbidden");
    w.ok("lanhdao", "consolidated_report_save", json!({ "year": 2026, "path": report }));
    expect!(w, std::fs::read(&report).unwrap_or_default().starts_with(b"%PDF"));
    expect_eq!(w, w.ok("lanhdao", "archived_reports", json!({}))[0]["kind"], "consolidated");

    // ---- Encryption at rest ----
    w.ok("quantri", "encryption_status", json!({}));
    w.refused("qmr", "encryption_on", json!({ "passphrase": "một hai ba bốn năm sáu" }), "forbidden");
    w.ok("quantri", "encryption_on", json!({ "passphrase": "một hai ba bốn năm sáu" }));
    w.ok("quantri", "encryption_change", json!({ "current": "một hai ba bốn năm sáu", "passphrase": "bảy tám chín mười mười một" }));
    w.ok("quantri", "encryption_remove_plain_backups", json!({}));
    w.ok("quantri", "encryption_off", json!({ "current": "bảy tám chín mười mười một" }));

    // Every command of the table was walked.
    let table: BTreeSet<&str> = TABLE.iter().map(|c| c.name).collect();
    let walked: BTreeSet<&str> = w.answered.keys().copied().collect();
    for never in table.difference(&walked) {
        w.failures.push(format!("{never} was never walked"));
    }

    // With nobody signed in, every command that needs an account is refused, with the
    // arguments it answered to a moment ago; the others still answer.
    w.ledger.sign_out();
    let ctx = Context::new(dir.path());
    let mut answered_signed_out = BTreeSet::new();
    for c in TABLE {
        let args = w.answered.get(c.name).cloned().unwrap_or(Value::Null);
        let answer = dispatch(&mut w.ledger, c.name, args, &ctx);
        match (&answer, c.signed_in) {
            (Err(e), true) if kind(e) == "sign_in_required" => {}
            (Ok(_), true) => {
                answered_signed_out.insert(c.name);
            }
            (Err(e), true) => w.failures.push(format!("{} with nobody signed in: {e:?}", c.name)),
            (Err(e), false) if c.name != "sign_in" && c.name != "first_admin_create" => {
                w.failures.push(format!("{} needs no account but was refused: {e:?}", c.name))
            }
            _ => {}
        }
    }
    // The core itself answers these with nobody signed in (the window reads some before
    // its sign-in screen; the automatic backup runs without one). A caller over the network
    // must refuse them without a session on its own: the table marks them `signed_in`.
    // Listed here so that a change of the core's guard is seen.
    let expected: BTreeSet<&str> = CORE_ANSWERS_SIGNED_OUT.iter().copied().collect();
    if answered_signed_out != expected {
        w.failures.push(format!(
            "answered with nobody signed in: {:?} (newly: {:?}; no longer: {:?})",
            answered_signed_out,
            answered_signed_out.difference(&expected).collect::<Vec<_>>(),
            expected.difference(&answered_signed_out).collect::<Vec<_>>()
        ));
    }
    assert!(w.failures.is_empty(), "{} checks failed:\n{}", w.failures.len(), w.failures.join("\n"));
}

/// Commands the table marks `signed_in` that the core answers even so (see above).
const CORE_ANSWERS_SIGNED_OUT: &[&str] = &[
    "office_get", "units_list", "staff_list", "settings_get", "holidays_list", "actions_list", "report_figures",
    "annual_texts_get", "annual_docx_save", "annual_xlsx_save", "archived_reports", "archived_report_save", "survey_templates",
    "survey_template_get", "survey_template_export", "survey_rounds", "survey_entry_sheet", "survey_layout", "survey_check_serial",
    "backup_settings_get", "backups_list", "backup_state", "backup_now", "retention_due", "privacy_notice_get",
    "privacy_notice_printed", "encryption_status",
];

#[test]
fn an_unknown_command_or_malformed_arguments_are_typed_errors() {
    let mut ledger = Ledger::open_in_memory().unwrap();
    let ctx = Context::new(".");
    let e = dispatch(&mut ledger, "no_such_command", json!({}), &ctx).unwrap_err();
    assert_eq!(kind(&e), "not_found");
    assert!(serde_json::to_value(&e).unwrap()["message"].as_str().unwrap().contains("no_such_command"));

    let e = dispatch(&mut ledger, "case_get", json!({}), &ctx).unwrap_err();
    let report = serde_json::to_value(&e).unwrap();
    assert_eq!(report["kind"], "validation");
    assert_eq!(report["field"], "id");
    assert!(report["message"].as_str().unwrap().starts_with("Lệnh «case_get» nhận tham số không hợp lệ"), "{report}");

    let e = dispatch(&mut ledger, "audit_log", json!({ "limit": "nhiều" }), &ctx).unwrap_err();
    assert_eq!(kind(&e), "validation");

    // No arguments at all is the same as an empty object.
    assert_eq!(dispatch(&mut ledger, "units_list", Value::Null, &ctx).unwrap(), json!([]));
    assert_eq!(dispatch(&mut ledger, "office_get", json!({}), &ctx).unwrap(), Value::Null);
}

#[test]
fn the_table_names_each_command_once() {
    let mut seen = BTreeSet::new();
    for c in TABLE {
        assert!(seen.insert(c.name), "{} twice", c.name);
        assert!(c.name.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'), "{}", c.name);
    }
}

/// The commands the app shell answers itself (src-tauri/src/commands/mod.rs), which the UI
/// calls besides the table's.
const SHELL: &[&str] = &["app_info", "database_unlock", "backup_restore", "task_cancel", "desk_get", "desk_set"];

/// The UI reaches Rust only through its transport, and every command it names there is one
/// the core's table (or the shell) answers.
#[test]
fn every_command_the_ui_calls_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let api = root.join("ui/src/lib/api");
    let mut called = BTreeSet::new();
    for entry in std::fs::read_dir(&api).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".ts") || name.ends_with(".test.ts") || name == "bindings.ts" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // What comes before the first `call('` names no command.
        for piece in text.split("call('").skip(1) {
            called.insert(piece.split('\'').next().unwrap().to_owned());
        }
    }
    assert!(called.len() > 70, "only {} calls found in {}", called.len(), api.display());
    let table: BTreeSet<&str> = TABLE.iter().map(|c| c.name).chain(SHELL.iter().copied()).collect();
    let unknown: Vec<&String> = called.iter().filter(|c| !table.contains(c.as_str())).collect();
    assert!(unknown.is_empty(), "the UI calls commands nobody answers: {unknown:?}");
    // And the UI offers every command of the table: one the window cannot call is dead.
    let unused: Vec<&&str> = table.iter().filter(|t| !called.contains(**t)).collect();
    assert!(unused.is_empty(), "commands the UI never calls: {unused:?}");

    // `invoke` appears in the transport only.
    let mut stack = vec![root.join("ui/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".test.ts") || name == "transport.ts" || !(name.ends_with(".ts") || name.ends_with(".svelte")) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("invoke("), "{} calls invoke outside the transport", path.display());
            assert!(!text.contains("@tauri-apps/api/core"), "{} imports Tauri's invoke", path.display());
        }
    }
}

/// A white sheet as a scanner gives it (PNG, 100 dpi).
fn blank_scan() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    image::GrayImage::from_pixel(827, 1169, image::Luma([250u8])).write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}
