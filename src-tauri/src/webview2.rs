//! Windows only: before Tauri creates the window, make sure a WebView2 runtime is there to
//! draw it. Without one, Tauri fails with an error no clerk can act on (or nothing at all, in
//! a build without a console); instead the app says in Vietnamese what to install and exits.
//!
//! Where a runtime can come from, in the order tried:
//! 1. `WEBVIEW2_BROWSER_EXECUTABLE_FOLDER` already set (by an administrator) to a runtime;
//! 2. a fixed-version runtime in the folder `WebView2Runtime` beside the .exe, for offices
//!    that may not install anything: WebView2 is pointed at it through that variable;
//! 3. the Evergreen runtime, found by the registry values Microsoft documents for it
//!    (`pv` under `EdgeUpdate\Clients\{F3017226-…}`, per machine and per user).
//!
//! The decisions (what a folder or a version must look like, the message) are plain
//! functions compiled everywhere, so that they are tested on the build machine; only the
//! registry reads and the message box are Windows code.

// Only `check_runtime` is called, and only on Windows.
#![cfg_attr(not(windows), allow(dead_code))]

use std::path::{Path, PathBuf};

/// The folder beside the .exe where an office may place a fixed-version runtime.
pub const FIXED_RUNTIME_DIR: &str = "WebView2Runtime";
/// The environment variable WebView2 reads for a runtime folder; Tauri's own fixedRuntime
/// option sets it unconditionally, which would break PCs that have no such folder.
pub const BROWSER_FOLDER_VAR: &str = "WEBVIEW2_BROWSER_EXECUTABLE_FOLDER";
/// The runtime's main executable, present in every runtime folder.
const RUNTIME_EXE: &str = "msedgewebview2.exe";
/// The client id of the Evergreen WebView2 runtime in EdgeUpdate (Microsoft's documentation,
/// "Detect if a WebView2 Runtime is already installed").
const EVERGREEN_CLIENT: &str = "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}";

pub const MISSING_TITLE: &str = "Ý Kiến — thiếu Microsoft Edge WebView2 Runtime";
pub const MISSING_MESSAGE: &str = "\
Máy tính này chưa có Microsoft Edge WebView2 Runtime, thành phần của Windows mà Ý Kiến cần để hiển thị cửa sổ làm việc.

Cách cài đặt (máy này không cần Internet):
1. Trên một máy có Internet, tải bản «Evergreen Standalone Installer» (x64) tại trang https://developer.microsoft.com/microsoft-edge/webview2/
2. Chép tệp MicrosoftEdgeWebView2RuntimeInstallerX64.exe vào USB, mang sang máy này và chạy tệp đó.
3. Mở lại Ý Kiến.

Nếu máy không được phép cài phần mềm: đặt bản «Fixed Version» của WebView2 Runtime (đã giải nén) vào thư mục WebView2Runtime bên cạnh tệp YKien.exe.

Dữ liệu của cơ quan không bị ảnh hưởng.";

/// Where the runtime the window will use comes from.
#[derive(Debug, PartialEq, Eq)]
pub enum Runtime {
    /// The folder named by `WEBVIEW2_BROWSER_EXECUTABLE_FOLDER`.
    FromEnvironment(PathBuf),
    /// A fixed-version runtime beside the app.
    Fixed(PathBuf),
    /// The installed Evergreen runtime, with its version.
    Evergreen(String),
}

/// Whether `dir` holds a runtime.
fn is_runtime_folder(dir: &Path) -> bool {
    dir.join(RUNTIME_EXE).is_file()
}

/// The fixed-version runtime under `app_dir\WebView2Runtime`: either that folder itself, or
/// the single folder Microsoft's cab unpacks to (`Microsoft.WebView2.FixedVersionRuntime.<v>.x64`),
/// so that an office may copy it either way.
pub fn fixed_runtime_in(app_dir: &Path) -> Option<PathBuf> {
    let base = app_dir.join(FIXED_RUNTIME_DIR);
    if is_runtime_folder(&base) {
        return Some(base);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(&base)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_runtime_folder(p))
        .collect();
    // The newest version when several were unpacked side by side: their names end in the
    // version, and a later version sorts later when the digit counts agree.
    found.sort();
    found.pop()
}

/// Whether an EdgeUpdate `pv` value names an installed runtime: Microsoft documents that an
/// empty value or `0.0.0.0` means it is not (left behind by an uninstall).
pub fn is_installed_version(pv: &str) -> bool {
    let pv = pv.trim_matches(|c: char| c == '\0' || c.is_whitespace());
    !pv.is_empty() && pv != "0.0.0.0"
}

/// Finds the runtime, given how to read the environment variable and the registry, so that
/// the order of the sources is one function.
pub fn find_runtime(
    env_folder: Option<PathBuf>,
    app_dir: Option<&Path>,
    evergreen_version: impl FnOnce() -> Option<String>,
) -> Option<Runtime> {
    if let Some(dir) = env_folder.filter(|d| is_runtime_folder(d)) {
        return Some(Runtime::FromEnvironment(dir));
    }
    if let Some(dir) = app_dir.and_then(fixed_runtime_in) {
        return Some(Runtime::Fixed(dir));
    }
    evergreen_version().filter(|v| is_installed_version(v)).map(Runtime::Evergreen)
}

/// Makes sure the window can be drawn: points WebView2 at a fixed runtime beside the app when
/// there is one, and returns `false` after telling the user what to install when there is no
/// runtime at all (the caller then exits without creating the window).
#[cfg(windows)]
pub fn check_runtime() -> bool {
    let env_folder = std::env::var_os(BROWSER_FOLDER_VAR).filter(|v| !v.is_empty()).map(PathBuf::from);
    let app_dir = std::env::current_exe().ok().and_then(|p| p.parent().map(Path::to_path_buf));
    match find_runtime(env_folder, app_dir.as_deref(), win::evergreen_version) {
        Some(Runtime::FromEnvironment(_)) => true,
        // WebView2 reads the variable when the window's environment is created, later on this
        // thread: pointed at the fixed runtime, or cleared when it names no runtime (WebView2
        // would otherwise fail on it rather than use the installed one).
        Some(Runtime::Fixed(dir)) => {
            std::env::set_var(BROWSER_FOLDER_VAR, dir);
            true
        }
        Some(Runtime::Evergreen(_)) => {
            std::env::remove_var(BROWSER_FOLDER_VAR);
            true
        }
        None => {
            win::message_box(MISSING_TITLE, MISSING_MESSAGE);
            false
        }
    }
}

#[cfg(windows)]
mod win {
    // Calls into the Windows API; every pointer passed is to a live, NUL-terminated buffer.
    #![allow(unsafe_code)]

    use windows_sys::Win32::Foundation::ERROR_SUCCESS;
    use windows_sys::Win32::System::Registry::{RegGetValueW, HKEY, HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE, RRF_RT_REG_SZ};
    use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONWARNING, MB_OK, MB_SETFOREGROUND};

    fn wide(s: &str) -> Vec<u16> {
        s.encode_utf16().chain(std::iter::once(0)).collect()
    }

    /// The Evergreen runtime's version from the first of Microsoft's documented places that
    /// has one: per machine on 64-bit Windows (the 32-bit registry view), per machine on
    /// 32-bit Windows, per user.
    pub fn evergreen_version() -> Option<String> {
        let client = super::EVERGREEN_CLIENT;
        let places: [(HKEY, String); 3] = [
            (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\{client}")),
            (HKEY_LOCAL_MACHINE, format!(r"SOFTWARE\Microsoft\EdgeUpdate\Clients\{client}")),
            (HKEY_CURRENT_USER, format!(r"Software\Microsoft\EdgeUpdate\Clients\{client}")),
        ];
        places
            .iter()
            .filter_map(|(root, key)| read_string(*root, key, "pv"))
            .find(|v| super::is_installed_version(v))
    }

    fn read_string(root: HKEY, key: &str, value: &str) -> Option<String> {
        let (key, value) = (wide(key), wide(value));
        let mut buf = [0u16; 128];
        let mut bytes = std::mem::size_of_val(&buf) as u32;
        // SAFETY: `buf` is writable for `bytes` bytes; key and value are NUL-terminated.
        let status = unsafe {
            RegGetValueW(root, key.as_ptr(), value.as_ptr(), RRF_RT_REG_SZ, std::ptr::null_mut(), buf.as_mut_ptr().cast(), &mut bytes)
        };
        if status != ERROR_SUCCESS {
            return None;
        }
        let len = (bytes as usize / 2).min(buf.len());
        Some(String::from_utf16_lossy(&buf[..len]).trim_end_matches('\0').to_owned())
    }

    pub fn message_box(title: &str, text: &str) {
        let (title, text) = (wide(title), wide(text));
        // SAFETY: both strings are NUL-terminated UTF-16 that outlive the (modal) call.
        unsafe { MessageBoxW(std::ptr::null_mut(), text.as_ptr(), title.as_ptr(), MB_OK | MB_ICONWARNING | MB_SETFOREGROUND) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime_at(dir: &Path) {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(RUNTIME_EXE), b"MZ").unwrap();
    }

    #[test]
    fn a_fixed_runtime_is_found_directly_in_the_folder_or_in_the_folder_the_cab_unpacks_to() {
        let app = tempfile::tempdir().unwrap();
        assert_eq!(fixed_runtime_in(app.path()), None);
        let unpacked = app.path().join(FIXED_RUNTIME_DIR).join("Microsoft.WebView2.FixedVersionRuntime.120.0.2210.91.x64");
        runtime_at(&unpacked);
        assert_eq!(fixed_runtime_in(app.path()), Some(unpacked));
        runtime_at(&app.path().join(FIXED_RUNTIME_DIR));
        assert_eq!(fixed_runtime_in(app.path()), Some(app.path().join(FIXED_RUNTIME_DIR)));
    }

    #[test]
    fn an_empty_runtime_folder_is_not_a_runtime() {
        let app = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(app.path().join(FIXED_RUNTIME_DIR).join("empty")).unwrap();
        assert_eq!(find_runtime(None, Some(app.path()), || None), None);
    }

    #[test]
    fn the_version_left_by_an_uninstall_does_not_count() {
        assert!(is_installed_version("120.0.2210.91"));
        assert!(!is_installed_version(""));
        assert!(!is_installed_version("0.0.0.0"));
        assert!(!is_installed_version("0.0.0.0\0"));
    }

    #[test]
    fn the_sources_are_tried_in_order_environment_fixed_evergreen() {
        let env = tempfile::tempdir().unwrap();
        let app = tempfile::tempdir().unwrap();
        let evergreen = || Some("131.0.2903.70".to_owned());
        assert_eq!(find_runtime(None, Some(app.path()), evergreen), Some(Runtime::Evergreen("131.0.2903.70".into())));
        runtime_at(&app.path().join(FIXED_RUNTIME_DIR));
        assert_eq!(find_runtime(None, Some(app.path()), evergreen), Some(Runtime::Fixed(app.path().join(FIXED_RUNTIME_DIR))));
        // A variable naming a folder without a runtime is ignored rather than trusted.
        assert_eq!(
            find_runtime(Some(env.path().to_owned()), Some(app.path()), evergreen),
            Some(Runtime::Fixed(app.path().join(FIXED_RUNTIME_DIR)))
        );
        runtime_at(env.path());
        assert_eq!(find_runtime(Some(env.path().to_owned()), Some(app.path()), evergreen), Some(Runtime::FromEnvironment(env.path().to_owned())));
        assert_eq!(find_runtime(None, None, || Some("0.0.0.0".into())), None);
    }

    #[test]
    fn the_message_names_what_to_install_and_where_to_put_a_fixed_runtime() {
        for needed in ["Microsoft Edge WebView2 Runtime", "Evergreen Standalone Installer", "USB", FIXED_RUNTIME_DIR, "YKien.exe"] {
            assert!(MISSING_MESSAGE.contains(needed), "{needed}");
        }
    }
}
