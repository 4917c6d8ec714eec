//! Drives the real app window: tauri-driver (a WebDriver server) starts WebKitWebDriver, which
//! starts the app binary under the X display of `cargo xtask test`. Each `App` gets its own
//! tauri-driver on free ports, in its own process group, so stopping it can never leave a
//! WebKitWebDriver or an app window behind holding a port.

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a screen may take to show what a test waits for.
const WAIT: Duration = Duration::from_secs(20);

/// The app binary built by `cargo xtask test`.
fn app_binary() -> PathBuf {
    let path = std::env::var_os("YKIEN_APP").map(PathBuf::from).unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/debug/ykien-app")
    });
    assert!(path.exists(), "{} is missing: run the end-to-end tests through `cargo xtask test`", path.display());
    path
}

/// The WebDriver client speaks rustls; with both of rustls' crypto providers compiled into
/// this test binary (ring for the core, aws-lc-rs for the WebDriver client's own default),
/// rustls cannot choose by itself, so the process is given ring, the core's.
fn choose_crypto() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start(db: &Path, env: &[(&str, &str)]) -> Driver {
        let (port, native_port) = (free_port(), free_port());
        let exe = std::env::var_os("TAURI_DRIVER").unwrap_or_else(|| "tauri-driver".into());
        let child = Command::new(exe)
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            // The app reads its database path from here; WebKitWebDriver passes it on. An
            // empty path: none given, as on an office PC (the app's own folders, a first start).
            .envs((!db.as_os_str().is_empty()).then_some(("YKIEN_DB", db)))
            // Other settings for the app (e.g. a short idle lock), passed on the same way.
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .process_group(0)
            .spawn()
            .expect("tauri-driver is installed by `cargo xtask test`");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "tauri-driver did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Driver {
    /// ChromeDriver on a free port, for pages served by an office server to headless Chromium
    /// (the engine family of Windows' WebView2).
    fn chromedriver() -> Driver {
        let port = free_port();
        let child = Command::new(std::env::var_os("CHROMEDRIVER").unwrap_or_else(|| "chromedriver".into()))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("chromedriver is installed by `cargo xtask test` (Debian's chromium-driver)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The whole group: tauri-driver, WebKitWebDriver and the app window.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
    }
}

pub struct App {
    pub client: Client,
    _driver: Driver,
    /// Chromium's profile folder, removed with the session.
    _profile: Option<tempfile::TempDir>,
}

impl App {
    /// Starts the app on the database at `db` and opens a WebDriver session on its window.
    /// Session creation has a time limit: when GTK fails to start, the request would
    /// otherwise hang for ever. A failed start fails the test at once, with the driver's
    /// answer: a window that does not open is a fault to see, never to retry past.
    pub async fn launch(db: &Path) -> App {
        App::launch_with(db, &[]).await
    }

    /// As [`App::launch`], with more environment variables for the app.
    pub async fn launch_with(db: &Path, env: &[(&str, &str)]) -> App {
        choose_crypto();
        let driver = Driver::start(db, env);
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert("tauri:options".into(), serde_json::json!({ "application": app_binary() }));
        let url = format!("http://127.0.0.1:{}", driver.port);
        let connect = async { ClientBuilder::rustls().expect("rustls").capabilities(caps).connect(&url).await };
        match tokio::time::timeout(Duration::from_secs(60), connect).await {
            Ok(Ok(client)) => App { client, _driver: driver, _profile: None },
            Ok(Err(e)) => panic!("the app window did not start: {e}"),
            Err(_) => panic!("the app window did not start: no WebDriver session within 60 s"),
        }
    }

    /// Headless Chromium at `url`, a page of an office server, trusting exactly the server's
    /// certificate whose public key hashes to `spki_sha256_base64` (as a desk pinned to its
    /// pairing code does; any other certificate is still refused).
    pub async fn browse(url: &str, spki_sha256_base64: &str) -> App {
        choose_crypto();
        let driver = Driver::chromedriver();
        let profile = tempfile::Builder::new().prefix("ykien-chromium-").tempdir().unwrap();
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "chrome".into());
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1400,900", "--lang=vi-VN",
                    format!("--user-data-dir={}", profile.path().display()),
                    format!("--ignore-certificate-errors-spki-list={spki_sha256_base64}"),
                ],
            }),
        );
        let webdriver = format!("http://127.0.0.1:{}", driver.port);
        let connect = async { ClientBuilder::rustls().expect("rustls").capabilities(caps).connect(&webdriver).await };
        let client = match tokio::time::timeout(Duration::from_secs(60), connect).await {
            Ok(Ok(client)) => client,
            Ok(Err(e)) => panic!("Chromium did not start: {e}"),
            Err(_) => panic!("Chromium did not start: no WebDriver session within 60 s"),
        };
        client.goto(url).await.unwrap_or_else(|e| panic!("Chromium could not open {url}: {e}"));
        App { client, _driver: driver, _profile: Some(profile) }
    }

    /// Ends the session (which closes the app) and stops the driver.
    pub async fn quit(self) {
        let _ = self.client.close().await;
        // Give the app a moment to exit by itself before the driver's group is killed.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        match self.client.wait().at_most(WAIT).for_element(Locator::Css(css)).await {
            Ok(e) => e,
            Err(e) => panic!("{css} did not appear within {WAIT:?}: {e}\n{}", self.body_text().await),
        }
    }

    /// Waits until the element's visible text, trimmed, is exactly `expected` (where a
    /// word may be part of another: «đạt» of «không đạt»).
    pub async fn wait_for_exact_text(&self, css: &str, expected: &str) {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                if let Ok(t) = e.text().await {
                    if t.trim() == expected {
                        return;
                    }
                    last = t;
                }
            }
            if Instant::now() > deadline {
                panic!("{css} showed {last:?}, never {expected:?}\n{}", self.body_text().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until exactly `n` elements match.
    pub async fn wait_for_count(&self, css: &str, n: usize) {
        let deadline = Instant::now() + WAIT;
        loop {
            let found = self.client.find_all(Locator::Css(css)).await.map(|v| v.len()).unwrap_or(0);
            if found == n {
                return;
            }
            if Instant::now() > deadline {
                panic!("{found} elements match {css}, never {n}\n{}", self.body_text().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until nothing matches (a form closed, a lock lifted).
    pub async fn wait_gone(&self, css: &str) {
        let deadline = Instant::now() + WAIT;
        while self.client.find(Locator::Css(css)).await.is_ok() {
            if Instant::now() > deadline {
                panic!("{css} did not go away\n{}", self.body_text().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element's visible text contains `needle`; returns the text.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                if let Ok(t) = e.text().await {
                    if t.contains(needle) {
                        return t;
                    }
                }
            }
            if Instant::now() > deadline {
                panic!("{css} never showed {needle:?}\n{}", self.body_text().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Replaces the text of an input by typing, as a clerk would.
    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {css}: {e}"));
    }

    /// Sets an input's value as some input methods deliver it (e.g. decomposed Unicode),
    /// firing the same `input` event typing does.
    pub async fn paste_into(&self, css: &str, text: &str) {
        let script = "const el = document.querySelector(arguments[0]);
                      el.value = arguments[1];
                      el.dispatchEvent(new Event('input', { bubbles: true }));";
        self.client.execute(script, vec![css.into(), text.into()]).await.unwrap();
    }

    /// Answers the next «Lưu thành…» dialogs with `path`, as a clerk choosing that file would.
    /// The native GTK dialog cannot be driven through WebDriver, and Tauri's `invoke` cannot
    /// be replaced from a page; its IPC goes through `fetch` to `ipc://`, so the dialog
    /// plugin's `save` request is answered there and every other request passes on unchanged.
    pub async fn answer_save_dialog(&self, path: &Path) {
        let script = "const path = arguments[0];
                      const fetch = window.__ykienRealFetch ?? window.fetch;
                      window.__ykienRealFetch = fetch;
                      window.fetch = (url, init) => String(url).includes(encodeURIComponent('plugin:dialog|save'))
                        ? Promise.resolve(new Response(JSON.stringify(path),
                            { headers: { 'Tauri-Response': 'ok', 'Content-Type': 'application/json' } }))
                        : fetch(url, init);";
        self.client.execute(script, vec![path.display().to_string().into()]).await.unwrap();
    }

    /// Answers the next open dialogs with `path`, as a clerk choosing that file would (see
    /// [`App::answer_save_dialog`]).
    pub async fn answer_open_dialog(&self, path: &Path) {
        let script = "const path = arguments[0];
                      const fetch = window.__ykienRealFetch ?? window.fetch;
                      window.__ykienRealFetch = fetch;
                      window.fetch = (url, init) => String(url).includes(encodeURIComponent('plugin:dialog|open'))
                        ? Promise.resolve(new Response(JSON.stringify(path),
                            { headers: { 'Tauri-Response': 'ok', 'Content-Type': 'application/json' } }))
                        : fetch(url, init);";
        self.client.execute(script, vec![path.display().to_string().into()]).await.unwrap();
    }

    pub async fn value(&self, css: &str) -> String {
        self.wait_for(css).await.prop("value").await.unwrap().unwrap_or_default()
    }

    pub async fn body_text(&self) -> String {
        match self.client.find(Locator::Css("body")).await {
            Ok(b) => format!("page text: {}", b.text().await.unwrap_or_default()),
            Err(e) => format!("no page: {e}"),
        }
    }

    /// Saves a picture of the window as `<folder>/<name>.png`, the folder being
    /// YKIEN_SCREENSHOTS or else target/screenshots (`YKIEN_SCREENSHOTS=docs` refreshes the
    /// pictures of the README and the guide; a name may hold a subfolder, e.g. `guide/…`).
    /// Pictures are looked at by people, never compared; but one that cannot be taken fails.
    pub async fn screenshot(&self, name: &str) {
        let dir = screenshot_dir();
        // WebKitWebDriver can return the previous frame right after a change.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let png = self.client.screenshot().await.unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "screenshot {name} is not a PNG");
        let path = dir.join(format!("{name}.png"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
    }
}

/// Where [`App::screenshot`] writes: YKIEN_SCREENSHOTS (relative to the repository), or
/// target/screenshots.
pub fn screenshot_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match std::env::var_os("YKIEN_SCREENSHOTS") {
        Some(dir) => root.join(dir),
        None => root.join("target/screenshots"),
    }
}
