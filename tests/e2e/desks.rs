//! Several desks on one ledger: the office server (`ykien serve`, the real binary on
//! loopback) with the app window as a desk, a browser (headless Chromium, the engine family of
//! Windows' WebView2) as a desk, and the command line as the second desk whose cases must
//! arrive at the others without reloading; the browser prints two receipt slips to a file.
//! The server is stopped and started again under a working desk: the banner, then work going
//! on. A case open in the window follows a move made at the command line; a unit head at a
//! window is told of a case forwarded to their unit.

use crate::harness::App;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const DEMO_PASSWORD: &str = ykien::demo::DEMO_PASSWORD;

fn ykien() -> Command {
    Command::new(env!("CARGO_BIN_EXE_ykien"))
}

/// `ykien serve` on the database `db`, on a fixed loopback port so that it can be started
/// again at the same address.
pub(crate) struct Served {
    child: Option<Child>,
    db: PathBuf,
    port: u16,
    pub(crate) address: String,
    pub(crate) pin: String,
    pub(crate) spki: String,
}

impl Served {
    pub(crate) fn start(db: &Path) -> Served {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut s = Served { child: None, db: db.to_owned(), port, address: String::new(), pin: String::new(), spki: String::new() };
        s.restart();
        s
    }

    /// Starts the server (again) and waits for its ready line.
    fn restart(&mut self) {
        let mut child = ykien()
            .args(["--db", &self.db.to_string_lossy(), "serve", "--listen", &format!("127.0.0.1:{}", self.port)])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let out = BufReader::new(child.stdout.take().unwrap());
        for line in out.lines() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("ykien-serve: ready ") {
                let words: Vec<&str> = rest.split_whitespace().collect();
                self.address = words[0].to_owned();
                self.pin = words.iter().find_map(|w| w.strip_prefix("pin=")).unwrap().to_owned();
                self.spki = words.iter().find_map(|w| w.strip_prefix("spki=")).unwrap().to_owned();
                self.child = Some(child);
                return;
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("ykien serve stopped before it was ready");
    }

    /// As a power cut would: no goodbye to the desks.
    fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// The command line as a desk of this server, signed in as the demo clerk: runs `args`
    /// with `--json` and answers what it printed.
    pub(crate) fn cli(&self, args: &[&str]) -> serde_json::Value {
        let out = ykien()
            .args(["--server", &self.address, "--pin", &self.pin, "--as", "tiepnhan", "--json"])
            .args(args)
            .env("YKIEN_PASSWORD", DEMO_PASSWORD)
            .env_remove("YKIEN_DB")
            .output()
            .unwrap();
        assert!(out.status.success(), "the command-line desk, {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The command-line desk enters a case for `customer` and answers its receipt number.
    fn cli_adds_case(&self, customer: &str) -> String {
        self.cli_adds_case_for(customer, None)
    }

    /// As `cli_adds_case`, the case in the care of the unit named `unit`.
    fn cli_adds_case_for(&self, customer: &str, unit: Option<&str>) -> String {
        let mut args = vec!["feedback", "add", "--channel", "hotline", "--kind", "suggestion", "--customer", customer];
        args.extend(["--content", "Đề nghị niêm yết số điện thoại đường dây nóng tại bộ phận một cửa"]);
        if let Some(unit) = unit {
            args.extend(["--unit", unit]);
        }
        let case = self.cli(&args);
        case["receipt_no"].as_str().unwrap().to_owned()
    }

    /// The command-line desk moves the case `receipt` to the status `to`.
    fn cli_moves_case(&self, receipt: &str, to: &str, note: &str) {
        let case = self.cli(&["feedback", "move", receipt, "--to", to, "--note", note]);
        assert_eq!(case["status"], to, "{case}");
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The demo office, made by the command line as an administrator would.
pub(crate) fn demo_database(dir: &Path) -> PathBuf {
    let db = dir.join("server").join("ykien.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let out = ykien().args(["--db", &db.to_string_lossy(), "demo"]).output().unwrap();
    assert!(out.status.success(), "ykien demo: {}", String::from_utf8_lossy(&out.stderr));
    db
}

/// The server's file read directly, as its administrator (after the server wrote it).
pub(crate) fn server_file(db: &Path) -> ykien::Ledger {
    let mut l = ykien::Ledger::open(db).unwrap();
    l.sign_in("quantri", DEMO_PASSWORD).unwrap();
    l
}

pub(crate) async fn sign_in(app: &App, login: &str) {
    app.wait_for("#signin").await;
    app.type_into("#signin-login", login).await;
    app.type_into("#signin-password", DEMO_PASSWORD).await;
    app.click("#signin-submit").await;
    app.wait_for("#main-shell").await;
}

/// Enters a case in the book's form and answers the receipt number shown.
pub(crate) async fn enter_case(app: &App, customer: &str) -> String {
    app.click("[data-nav=\"ledger\"]").await;
    app.wait_for("#fb-customer_name").await;
    app.wait_for("#fb-kind").await.select_by_value("complaint").await.unwrap();
    app.wait_for("#fb-subject").await.select_by_value("processing_time").await.unwrap();
    app.type_into("#fb-customer_name", customer).await;
    app.type_into("#fb-content", "Hồ sơ đăng ký hộ kinh doanh quá hẹn 5 ngày chưa có kết quả").await;
    // The receipt of the case saved before may still be shown: wait for a new one.
    let before = match app.client.find(fantoccini::Locator::Css("#fb-last-receipt")).await {
        Ok(e) => e.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    };
    app.click("#fb-save").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let shown = app.wait_for_text("#fb-last-receipt", "/").await;
        if shown != before {
            return shown.trim().rsplit(' ').next().unwrap().to_owned();
        }
        assert!(std::time::Instant::now() < deadline, "no new receipt after «{before}»\n{}", app.body_text().await);
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_window_is_a_desk_of_the_office_server() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = demo_database(dir.path());
    let mut server = Served::start(&db);

    // A new PC: no database of its own, nothing chosen yet. Its folders are the test's.
    let home = dir.path().join("desk-pc");
    std::fs::create_dir_all(&home).unwrap();
    let config = home.join("desk.json");
    let (data, conf) = (home.join("data"), home.join("config"));
    let app = App::launch_with(
        Path::new(""),
        &[
            ("YKIEN_DESK_CONFIG", config.to_str().unwrap()),
            ("XDG_DATA_HOME", data.to_str().unwrap()),
            ("XDG_CONFIG_HOME", conf.to_str().unwrap()),
        ],
    )
    .await;

    // The first start asks how this PC works.
    app.wait_for("#desk-setup").await;
    app.screenshot("desk-setup").await;
    app.click("#desk-mode-server").await;
    app.type_into("#desk-address", &server.address).await;
    // A code that is not this server's: refused, explained, nothing saved.
    let wrong = format!("{}{}", &server.pin[..63], if server.pin.ends_with('0') { '1' } else { '0' });
    app.type_into("#desk-pin", &wrong).await;
    app.click("#desk-save").await;
    app.wait_for_text("#desk-setup", "chứng chỉ").await;
    assert!(!config.exists(), "a refused pairing saves nothing");
    app.type_into("#desk-pin", &server.pin).await;
    app.click("#desk-save").await;

    // Paired: each person signs in with their own account on the server's ledger.
    sign_in(&app, "tiepnhan").await;
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    assert_eq!(saved["mode"], "server");
    assert!(!data.join("YKien/ykien.db").exists(), "a desk keeps no ledger of its own");
    let mine = enter_case(&app, "Đoàn Thị Mỹ Duyên").await;
    {
        let l = server_file(&db);
        let on_server = l.feedback(&ykien::FeedbackFilter { search: Some(mine.clone()), ..Default::default() }).unwrap();
        assert_eq!(on_server.total, 1, "the case entered at the desk is in the server's file");
    }

    // Another desk enters a case: it arrives in this window's book without a reload.
    let theirs = server.cli_adds_case("Trần Thị Bình Minh");
    app.wait_for_text("#main-shell", "Trần Thị Bình Minh").await;
    app.wait_for_text("#main-shell", &theirs).await;

    // The clerk opens that case and begins a move, while the other desk forwards it to the
    // specialist unit: the case view shows the new status and the move in its timeline
    // without a reload, the form keeps what was typed and says the case changed under it.
    app.click(&format!("tr[data-case-id] button[data-receipt=\"{theirs}\"]")).await;
    app.wait_for("#case-view[data-status=\"received\"]").await;
    app.wait_for_count("li[data-event]", 1).await;
    app.click("button[data-move-to=\"front_desk\"]").await;
    let typed = "Đã gọi điện hướng dẫn khách hàng";
    app.type_into("#move-note", typed).await;
    server.cli_moves_case(&theirs, "specialist", "Ngoài thẩm quyền của bộ phận một cửa");
    app.wait_for("#case-view[data-status=\"specialist\"]").await;
    app.wait_for_text("#case-view .badge.status", "Phòng chuyên môn xử lý").await;
    app.wait_for_count("li[data-event]", 2).await;
    let notice = app.wait_for_text(".move-form .alert", "Hồ sơ vừa được cập nhật ở bàn khác; hãy xem lại trước khi lưu.").await;
    assert!(notice.contains("không còn làm được"), "the move begun is no longer possible: {notice}");
    assert_eq!(app.value("#move-note").await, typed, "what the clerk typed is still there");
    app.screenshot("desk-case-updated-elsewhere").await;
    app.click(".move-form button:not([type=\"submit\"])").await;
    app.wait_gone(".move-form").await;
    assert_eq!(
        server_file(&db).feedback(&ykien::FeedbackFilter { search: Some(theirs.clone()), ..Default::default() }).unwrap().rows[0].status,
        ykien::Status::Specialist,
        "the stale move was not sent"
    );

    // The pairing screen: the server's address, its code and its QR code.
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"server\"]").await;
    app.wait_for_text("#server-pairing", &server.pin[..4]).await;
    app.screenshot("server-pairing").await;

    // The server goes away: the banner. It comes back: the banner goes, work goes on.
    app.click("[data-nav=\"ledger\"]").await;
    app.wait_for("#fb-customer_name").await;
    server.kill();
    app.wait_for("#connection-banner").await;
    app.screenshot("connection-lost").await;
    server.restart();
    app.wait_gone("#connection-banner").await;
    let after = enter_case(&app, "Lê Văn Thành").await;
    assert_ne!(after, mine);
    let l = server_file(&db);
    for (receipt, customer) in [(&mine, "Đoàn Thị Mỹ Duyên"), (&theirs, "Trần Thị Bình Minh"), (&after, "Lê Văn Thành")] {
        let found = l.feedback(&ykien::FeedbackFilter { search: Some(customer.into()), ..Default::default() }).unwrap();
        assert_eq!(found.total, 1, "{customer} is in the book once");
        assert_eq!(&found.rows[0].receipt_no, receipt);
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_browser_is_a_desk_of_the_office_server() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = demo_database(dir.path());
    let server = Served::start(&db);

    // Chromium trusts this server's certificate by its key, as a clerk does after comparing
    // the fingerprint it shows with the pairing code.
    let app = App::browse(&format!("{}/", server.address), &server.spki).await;
    app.wait_for_text("#signin-office", "Sở Công Thương").await;
    sign_in(&app, "tiepnhan").await;
    let mine = enter_case(&app, "Hoàng Thị Thu Hà").await;
    app.wait_for_text("#main-shell", &mine).await;

    // The second desk's case arrives in the browser's book without a reload.
    let theirs = server.cli_adds_case("Nguyễn Hữu Phước");
    app.wait_for_text("#main-shell", "Nguyễn Hữu Phước").await;
    app.wait_for_text("#main-shell", &theirs).await;
    // The picture shows the book with the case that arrived.
    let row = format!("tr[data-case-id] button[data-receipt=\"{theirs}\"]");
    let script = "document.querySelector(arguments[0])?.closest('tr')?.scrollIntoView({ block: 'center' });";
    app.client.execute(script, vec![row.into()]).await.unwrap();
    app.screenshot("browser-desk").await;
    // Printing in the WebView2 family: both cases' receipt slips, two to a sheet, previewed;
    // «In» lays the sheet out for the printer and asks for the print dialog; the page is then
    // printed to a file (WebDriver's Print Page, a browser's file printer). The dialog itself
    // is the system's, outside the page: the page's `window.print` records that it was asked.
    for r in [&mine, &theirs] {
        app.click(&format!("input[data-choose=\"{r}\"]")).await;
    }
    app.wait_for_text("#receipts-print", "In 2 phiếu tiếp nhận").await;
    app.click("#receipts-print").await;
    app.wait_for("#preview-pages[data-pages=\"1\"]").await;
    app.wait_for_count("#print-preview canvas[data-page]", 1).await;
    app.client.execute("window.__asked = 0; window.print = () => { window.__asked += 1; };", vec![]).await.unwrap();
    app.click("#preview-print").await;
    let laid_out = "return window.__asked === 1 && document.querySelectorAll('#print-pages[data-pages=\"1\"] img').length === 1;";
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while app.client.execute(laid_out, vec![]).await.unwrap() != serde_json::json!(true) {
        assert!(std::time::Instant::now() < deadline, "«In» never laid the sheet out and asked for the print dialog");
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    let a4 = fantoccini::wd::PrintConfiguration::builder()
        .size(fantoccini::wd::PrintSize::A4)
        .margins(fantoccini::wd::PrintMargins { top: 0.0, bottom: 0.0, left: 0.0, right: 0.0 })
        .background(true)
        .build()
        .unwrap();
    let printed = dir.path().join("in-phieu-tiep-nhan.pdf");
    std::fs::write(&printed, app.client.print(a4).await.unwrap()).unwrap();
    let info = poppler("pdfinfo", &printed);
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 1")), "one sheet for two slips: {info}");
    // `pdfimages -list`: two heading lines, then one line per image.
    assert_eq!(poppler("pdfimages", &printed).lines().count(), 3, "the sheet is the slips' one picture, drawn for the printer");
    // Only the sheet prints: none of the window's own screens reach the paper.
    let text = poppler("pdftotext", &printed);
    assert!(!text.contains("Sổ ghi nhận") && !text.contains(&mine), "the window's screens printed: {text}");
    app.click("#preview-close").await;
    app.wait_gone("#print-preview").await;

    // The browser shows the pairing code read-only, to compare with the certificate's.
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"server\"]").await;
    app.wait_for_text("#server-pairing", &server.pin[..4]).await;

    let l = server_file(&db);
    let found = l.feedback(&ykien::FeedbackFilter { search: Some("Hoàng Thị Thu Hà".into()), ..Default::default() }).unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.rows[0].receipt_no, mine);
    // The audit log names the desk: the account, and where it worked from.
    let audit = l.audit_log(50).unwrap();
    assert!(
        audit.iter().any(|e| e.actor.contains("tiepnhan") && e.actor.contains("127.0.0.1")),
        "the audit log names the desk: {:?}",
        audit.iter().map(|e| &e.actor).collect::<Vec<_>>()
    );
    app.quit().await;
}

/// What a poppler tool prints about `pdf` (`pdfimages` lists its images).
fn poppler(tool: &str, pdf: &Path) -> String {
    let mut cmd = Command::new(tool);
    match tool {
        "pdfimages" => cmd.arg("-list").arg(pdf),
        "pdftotext" => cmd.args(["-enc", "UTF-8"]).arg(pdf).arg("-"),
        _ => cmd.arg(pdf),
    };
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A new PC paired with `server` beforehand (its `desk.json` written as the setup screen
/// writes it), its folders the test's: the window opens on the sign-in screen.
async fn paired_window(dir: &Path, server: &Served) -> App {
    let home = dir.join("desk-pc");
    std::fs::create_dir_all(&home).unwrap();
    let config = home.join("desk.json");
    let choice = serde_json::json!({ "mode": "server", "address": server.address, "pin": server.pin });
    std::fs::write(&config, choice.to_string()).unwrap();
    let (data, conf) = (home.join("data"), home.join("config"));
    App::launch_with(
        Path::new(""),
        &[
            ("YKIEN_DESK_CONFIG", config.to_str().unwrap()),
            ("XDG_DATA_HOME", data.to_str().unwrap()),
            ("XDG_CONFIG_HOME", conf.to_str().unwrap()),
        ],
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_unit_head_at_a_desk_is_told_of_a_case_forwarded_to_their_unit() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = demo_database(dir.path());
    let server = Served::start(&db);
    let app = paired_window(dir.path(), &server).await;
    // The head of the one-stop desk (Bộ phận Tiếp nhận và Trả kết quả) signs in at this PC.
    sign_in(&app, "truongdonvi").await;

    // The command-line desk forwards a case to another unit, then one to theirs.
    let other = server.cli_adds_case_for("Võ Thị Kim Chi", Some("Phòng Quản lý thương mại"));
    server.cli_moves_case(&other, "specialist", "Ngoài thẩm quyền của bộ phận một cửa");
    let ours = server.cli_adds_case_for("Lương Văn Tài", Some("Bộ phận Tiếp nhận và Trả kết quả"));
    server.cli_moves_case(&ours, "specialist", "Chuyển tổ một cửa xem xét lại quy trình tiếp nhận");

    let notice = app.wait_for_text("#unit-notice", &format!("Có hồ sơ mới chuyển đến đơn vị: {ours}")).await;
    assert!(!notice.contains(&other), "a case forwarded to another unit is not announced here: {notice}");
    app.screenshot("desk-unit-notice").await;

    // «Xem hàng việc» opens the unit head's queue, with the case that arrived.
    app.click("#unit-notice-open").await;
    app.wait_gone("#unit-notice").await;
    app.wait_for_text("#main-shell", &ours).await;
    app.wait_for_text("#main-shell", "Lương Văn Tài").await;
    app.quit().await;
}

/// A district office's year (5,000 cases, made by `ykien demo --scale district`) with one
/// administrator account, for a long task at a desk: an export of it takes seconds.
fn district_database(dir: &Path) -> PathBuf {
    let db = dir.join("server").join("ykien.db");
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let made = ykien().args(["--db", &db.to_string_lossy(), "demo", "--scale", "district"]).output().unwrap();
    assert!(made.status.success(), "ykien demo --scale: {}", String::from_utf8_lossy(&made.stderr));
    let account = ykien()
        .args(["--db", &db.to_string_lossy(), "account", "create", "--staff", "Phạm Thị Lan", "--login", "quantri"])
        .env("YKIEN_NEW_PASSWORD", DEMO_PASSWORD)
        .output()
        .unwrap();
    assert!(account.status.success(), "ykien account create: {}", String::from_utf8_lossy(&account.stderr));
    db
}

#[tokio::test(flavor = "multi_thread")]
async fn the_task_bar_at_a_desk_shows_a_long_exports_progress_and_cancels_it_on_the_server() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = district_database(dir.path());
    let server = Served::start(&db);
    let app = paired_window(dir.path(), &server).await;
    sign_in(&app, "quantri").await;

    // Lưu trữ › Xuất dữ liệu: the cases with their history, to a file on this desk.
    let out = dir.path().join("Ho-so-xu-ly.xlsx");
    app.click("[data-nav=\"records\"]").await;
    app.click("#records-tab-export").await;
    app.click("input[name=\"export-what\"][value=\"cases\"]").await;
    app.click("input[name=\"export-format\"][value=\"xlsx\"]").await;
    app.answer_save_dialog(&out).await;
    app.click("#export-run").await;
    // The server's progress reaches the task bar: a count of the cases written so far. Huỷ
    // is pressed at once: the district's export takes a second or two on a fast machine, and
    // a screenshot taken first could let it finish before the cancel arrives.
    app.wait_for_text("#task-export", "/").await;
    app.click("#task-export-cancel").await;
    app.wait_for_text("[role=\"alert\"]", "Đã huỷ theo yêu cầu; dữ liệu không thay đổi.").await;
    app.screenshot("desk-task-cancelled").await;
    app.wait_gone("#task-export").await;
    assert!(app.wait_for("#export-run").await.is_enabled().await.unwrap());
    app.quit().await;
    assert!(!out.exists(), "a cancelled export leaves no file at the desk");
}
