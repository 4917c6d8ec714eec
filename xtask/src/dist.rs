//! `cargo xtask dist`: what a Windows office receives, made on Linux with no network.
//!
//! - `target/windows/YKien-<v>-khong-cai-dat.zip`: the portable build, a folder `YKien` with
//!   the app, the command line `bin/ykien.exe` (also the office server), `WebView2Loader.dll` (which must sit beside it), `ĐỌC TÔI.txt` and the fonts'
//!   licence; it runs from a USB stick;
//! - `target/windows/YKien-<v>-cai-dat.exe`: a per-user installer made by Debian's makensis from
//!   `src-tauri/windows/installer.nsi`, which asks whether the PC is a desk or the office server
//!   (then it installs the server as a Windows service, with administrator rights for that step) (Tauri's own NSIS bundling downloads a plugin on every
//!   run, so it cannot work offline).
//!
//! Both are then read back by `dist_check.py` (file list, sizes, the PE headers and version
//! resources, through the `pefile` reader from PyPI).

use crate::{build_ui, cargo, ensure_debian_packages, ensure_pip_module, root, sh, step, Result};
use std::path::Path;
use std::process::Command;

const TARGET: &str = "x86_64-pc-windows-gnu";
/// Debian packages: the MinGW linker, makensis, Python for the zip and the checks, 7-Zip to
/// read the installer back, and perl and make for OpenSSL's cross-build (SQLCipher's crypto).
const DIST_PACKAGES: &[&str] =
    &["gcc-mingw-w64-x86-64-win32", "nsis", "p7zip-full", "python3", "python3-pip", "perl", "make"];
/// The app's name in what the office receives: plain ASCII, because a zip's Unicode file
/// names are garbled by some Windows versions' built-in unzip, and the shortcuts carry the
/// Vietnamese name anyway.
const APP_EXE: &str = "YKien.exe";
/// The command line (`ykien serve`, `ykien service install`), in a folder of its own: Windows'
/// file names ignore case, and `ykien.exe` beside the app would be `YKien.exe`.
const CLI_EXE: &str = "bin/ykien.exe";
const README_NAME: &str = "ĐỌC TÔI.txt";

pub fn dist() -> Result {
    ensure_debian_packages(DIST_PACKAGES)?;
    ensure_rust_target()?;
    ensure_pip_module("pefile", "pefile")?;
    let version = version()?;
    build_ui(false)?;

    step("optimised build for Windows (x86_64-pc-windows-gnu, profile `dist`)");
    // The app, and the command line: it runs the office server and installs it as a Windows
    // service when the installer is told the PC is the server. Profile `dist` (Cargo.toml):
    // release with LTO, symbols stripped.
    sh(cargo(&["build", "--profile", "dist", "--target", TARGET, "-p", "ykien-app", "--bin", "ykien-app"]))?;
    sh(cargo(&["build", "--profile", "dist", "--target", TARGET, "-p", "ykien", "--bin", "ykien"]))?;
    let built = root().join("target").join(TARGET).join("dist");

    step("staging the files an office receives");
    // Not target/dist: cargo keeps the `dist` profile's host build there.
    let out = root().join("target/windows");
    let stage = out.join("YKien");
    if stage.exists() {
        std::fs::remove_dir_all(&stage).map_err(|e| format!("{}: {e}", stage.display()))?;
    }
    std::fs::create_dir_all(stage.join("licences")).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(stage.join("bin")).map_err(|e| e.to_string())?;
    copy(&built.join("ykien-app.exe"), &stage.join(APP_EXE))?;
    copy(&built.join("ykien.exe"), &stage.join(CLI_EXE))?;
    // tauri-build copies the loader from webview2-com-sys beside the .exe it builds.
    copy(&built.join("WebView2Loader.dll"), &stage.join("WebView2Loader.dll"))?;
    copy(&root().join("src/pdf/fonts/LICENSE"), &stage.join("licences/LiberationSerif-LICENSE.txt"))?;
    let readme = std::fs::read_to_string(root().join("src-tauri/windows").join(README_NAME)).map_err(|e| e.to_string())?;
    std::fs::write(stage.join(README_NAME), notepad_text(&readme.replace("{VERSION}", &version))).map_err(|e| e.to_string())?;

    let zip = out.join(format!("YKien-{version}-khong-cai-dat.zip"));
    step(&format!("portable build: {}", zip.display()));
    let mut py = Command::new("python3");
    py.arg(root().join("xtask/src/dist_check.py")).arg("zip").arg(&stage).arg(&zip);
    sh(py)?;

    let installer = out.join(format!("YKien-{version}-cai-dat.exe"));
    step(&format!("installer: {}", installer.display()));
    let mut nsis = Command::new("makensis");
    // Absolute paths only: makensis resolves relative ones from the script's folder.
    nsis.arg("-V2")
        .arg("-INPUTCHARSET")
        .arg("UTF8")
        .arg(format!("-DVERSION={version}"))
        .arg(format!("-DVERSION4={}", version4(&version)?))
        .arg(define("STAGE", &stage))
        .arg(define("OUTFILE", &installer))
        .arg(define("ICON", &root().join("icons/icon.ico")))
        .arg(root().join("src-tauri/windows/installer.nsi"));
    sh(nsis)?;

    step("checking the artefacts");
    let mut check = Command::new("python3");
    check.arg(root().join("xtask/src/dist_check.py")).arg("check").arg(&zip).arg(&installer).arg(&version);
    sh(check)
}

fn define(name: &str, path: &Path) -> String {
    format!("-D{name}={}", path.display())
}

fn copy(from: &Path, to: &Path) -> Result {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}

/// Text as every Notepad reads it: CRLF line ends and a UTF-8 byte-order mark (the Notepad of
/// Windows 10 before 1903 takes a BOM-less file for the ANSI code page).
fn notepad_text(text: &str) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend(text.replace("\r\n", "\n").replace('\n', "\r\n").into_bytes());
    out
}

/// The version the artefacts carry: tauri.conf.json's, which tauri-build writes into the
/// .exe's version resource; it must agree with the workspace's.
fn version() -> Result<String> {
    let conf = std::fs::read_to_string(root().join("src-tauri/tauri.conf.json")).map_err(|e| e.to_string())?;
    let after = conf.split_once("\"version\"").ok_or("tauri.conf.json has no version")?.1;
    let version = after.split('"').nth(1).ok_or("tauri.conf.json: unreadable version")?.to_owned();
    let workspace = env!("CARGO_PKG_VERSION");
    if version != workspace {
        return Err(format!("tauri.conf.json says version {version}, Cargo.toml says {workspace}: make them agree"));
    }
    Ok(version)
}

/// `0.1.0` → `0.1.0.0`, the four numbers Windows version resources hold.
fn version4(version: &str) -> Result<String> {
    let core = version.split(['-', '+']).next().unwrap_or(version);
    let mut parts: Vec<&str> = core.split('.').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.parse::<u16>().is_err()) {
        return Err(format!("version {version} is not MAJOR.MINOR.PATCH"));
    }
    parts.push("0");
    Ok(parts.join("."))
}

/// The Rust standard library for Windows, through rustup when it is there.
fn ensure_rust_target() -> Result {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output();
    match installed {
        Ok(o) if String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == TARGET) => Ok(()),
        Ok(_) => {
            step(&format!("adding the Rust target {TARGET}"));
            let mut add = Command::new("rustup");
            add.args(["target", "add", TARGET]);
            sh(add)
        }
        // Without rustup, the toolchain must already have the target; cargo says so if not.
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_get_four_numbers() {
        assert_eq!(version4("0.1.0").unwrap(), "0.1.0.0");
        assert_eq!(version4("1.12.3-beta.1").unwrap(), "1.12.3.0");
        assert!(version4("1.2").is_err());
        assert!(version4("1.2.70000").is_err());
    }

    #[test]
    fn readme_text_opens_in_any_notepad() {
        let out = notepad_text("Ý Kiến\nDữ liệu\r\n");
        assert!(out.starts_with(&[0xef, 0xbb, 0xbf]));
        assert_eq!(String::from_utf8(out[3..].to_vec()).unwrap(), "Ý Kiến\r\nDữ liệu\r\n");
    }

    #[test]
    fn the_workspace_and_tauri_agree_on_the_version() {
        version().unwrap();
    }
}
