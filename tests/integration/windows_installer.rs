//! The Windows installer's script (src-tauri/windows/installer.nsi), read as the uninstaller
//! will run it: whatever it removes, the office's data folder (%LOCALAPPDATA%\YKien, where
//! `ykien::paths::default_db_path` puts the database) must survive an uninstall.

use std::path::Path;

fn script() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/windows/installer.nsi");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The script's lines without comments, blank lines or indentation, with its `!define`d
/// names replaced by their values (so that a name cannot hide a path).
fn statements(script: &str) -> Vec<String> {
    let lines: Vec<&str> =
        script.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with(';') && !l.starts_with('#')).collect();
    let defines: Vec<(String, String)> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("!define "))
        .filter_map(|d| d.trim().split_once(char::is_whitespace))
        .map(|(name, value)| (format!("${{{name}}}"), value.trim().trim_matches('"').to_owned()))
        .collect();
    lines
        .iter()
        .map(|l| defines.iter().fold(l.to_string(), |l, (name, value)| l.replace(name, value)))
        .collect()
}

/// The statements the uninstaller runs: the "Uninstall" section, `un.` sections and `un.`
/// functions (NSIS runs nothing else in the uninstaller).
fn uninstaller(script: &str) -> Vec<String> {
    let mut inside = false;
    let mut out = Vec::new();
    for s in statements(script) {
        let lower = s.to_lowercase();
        let opens_un = (lower.starts_with("section ") && (lower.contains("\"uninstall\"") || lower.contains("\"un.")))
            || lower.starts_with("function un.");
        if opens_un {
            inside = true;
        } else if lower == "sectionend" || lower == "functionend" {
            inside = false;
        } else if inside {
            out.push(s);
        }
    }
    out
}

/// The first argument of a statement, without quotes and with `/switches` dropped.
fn target(statement: &str) -> String {
    let args = statement.split_once(char::is_whitespace).map(|(_, a)| a.trim()).unwrap_or("");
    let args = args.trim_start_matches("/r").trim_start_matches("/REBOOTOK").trim();
    args.trim_matches('"').split('"').next().unwrap_or("").to_owned()
}

/// The one program the uninstaller may run, exactly so: the program's own `service uninstall`
/// (an office server's PC), which removes the Windows service, its firewall rule and the
/// service's program copy in %ProgramFiles%\YKien, and leaves the data (src/bin/ykien/service.rs).
const SERVICE_UNINSTALL: &str = r#"ExecShellWait "runas" "$INSTDIR\bin\ykien.exe" "service uninstall" SW_HIDE"#;

/// What the uninstaller would do that it must not: run programs, remove recursively, remove
/// anything but its program files, shortcuts and uninstall entry.
fn uninstaller_problems(script: &str) -> Vec<String> {
    let mut problems = Vec::new();
    for s in uninstaller(script) {
        let verb = s.split_whitespace().next().unwrap_or("").to_lowercase();
        if verb.starts_with("exec") && s != SERVICE_UNINSTALL {
            problems.push(format!("runs a program: {s}"));
        } else if verb.starts_with("deletereg") {
            if !s.contains("HKCU \"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\YKien\"") {
                problems.push(format!("removes registry entries not its own: {s}"));
            }
        } else if ["delete", "rmdir", "rename"].contains(&verb.as_str()) {
            let t = target(&s);
            let program_file = t == "$INSTDIR" || t.starts_with("$INSTDIR\\");
            let shortcut = (t.starts_with("$SMPROGRAMS\\") || t.starts_with("$DESKTOP\\")) && t.ends_with(".lnk") && !t.contains('*');
            if s.to_lowercase().contains("/r ") {
                // A chosen install folder may hold other files.
                problems.push(format!("removes recursively: {s}"));
            }
            if !(program_file || shortcut) || t.to_lowercase().contains("$localappdata") || t.contains("..") {
                problems.push(format!("removes outside the program's files: {s}"));
            }
        }
    }
    problems
}

#[test]
fn the_uninstaller_removes_only_program_files_and_shortcuts() {
    let script = script();
    let un = uninstaller(&script);
    assert!(un.iter().any(|s| s == "Delete \"$INSTDIR\\YKien.exe\""), "the uninstall section was not found: {un:?}");
    assert_eq!(uninstaller_problems(&script), Vec::<String>::new());
}

#[test]
fn the_check_catches_an_uninstaller_that_removes_the_data_folder() {
    // The check above is only worth something if it catches the mistakes it guards against.
    for bad in [
        r#"RMDir /r "$LOCALAPPDATA\YKien""#,
        r#"Delete "$LOCALAPPDATA\YKien\ykien.db""#,
        r#"RMDir /r "$INSTDIR""#,
        r#"Delete "$INSTDIR\..\..\YKien\ykien.db""#,
        r#"ExecWait '"$INSTDIR\YKien.exe" --reset'"#,
        r#"ExecShellWait "runas" "$INSTDIR\bin\ykien.exe" "restore x.db" SW_HIDE"#,
        r#"ExecWait '"$INSTDIR\bin\ykien.exe" service uninstall --purge'"#,
        r#"Delete "$DESKTOP\*.*""#,
        "!define DATA \"$LOCALAPPDATA\\YKien\"\n  RMDir \"${DATA}\"",
    ] {
        let script = format!("Section \"Uninstall\"\n  Delete \"$INSTDIR\\YKien.exe\"\n  {bad}\nSectionEnd\n");
        assert!(!uninstaller_problems(&script).is_empty(), "not caught: {bad}");
    }
    // Outside the uninstaller, the same statements are not its business.
    let install = "Section \"Install\"\n  Delete \"$TEMP\\x\"\nSectionEnd\n";
    assert!(uninstaller_problems(install).is_empty());
}

#[test]
fn the_program_is_installed_apart_from_the_data_folder() {
    let script = script();
    let install_dir = statements(&script).into_iter().find(|s| s.starts_with("InstallDir ")).expect("InstallDir");
    assert_eq!(target(&install_dir), "$LOCALAPPDATA\\Programs\\YKien");
    // The data folder the app uses is never named by the script at all.
    assert!(!script.contains("$LOCALAPPDATA\\YKien"), "the script must not name the data folder");
    let data_dir = ykien::paths::default_db_path();
    let data_dir = data_dir.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(data_dir, "YKien", "the data folder the script is kept apart from");
}

#[test]
fn the_install_is_per_user_with_version_metadata() {
    let script = script();
    let s = statements(&script);
    assert!(s.contains(&"RequestExecutionLevel user".to_owned()));
    for key in ["VIProductVersion", "VIFileVersion", "VIAddVersionKey /LANG=0 \"ProductName\"", "VIAddVersionKey /LANG=0 \"FileDescription\""] {
        assert!(s.iter().any(|l| l.starts_with(key)), "{key}");
    }
    // Every registry write goes to the current user's hive.
    for l in s.iter().filter(|l| l.starts_with("WriteReg")) {
        assert!(l.split_whitespace().nth(1) == Some("HKCU"), "{l}");
    }
}
