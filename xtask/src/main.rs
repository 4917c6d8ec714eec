//! The two commands a newcomer needs on a fresh Debian/Ubuntu machine:
//!
//! - `cargo xtask run [--demo]`: installs what the app needs to build, builds the UI, starts
//!   the app on the default database (or on a demo database with `--demo`);
//! - `cargo xtask test`: installs what the tests need and runs every test: the Rust tests,
//!   the UI unit tests, and the end-to-end tests in the real app window under Xvfb;
//! - `cargo xtask dist`: the Windows portable .zip and installer, checked (see dist.rs);
//! - `cargo xtask bench [--scale district|province|stress]`: every benchmark at one scale,
//!   the app's launch and memory included (see bench.rs). Not part of `test`.
//!
//! Only the standard library, so that this builds in seconds before anything else.

mod bench;
mod dist;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// Debian packages the app needs to build (Tauri's WebKitGTK stack), and perl and make, with
/// which the vendored OpenSSL of SQLCipher (the database's optional encryption) is configured
/// and built (openssl-src runs OpenSSL's perl Configure, then make).
pub(crate) const BUILD_PACKAGES: &[&str] = &["libwebkit2gtk-4.1-dev", "pkg-config", "build-essential", "perl", "make"];
/// Debian packages the tests need besides: a virtual display, the WebDriver of WebKitGTK,
/// fonts with Vietnamese, the PDF tools that read the printed forms back (poppler-utils,
/// qpdf), pip for the PDF/A validator, ZBar's zbarimg that decodes the QR codes of printed
/// survey forms, and Chromium with its ChromeDriver, the browser desk of an office server
/// (Chromium is the engine family of Windows' WebView2).
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "fonts-dejavu-core",
    "poppler-utils",
    "qpdf",
    "python3-pip",
    "zbar-tools",
    "chromium",
    "chromium-driver",
];

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(args.iter().any(|a| a == "--demo")),
        Some("test") => test(),
        Some("dist") => dist::dist(),
        Some("bench") => bench::bench(&args[1..]),
        _ => Err("usage: cargo xtask run [--demo] | cargo xtask test | cargo xtask dist | cargo xtask bench [--scale district|province|stress] [--seed N] [--launches N] [--no-app]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask/ sits in the workspace").to_owned()
}

fn run(demo: bool) -> Result {
    ensure_debian_packages(BUILD_PACKAGES)?;
    build_ui(false)?;
    let mut app = cargo(&["run", "-p", "ykien-app"]);
    if demo {
        let db = root().join("target/demo/ykien-demo.db");
        if !db.exists() {
            step("creating the demo database");
            let db_arg = db.to_string_lossy().into_owned();
            sh(cargo(&["run", "--quiet", "--bin", "ykien", "--", "--db", &db_arg, "demo"]))?;
        }
        println!("demo database: {}", db.display());
        app.env("YKIEN_DB", &db);
    }
    step("starting Ý Kiến");
    sh(app)
}

fn test() -> Result {
    ensure_debian_packages(&[BUILD_PACKAGES, TEST_PACKAGES].concat())?;
    let tauri_driver = ensure_tauri_driver()?;
    build_ui(true)?;
    ensure_pdf_validator()?;
    ensure_xlsx_reader()?;
    // Every Rust target is built once, by one cargo command with one feature set: the test
    // runs below select targets of that same build (same packages, same features), so cargo
    // compiles nothing again. The app's own executable comes from this build too: the core
    // with the office server, because the command line and the tests need it (offices
    // receive the app without it, see dist.rs).
    step("building the core, the command line, the app and every test");
    sh(cargo(&[&["build"], RUST_TARGETS, &["--lib", "--bins", "--tests", "--examples"]].concat()))?;
    // Each run goes on when an earlier one failed, so that one run names every failure.
    step("Rust tests (core, CLI, office server, app shell)");
    let rust = sh(cargo(&[&["test", "--no-fail-fast"], RUST_TARGETS, &["--lib", "--bins", "--test", "integration"]].concat()));
    let doc = sh(cargo(&[&["test", "--no-fail-fast"], RUST_TARGETS, &["--doc"]].concat()));
    step("end-to-end tests in the real window");
    let display = Xvfb::start()?;
    let mut e2e = cargo(&[&["test"], RUST_TARGETS, &["--test", "e2e", "--", "--test-threads=1"]].concat());
    e2e.env("DISPLAY", &display.name)
        .env("TAURI_DRIVER", &tauri_driver)
        .env("YKIEN_APP", root().join("target/debug/ykien-app"));
    let e2e = sh(e2e);
    let failed: Vec<String> = [rust, doc, e2e].into_iter().filter_map(Result::err).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("\n"))
    }
}

/// The packages and features of every test build: the whole workspace but xtask, and the
/// end-to-end test target turned on (it needs a display, so `cargo test` alone leaves it out).
const RUST_TARGETS: &[&str] = &["--workspace", "--exclude", "xtask", "--features", "ykien/e2e"];

/// The PDF/A validator the print tests run: `page` from PyPI (package page-validation), and
/// python-docx, the reader of the Word copy of reports.
fn ensure_pdf_validator() -> Result {
    ensure_pip_module("page", "page-validation")?;
    ensure_pip_module("docx", "python-docx")
}

/// A Python module from PyPI, installed with pip when `import` does not find it.
fn ensure_pip_module(module: &str, package: &str) -> Result {
    let found = Command::new("python3").args(["-c", &format!("import {module}")]).stderr(Stdio::null()).status();
    if found.is_ok_and(|s| s.success()) {
        return Ok(());
    }
    step(&format!("installing the Python module {module} (pip: {package})"));
    let mut pip = Command::new("python3");
    // Debian's own Python refuses pip installs outside a venv (PEP 668) unless told otherwise.
    pip.args(["-m", "pip", "install", "--quiet", package]).env("PIP_BREAK_SYSTEM_PACKAGES", "1");
    sh(pip)
}

/// The .xlsx reader the export tests read our files back with: openpyxl from PyPI (not ours,
/// and no LibreOffice needed).
fn ensure_xlsx_reader() -> Result {
    let found = Command::new("python3").args(["-c", "import openpyxl"]).stderr(Stdio::null()).status();
    if found.is_ok_and(|s| s.success()) {
        return Ok(());
    }
    step("installing the .xlsx reader of the export tests (pip: openpyxl)");
    let mut pip = Command::new("python3");
    pip.args(["-m", "pip", "install", "--quiet", "openpyxl"]).env("PIP_BREAK_SYSTEM_PACKAGES", "1");
    sh(pip)
}

fn build_ui(with_tests: bool) -> Result {
    let ui = root().join("ui");
    let stamp = ui.join("node_modules/.package-lock.json");
    let lock = ui.join("package-lock.json");
    if !stamp.exists() || modified(&lock) > modified(&stamp) {
        step("installing the UI's npm packages");
        sh(npm(&ui, &["ci", "--no-audit", "--no-fund"]))?;
    }
    if with_tests {
        step("UI unit tests");
        sh(npm(&ui, &["test"]))?;
    }
    step("building the UI");
    sh(npm(&ui, &["run", "build"]))
}

fn ensure_debian_packages(packages: &[&str]) -> Result {
    if !cfg!(target_os = "linux") || !Path::new("/usr/bin/dpkg").exists() {
        return Ok(());
    }
    let mut wanted = packages.to_vec();
    // Node.js may come from elsewhere than Debian (e.g. NodeSource); only its absence counts.
    if Command::new("npm").arg("--version").stdout(Stdio::null()).status().is_err() {
        wanted.extend(["nodejs", "npm"]);
    }
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|p| {
            !Command::new("dpkg-query")
                .args(["-W", "-f=${Status}", p])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
                .unwrap_or(false)
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!("installing Debian packages: {}", missing.join(" ")));
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let mut argv: Vec<&str> = sudo.to_vec();
        argv.push("apt-get");
        argv.extend_from_slice(args);
        let mut c = Command::new(argv[0]);
        c.args(&argv[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    sh(apt(&["update", "-qq"]))?;
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=600"];
    install.extend(missing);
    sh(apt(&install))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| o.stdout.starts_with(b"0")).unwrap_or(false)
}

/// tauri-driver bridges WebDriver clients to WebKitWebDriver and the app. Returns its path:
/// `cargo install` puts it in $CARGO_HOME/bin, which need not be on PATH.
fn ensure_tauri_driver() -> Result<PathBuf> {
    let on_path = Command::new("tauri-driver").arg("--help").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    if on_path {
        return Ok(PathBuf::from("tauri-driver"));
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let installed = cargo_home.join("bin/tauri-driver");
    if !installed.exists() {
        step("installing tauri-driver");
        let mut install = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        // Pinned to 2.x: crates.io's newest tauri crates are 3.0 pre-releases.
        install.args(["install", "tauri-driver", "--version", "^2", "--locked"]);
        sh(install)?;
    }
    Ok(installed)
}

/// A virtual X display for the app window, stopped when dropped. An existing $DISPLAY is
/// used as it is.
struct Xvfb {
    name: String,
    child: Option<Child>,
}

impl Xvfb {
    fn start() -> Result<Xvfb> {
        if let Ok(name) = std::env::var("DISPLAY") {
            if !name.is_empty() {
                return Ok(Xvfb { name, child: None });
            }
        }
        let n = (90..200).find(|n| !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() && !Path::new(&format!("/tmp/.X{n}-lock")).exists())
            .ok_or("no free X display number")?;
        let child = Command::new("Xvfb")
            .args([format!(":{n}").as_str(), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start Xvfb: {e}"))?;
        let xvfb = Xvfb { name: format!(":{n}"), child: Some(child) };
        // The app must not start before the display accepts clients: GTK then fails.
        let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
        let deadline = Instant::now() + Duration::from_secs(20);
        while !socket.exists() {
            if Instant::now() > deadline {
                return Err("Xvfb did not start within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(xvfb)
    }
}

impl Drop for Xvfb {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn cargo(args: &[&str]) -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.args(args).current_dir(root());
    c
}

fn npm(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("npm");
    c.args(args).current_dir(dir);
    c
}

fn sh(mut c: Command) -> Result {
    let status = c.status().map_err(|e| format!("cannot run {c:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{c:?} failed ({status})"))
    }
}

fn step(what: &str) {
    println!("\n==> {what}");
}

fn modified(p: &Path) -> std::time::SystemTime {
    p.metadata().and_then(|m| m.modified()).unwrap_or(std::time::SystemTime::UNIX_EPOCH)
}
