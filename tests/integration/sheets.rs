//! Spreadsheets as offices really have them, each written here by another program than ours:
//! a Unicode ledger in which one name was pasted from an old TCVN3 document (an .xlsx written
//! by openpyxl), CSV files saved by Excel on a Windows whose language for non-Unicode programs
//! is Vietnamese (code page 1258, tone marks as combining characters; written by Python's
//! cp1258 codec the way Windows converts) and CSV files typed in the TCVN3 and VNI fonts, and
//! survey returns typed in Excel before the app was used, with the office's own numbering.
//! Each is read right and the converted cells are listed; bad input is named and stores
//! nothing.

use crate::temp_dir;
use chrono::NaiveDate;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;
use ykien::import::RowStatus;
use ykien::{no_progress, Answer, FeedbackFilter, Ledger, RoundInput};

/// Writes an .xlsx with openpyxl: `{"sheet": name, "rows": [[cell, …], …]}`, a cell being
/// text, a number, null, or `{"date": "YYYY-MM-DD"}` (a real date cell, as Excel keeps it).
const WRITE_XLSX: &str = r#"
import sys, json, datetime, openpyxl
spec = json.loads(sys.argv[2])
wb = openpyxl.Workbook()
ws = wb.active
ws.title = spec["sheet"]
for r, row in enumerate(spec["rows"], start=1):
    for c, v in enumerate(row, start=1):
        if isinstance(v, dict):
            ws.cell(row=r, column=c, value=datetime.date.fromisoformat(v["date"])).number_format = "dd/mm/yyyy"
        elif v is not None:
            ws.cell(row=r, column=c, value=v)
wb.save(sys.argv[1])
"#;

/// Writes text in a code page the way Windows does when Excel saves "CSV (Comma delimited)":
/// `cp1258` keeps the letters the code page has whole ("à", "ê") and writes the others as
/// their letter followed by the tone mark as a combining character ("ễ" = "ê" + U+0303);
/// `latin1` writes text already typed in a legacy font (TCVN3, VNI) byte for byte.
const WRITE_CODE_PAGE: &str = r#"
import sys, unicodedata
TONES = "\u0300\u0301\u0303\u0309\u0323"
def cp1258(text):
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out += base.encode("cp1258") + "".join(c for c in d if c in TONES).encode("cp1258")
    return bytes(out)
path, page, text = sys.argv[1], sys.argv[2], sys.argv[3]
data = cp1258(text) if page == "cp1258" else text.encode("cp1252")
open(path, "wb").write(data.replace(b"\n", b"\r\n"))
"#;

fn python(script: &str, args: &[&str]) {
    let out = Command::new("python3").arg("-c").arg(script).args(args).output().expect("python3");
    assert!(out.status.success(), "python failed ({}): `cargo xtask test` installs openpyxl", String::from_utf8_lossy(&out.stderr));
}

fn xlsx(path: &Path, sheet: &str, rows: Value) {
    python(WRITE_XLSX, &[path.to_str().unwrap(), &json!({ "sheet": sheet, "rows": rows }).to_string()]);
}

fn code_page_file(path: &Path, page: &str, text: &str) {
    python(WRITE_CODE_PAGE, &[path.to_str().unwrap(), page, text]);
}

fn names(l: &Ledger) -> Vec<String> {
    let mut rows = l.feedback(&FeedbackFilter { limit: Some(100), ..Default::default() }).unwrap().rows;
    rows.reverse();
    rows.into_iter().map(|r| r.customer_name).collect()
}

#[test]
fn a_unicode_ledger_with_one_name_pasted_from_tcvn3_converts_that_cell_only() {
    let dir = temp_dir();
    let path = dir.path().join("sổ 2024.xlsx");
    xlsx(
        &path,
        "Sổ 2024",
        json!([
            ["SỔ GHI NHẬN Ý KIẾN CỦA KHÁCH HÀNG"],
            [],
            ["Ngày tháng tiếp nhận", "Tên khách hàng", "Nội dung ý kiến phản ánh của khách hàng", "Người tiếp nhận"],
            [{ "date": "2024-03-05" }, "Nguyễn Văn An", "Thái độ phục vụ tốt", "Hoàng Thị Mai"],
            // Pasted from an old letter typed in .VnTime: «Trần Văn Bình» in TCVN3.
            [{ "date": "2024-03-06" }, "TrÇn V¨n B×nh", "Chờ lâu ở bộ phận một cửa", "Hoàng Thị Mai"],
            // Unicode with Latin-1 letters only: stays as typed.
            [{ "date": "2024-03-07" }, "Phòng Tài chính", "Hỏi về lệ phí", "Hoàng Thị Mai"],
        ]),
    );
    let mut l = crate::import::ledger();
    let preview = l.import_ledger(&path, false, &no_progress).unwrap();
    assert_eq!(preview.header_row, 3);
    assert_eq!((preview.new_rows, preview.error_rows), (3, 0), "{:?}", preview.rows);
    assert_eq!(preview.converted_cells, 1);
    let c = &preview.conversions[0];
    assert_eq!((c.sheet.as_str(), c.row, c.column.as_str()), ("Sổ 2024", 5, "B"));
    assert_eq!((c.before.as_str(), c.after.as_str()), ("TrÇn V¨n B×nh", "Trần Văn Bình"));
    assert_eq!(serde_json::to_value(&preview).unwrap()["conversions"][0]["encoding"], "tcvn3");
    assert_eq!(preview.code_page, None, "a workbook's text is Unicode");
    let converted: Vec<bool> = preview.rows.iter().map(|r| r.converted).collect();
    assert_eq!(converted, [false, true, false]);
    l.import_ledger(&path, true, &no_progress).unwrap();
    assert_eq!(names(&l), ["Nguyễn Văn An", "Trần Văn Bình", "Phòng Tài chính"]);
}

#[test]
fn csv_files_in_code_page_1258_tcvn3_and_vni_read_as_vietnamese() {
    let dir = temp_dir();
    let unicode = "Ngày tháng,Tên khách hàng,Nội dung ý kiến phản ánh của khách hàng,Người tiếp nhận\n\
                   05/03/2024,Nguyễn Thị Hường,Đề nghị niêm yết rõ lệ phí,Hoàng Thị Mai\n\
                   06/03/2024,Công ty TNHH Phước Lộc,Hồ sơ trả chậm ba ngày,Hoàng Thị Mai\n";
    let cp1258 = dir.path().join("so-excel-1258.csv");
    code_page_file(&cp1258, "cp1258", unicode);
    let bytes = std::fs::read(&cp1258).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err() && bytes.windows(2).any(|w| w == [0xEA, 0xDE]), "ễ written as ê + combining tilde");
    let mut l = crate::import::ledger();
    let p = l.import_ledger(&cp1258, true, &no_progress).unwrap();
    assert_eq!(serde_json::to_value(&p).unwrap()["code_page"], "windows1258");
    assert!(p.code_page_label.contains("Windows-1258"), "{}", p.code_page_label);
    assert_eq!((p.new_rows, p.converted_cells), (2, 0));
    assert_eq!(p.columns[2].field_label, "Nội dung ý kiến");
    assert_eq!(names(&l), ["Nguyễn Thị Hường", "Công ty TNHH Phước Lộc"]);
    let stored = l.feedback(&FeedbackFilter::default()).unwrap().rows;
    assert!(stored.iter().any(|r| r.content == "Đề nghị niêm yết rõ lệ phí"), "NFC, as typed");

    // The same book typed years ago in the .VnTime (TCVN3) and VNI-Times fonts (TCVN3 writes
    // «ư» as byte 0xAD, Latin-1's soft hyphen: \u{AD} below).
    for (name, encoding, text) in [
        (
            "so-tcvn3.csv",
            "tcvn3",
            "Ngµy th¸ng;Tªn kh¸ch hµng;Néi dung ý kiÕn;Ng\u{AD}êi tiÕp nhËn\n05/03/2024;NguyÔn ThÞ H\u{AD}êng;§Ò nghÞ niªm yÕt râ lÖ phÝ;Hoµng ThÞ Mai\n",
        ),
        (
            "so-vni.csv",
            "vni",
            "Ngaøy thaùng;Teân khaùch haøng;Noäi dung yù kieán;Ngöôøi tieáp nhaän\n05/03/2024;Nguyeãn Thò Höôøng;Ñeà nghò nieâm yeát roõ leä phí;Hoaøng Thò Mai\n",
        ),
    ] {
        let path = dir.path().join(name);
        code_page_file(&path, "latin1", text);
        let mut l = crate::import::ledger();
        let p = l.import_ledger(&path, false, &no_progress).unwrap();
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!((v["code_page"].as_str(), v["encoding"].as_str()), (Some("windows1252"), Some(encoding)), "{name}");
        assert_eq!(p.rows[0].customer_name, "Nguyễn Thị Hường", "{name}");
        assert_eq!(p.rows[0].content, "Đề nghị niêm yết rõ lệ phí", "{name}");
        // Every cell with a Vietnamese letter, the header's included, is listed.
        assert_eq!(p.converted_cells, 7, "{name}: {:?}", p.conversions);
        let header: Vec<&str> = p.conversions.iter().filter(|c| c.row == 1).map(|c| c.after.as_str()).collect();
        assert_eq!(header, ["Ngày tháng", "Tên khách hàng", "Nội dung ý kiến", "Người tiếp nhận"], "{name}");
        assert!(p.rows.iter().all(|r| r.status == RowStatus::New), "{name}");
    }

    // A wrong date in a cp1258 file: named by row and column, and nothing stored.
    let bad = dir.path().join("so-loi.csv");
    code_page_file(&bad, "cp1258", "Ngày tháng,Tên khách hàng,Nội dung\n31/02/2024,Lê Thị Thuỷ,Góp ý về giờ làm việc\n");
    let mut l = crate::import::ledger();
    let e = l.import_ledger(&bad, true, &no_progress).unwrap_err().to_string();
    assert!(e.contains("Dòng 2, cột «Ngày tháng tiếp nhận»: «31/02/2024» không phải ngày có thật"), "{e}");
    assert!(names(&l).is_empty());
}

fn survey_ledger(dir: &tempfile::TempDir) -> Ledger {
    let mut l = Ledger::open(dir.path().join("ykien.db")).unwrap();
    l.set_clock(Some(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap().and_hms_opt(9, 0, 0).unwrap()));
    l.save_office(&ykien::demo::demo_office()).unwrap();
    l
}

fn survey_round(l: &mut Ledger, name: &str) -> String {
    let input = RoundInput { name: name.into(), period_from: "2026-01-01".into(), period_to: "2026-12-31".into(), template_key: "bm-qt-sct-05-02".into() };
    l.create_survey_round(&input).unwrap().id
}

/// Returns typed in Excel before the app was used: the office's numbering and, for question
/// 2, a part of its words as the clerk wrote the heading.
const RETURNS_HEADER: &str = "Số phiếu;Ngày;Thái độ giao tiếp;Lắng nghe ý kiến;Tận tình, chu đáo;Tuân thủ đúng quy trình;Có gây phiền hà, sách nhiễu;Câu hỏi 3;Câu hỏi 4;Câu hỏi 5;Câu hỏi 1 Ý kiến khác";

#[test]
fn survey_returns_typed_elsewhere_keep_their_numbers_from_a_cp1258_csv() {
    let dir = temp_dir();
    let mut l = survey_ledger(&dir);
    let r = survey_round(&mut l, "Phiếu thu năm 2026 (nhập từ Excel)");
    let round = l.set_survey_round_typed_elsewhere(&r, true).unwrap();
    assert!(round.typed_elsewhere);
    let e = l.print_survey_round(&r, 5).unwrap_err().to_string();
    assert!(e.contains("phiếu nhập từ nơi khác") && e.contains("không in"), "{e}");
    // Keyed entry knows printed serials only: the clerk is sent to the import.
    match l.check_survey_serial(&r, "1").unwrap() {
        ykien::SerialCheck::OutOfRound { message } => assert!(message.contains("Nhập từ tệp"), "{message}"),
        other => panic!("{other:?}"),
    }

    let header = RETURNS_HEADER;
    let text = format!(
        "{header}\n2026-0001;05/03/2026;Tốt;Tốt;Tốt;Tốt;Không;Tốt;Tốt;Tốt;Cần thêm ghế chờ\n\
         2026-0002;06/03/2026;Đạt yêu cầu;2;2;2;Không;2;2;2;Hướng dẫn tận tình\n"
    );
    let csv = dir.path().join("phieu-da-thu-2026.csv");
    code_page_file(&csv, "cp1258", &text);
    let report = l.import_survey_responses(&r, &csv, false).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(report.imported, 2);
    assert_eq!(serde_json::to_value(&report).unwrap()["code_page"], "windows1258");
    let forms = l.survey_responses(&r).unwrap();
    let written: Vec<Option<&str>> = forms.iter().map(|f| f.serial_written.as_deref()).collect();
    assert_eq!(written, [Some("2026-0001"), Some("2026-0002")]);
    assert!(forms.iter().all(|f| f.answers.contains(&Answer::chosen("cau_2", 2))), "«Có gây phiền hà, sách nhiễu» is question 2");
    assert!(forms[1].answers.contains(&Answer::chosen("cau_1.1", 2)));
    assert!(forms[0].answers.contains(&Answer::text("cau_1.other", "Cần thêm ghế chờ")));
    assert!(forms[1].answers.contains(&Answer::text("cau_1.other", "Hướng dẫn tận tình")), "NFC from combining tone marks");

    // Numbers already entered, or twice in one file: named, and nothing more stored.
    let again = dir.path().join("phieu-them.csv");
    code_page_file(&again, "cp1258", &format!("{header}\n2026-0003;07/03/2026;1;1;1;1;Không;1;1;1;\n2026-0001;07/03/2026;1;1;1;1;Không;1;1;1;\n2026-0003;08/03/2026;1;1;1;1;Không;1;1;1;\n"));
    let report = l.import_survey_responses(&r, &again, false).unwrap();
    let messages: Vec<&str> = report.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages, ["Dòng 3: phiếu số «2026-0001» đã được nhập rồi (ngày điền 05/03/2026).", "Dòng 4: số phiếu «2026-0003» trùng với dòng 2."]);
    assert_eq!(l.survey_responses(&r).unwrap().len(), 2);

    // A heading two questions' words hold is refused, naming the column.
    let vague = dir.path().join("phieu-mo-ho.csv");
    code_page_file(&vague, "cp1258", &format!("{}\n2026-0009;07/03/2026;1;1;1;1;Không;1;1;1;\n", header.replace("Câu hỏi 4", "hồ sơ của cơ quan")));
    let report = l.import_survey_responses(&r, &vague, false).unwrap();
    assert!(report.problems.iter().any(|p| p.message.starts_with("Cột 9 «hồ sơ của cơ quan» khớp với nhiều câu hỏi")), "{:?}", report.problems);
    assert_eq!(report.imported, 0);

    // Once forms are in, the round's numbering stays.
    let e = l.set_survey_round_typed_elsewhere(&r, false).unwrap_err().to_string();
    assert!(e.contains("không đổi được cách đánh số"), "{e}");
}

fn ykien(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ykien")).arg("--db").arg(db).args(args).output().unwrap()
}

#[test]
fn the_command_line_lists_converted_cells_and_marks_a_round_typed_elsewhere() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let book = dir.path().join("so.xlsx");
    xlsx(
        &book,
        "Sheet1",
        json!([
            ["Ngày tháng", "Tên khách hàng", "Nội dung"],
            ["02/03/2023", "Leâ Höõu Ñöùc", "Khen ngợi cán bộ"],
        ]),
    );
    let out = ykien(&db, &["import", "ledger", book.to_str().unwrap(), "--dry-run", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["conversions"], json!([{ "sheet": "Sheet1", "row": 2, "column": "B", "encoding": "vni", "before": "Leâ Höõu Ñöùc", "after": "Lê Hữu Đức" }]));
    let out = ykien(&db, &["import", "ledger", book.to_str().unwrap(), "--dry-run"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("ô B2 (vni): «Leâ Höõu Ñöùc» → «Lê Hữu Đức»"), "{out:?}");

    let out = ykien(&db, &["survey", "round", "create", "--template", "bm-qt-sct-05-02", "--name", "Phiếu cũ 2026", "--from", "2026-01-01", "--to", "2026-12-31", "--typed-elsewhere", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let round: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(round["typed_elsewhere"], true);
    let code = round["code"].as_str().unwrap();
    let returns = dir.path().join("phieu.xlsx");
    let row = |serial: &str, day: &str| json!([serial, { "date": day }, 1, 1, 1, 1, "Không", 1, 1, 1, ""]);
    let header: Vec<&str> = RETURNS_HEADER.split(';').collect();
    xlsx(&returns, "Phiếu", json!([header, row("2026-0001", "2026-03-05"), row("2026-0002", "2026-03-06")]));
    let out = ykien(&db, &["survey", "import", "--round", code, returns.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(out.status.success(), "{v}");
    assert_eq!((v["imported"].as_i64(), v["code_page"].is_null()), (Some(2), true), "{v}");
    let out = ykien(&db, &["survey", "responses", "--round", code]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("2026-0001 2026-03-05 ") && text.contains("\n2026-0002 2026-03-06 "), "{text}");
    // A round with forms keeps its numbering.
    let out = ykien(&db, &["survey", "round", "typed-elsewhere", "--round", code, "--off"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("không đổi được cách đánh số phiếu"), "{out:?}");
}
