//! The shape of the code, checked (ARCHITECTURE.md):
//!
//! - **SQL only in `src/store/`.** No file of the core (`src/`) or of the app shell
//!   (`src-tauri/src/`) outside `src/store/` holds a string literal that is SQL, or calls
//!   rusqlite (`.prepare(`, `.execute(`, `.query_row(` …). Nothing is allowed by name: code
//!   that needs SQL (migrations, the demo generator, a report's query) belongs in the store.
//!   Examples, benches and tests are not the product and are not read (the benches measure
//!   bare SQLite on purpose).
//! - **`invoke` in one place of the UI.** Only the transport (`TRANSPORT`) calls Tauri's
//!   `invoke` or imports `@tauri-apps/api/core`, and it calls `invoke` once, in its one
//!   transport function. Unit tests (`*.test.ts`) are not read: they
//!   replace `invoke` with a mock to test the transport and its callers.
//! - **No circles between modules of the core.** Every path a module of `src/` names
//!   (`use crate::…`, `super::…`, `crate::x::y` in code, and names brought in by `use`) is
//!   resolved to the module that defines it, following re-exports (`pub use`). Two modules
//!   that are not one inside the other depend on each other when either names the other or
//!   something inside it; at each level of the tree (the top-level modules, the files of a
//!   folder) these dependencies must not go round in a circle. A module using its own
//!   submodules, or a submodule its parent, is how a module is built and is not counted;
//!   nor is code compiled for tests only (`#[cfg(test)]`), which may set up what it tests
//!   with any part of the core.
//!
//! Each detector is tested below on small sources with a planted violation, so that a clean
//! run means the rule holds, not that the detector is blind.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The one UI file allowed to call `invoke`.
const TRANSPORT: &str = "ui/src/lib/api/transport.ts";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Files under `dir` (relative to the repository) whose name ends with one of `exts`, as
/// (path relative to the repository with `/` separators, content), sorted by path.
fn files(dir: &str, exts: &[&str]) -> Vec<(String, String)> {
    fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.map_while(Result::ok) {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                if !matches!(name.as_str(), "node_modules" | "target" | "dist") {
                    walk(&p, exts, out);
                }
            } else if exts.iter().any(|x| name.ends_with(x)) {
                out.push(p);
            }
        }
    }
    let mut paths = Vec::new();
    walk(&root().join(dir), exts, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{rel}: {e}"));
            (rel, text)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Rust source: comments dropped, string literals taken out.

/// A string literal of a Rust file and the line it starts on (1-based).
#[derive(Debug)]
struct Literal {
    line: usize,
    text: String,
}

/// The code of a Rust source with comments and the contents of string and char literals
/// blanked (newlines kept, so that line numbers stay), and the string literals apart.
fn lex_rust(src: &str) -> (String, Vec<Literal>) {
    let c: Vec<char> = src.chars().collect();
    let mut code = String::with_capacity(src.len());
    let mut lits = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Blanks chars[from..to] into the code, keeping newlines.
    let blank = |code: &mut String, line: &mut usize, from: usize, to: usize| {
        for &ch in &c[from..to] {
            if ch == '\n' {
                *line += 1;
                code.push('\n');
            } else {
                code.push(' ');
            }
        }
    };
    while i < c.len() {
        let ch = c[i];
        let prev_ident = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
        if ch == '/' && c.get(i + 1) == Some(&'/') {
            let end = c[i..].iter().position(|&x| x == '\n').map_or(c.len(), |p| i + p);
            blank(&mut code, &mut line, i, end);
            i = end;
        } else if ch == '/' && c.get(i + 1) == Some(&'*') {
            let (mut depth, mut j) = (1, i + 2);
            while j < c.len() && depth > 0 {
                if c[j] == '/' && c.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if c[j] == '*' && c.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut code, &mut line, i, j);
            i = j;
        } else if !prev_ident && (ch == 'r' || (ch == 'b' && c.get(i + 1) == Some(&'r'))) && {
            let k = if ch == 'b' { i + 2 } else { i + 1 };
            let hashes = c[k..].iter().take_while(|&&x| x == '#').count();
            c.get(k + hashes) == Some(&'"')
        } {
            // A raw string: r"…", r#"…"#, br"…".
            let k = if ch == 'b' { i + 2 } else { i + 1 };
            let hashes = c[k..].iter().take_while(|&&x| x == '#').count();
            let start = k + hashes + 1;
            let mut j = start;
            while j < c.len() && !(c[j] == '"' && c[j + 1..].iter().take(hashes).filter(|&&x| x == '#').count() == hashes) {
                j += 1;
            }
            lits.push(Literal { line, text: c[start..j.min(c.len())].iter().collect() });
            let end = (j + 1 + hashes).min(c.len());
            code.extend(&c[i..start]);
            blank(&mut code, &mut line, start, end);
            i = end;
        } else if ch == '"' || (ch == 'b' && !prev_ident && c.get(i + 1) == Some(&'"')) {
            let start = if ch == 'b' { i + 2 } else { i + 1 };
            let mut j = start;
            let mut text = String::new();
            while j < c.len() && c[j] != '"' {
                if c[j] == '\\' && j + 1 < c.len() {
                    // A line continuation (`\` at the end of a line) drops the newline and the
                    // indentation after it, as the compiler does.
                    if c[j + 1] == '\n' {
                        j += 2;
                        while j < c.len() && c[j].is_whitespace() {
                            j += 1;
                        }
                        continue;
                    }
                    text.push(match c[j + 1] {
                        'n' => '\n',
                        't' => '\t',
                        other => other,
                    });
                    j += 2;
                } else {
                    text.push(c[j]);
                    j += 1;
                }
            }
            lits.push(Literal { line, text });
            code.push('"');
            blank(&mut code, &mut line, start.min(c.len()), j.min(c.len()));
            code.push('"');
            i = (j + 1).min(c.len());
        } else if ch == '\'' {
            // A char literal ('a', '\n', '\'', '"') or a lifetime ('a, 'static).
            let end = if c.get(i + 1) == Some(&'\\') {
                c[i + 2..].iter().position(|&x| x == '\'').map(|p| i + 2 + p + 1)
            } else if c.get(i + 2) == Some(&'\'') {
                Some(i + 3)
            } else {
                None
            };
            match end {
                Some(end) => {
                    code.push('\'');
                    blank(&mut code, &mut line, i + 1, end - 1);
                    code.push('\'');
                    i = end;
                }
                None => {
                    code.push(ch);
                    i += 1;
                }
            }
        } else {
            if ch == '\n' {
                line += 1;
            }
            code.push(ch);
            i += 1;
        }
    }
    (code, lits)
}

// ---------------------------------------------------------------------------------------
// SQL outside the store.

/// Words that begin an SQL statement.
const SQL_STATEMENTS: &[&str] = &[
    "SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA", "WITH", "VACUUM", "ATTACH",
    "DETACH", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "REINDEX", "ANALYZE", "EXPLAIN",
];

/// Pieces of SQL that a fragment (a condition, a column list built up in code) holds.
const SQL_CLAUSES: &[&str] = &[
    " FROM ", " WHERE ", "WHERE ", " JOIN ", "ORDER BY ", "GROUP BY ", " IS NULL", " IS NOT NULL", "INSERT INTO ", "DELETE FROM ",
    " IN (", "COUNT(", "COALESCE(", " LIMIT ",
];

/// Whether a string literal is SQL: it begins with a statement word, or holds a clause.
fn is_sql(text: &str) -> bool {
    let t = text.trim_start();
    let starts = SQL_STATEMENTS.iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == '('))
    });
    starts || SQL_CLAUSES.iter().any(|p| text.contains(p))
}

/// rusqlite's calls that run SQL or hold a statement.
const RUSQLITE_CALLS: &[&str] = &[
    ".prepare(",
    ".prepare_cached(",
    ".execute(",
    ".execute_batch(",
    ".query_row(",
    ".query_map(",
    ".query_and_then(",
    ".pragma_update(",
    ".pragma_query(",
    ".pragma_query_value(",
];

/// What speaks SQL in one Rust source: `line: what` for each finding.
fn sql_in(src: &str) -> Vec<String> {
    let (code, lits) = lex_rust(src);
    let mut found: Vec<(usize, String)> = Vec::new();
    for l in lits.iter().filter(|l| is_sql(&l.text)) {
        let short: String = l.text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(70).collect();
        found.push((l.line, format!("SQL in a string: \"{short}\"")));
    }
    for (n, line) in code.lines().enumerate() {
        let squeezed: String = line.split_whitespace().collect();
        for call in RUSQLITE_CALLS {
            if squeezed.contains(call) {
                found.push((n + 1, format!("rusqlite call `{}`", call.trim_end_matches('('))));
            }
        }
    }
    found.sort();
    found.into_iter().map(|(line, what)| format!("{line}: {what}")).collect()
}

#[test]
fn sql_is_spoken_only_in_the_store() {
    let mut found = Vec::new();
    for dir in ["src", "src-tauri/src"] {
        for (path, text) in files(dir, &[".rs"]) {
            if path.starts_with("src/store/") {
                continue;
            }
            found.extend(sql_in(&text).into_iter().map(|f| format!("{path}:{f}")));
        }
    }
    assert!(
        found.is_empty(),
        "SQL outside src/store/ ({} places); move each statement into a store function:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_sql_detector_finds_planted_sql_and_nothing_else() {
    let planted = r##"
//! Reads only. SELECT in a comment is not code: SELECT * FROM feedback.
use rusqlite::params;
/* a block comment: DELETE FROM audit_log */
fn f(conn: &Connection) -> Result<i64> {
    let label = "Sổ ghi nhận ý kiến — SELECT là một từ tiếng Anh";
    let n = conn.query_row("SELECT count(*) FROM feedback", [], |r| r.get(0))?;
    conn
        .execute(
            r#"UPDATE feedback SET status = 'closed' WHERE id = ?1"#,
            params![id],
        )?;
    let cond = format!("{} AND kind IN ('complaint', 'appeal')", x);
    let c = '"';
    let life: &'static str = "Khiếu nại về bảo mật thông tin";
    Ok(n)
}
"##;
    let found = sql_in(planted);
    assert_eq!(
        found,
        [
            "7: SQL in a string: \"SELECT count(*) FROM feedback\"",
            "7: rusqlite call `.query_row`",
            "9: rusqlite call `.execute`",
            "10: SQL in a string: \"UPDATE feedback SET status = 'closed' WHERE id = ?1\"",
            "13: SQL in a string: \"{} AND kind IN ('complaint', 'appeal')\"",
        ],
    );
    // Vietnamese text, file names and messages are not SQL.
    for text in ["Hãy nhập tên đăng nhập.", "ykien-truoc-phuc-hoi-", "XIN TRÂN TRỌNG CẢM ƠN!", "Selected", "DELETED"] {
        assert!(!is_sql(text), "{text}");
    }
    for text in ["PRAGMA key = 'x'", "  WITH t AS (SELECT 1) SELECT * FROM t", "status = ?1 AND deleted_at IS NULL", "VACUUM"] {
        assert!(is_sql(text), "{text}");
    }
}

// ---------------------------------------------------------------------------------------
// `invoke` outside the UI's transport.

/// A JavaScript or TypeScript source (or a Svelte component) without its comments; string
/// contents are kept, since an import names its module in one.
fn strip_js_comments(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let keep_newlines = |out: &mut String, s: &[char]| {
        for &ch in s {
            out.push(if ch == '\n' { '\n' } else { ' ' });
        }
    };
    while i < c.len() {
        let ch = c[i];
        let rest = |s: &str| c[i..].iter().take(s.chars().count()).copied().eq(s.chars());
        if rest("//") {
            let end = c[i..].iter().position(|&x| x == '\n').map_or(c.len(), |p| i + p);
            keep_newlines(&mut out, &c[i..end]);
            i = end;
        } else if rest("/*") || rest("<!--") {
            let close = if rest("/*") { "*/" } else { "-->" };
            let close: Vec<char> = close.chars().collect();
            let mut j = i + 2;
            while j < c.len() && !c[j..].starts_with(&close) {
                j += 1;
            }
            let end = (j + close.len()).min(c.len());
            keep_newlines(&mut out, &c[i..end]);
            i = end;
        } else if ch == '"' || ch == '\'' || ch == '`' {
            let mut j = i + 1;
            while j < c.len() && c[j] != ch && !(ch != '`' && c[j] == '\n') {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(c.len());
            out.extend(&c[i..end]);
            i = end;
        } else {
            out.push(ch);
            i += 1;
        }
    }
    out
}

/// Where a UI source reaches Tauri's IPC: `line: what` for each call of `invoke` (also
/// `invoke<T>(…)` and `x.invoke(…)`) and each import of `@tauri-apps/api/core`.
fn invokes_in(src: &str) -> Vec<String> {
    let code = strip_js_comments(src);
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        if line.contains("@tauri-apps/api/core") || line.contains("__TAURI_INTERNALS__") {
            found.push(format!("{}: reaches Tauri's IPC: {}", n + 1, line.trim()));
            continue;
        }
        let b = line.as_bytes();
        let mut from = 0;
        while let Some(p) = line[from..].find("invoke") {
            let at = from + p;
            from = at + "invoke".len();
            let before_ok = at == 0 || !(b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_' || b[at - 1] == b'$');
            let mut rest = line[from..].trim_start();
            if rest.starts_with('<') {
                // A type argument: invoke<Case[]>(…), invoke<Map<string, number>>(…).
                let mut depth = 0;
                let mut end = None;
                for (k, ch) in rest.char_indices() {
                    match ch {
                        '<' => depth += 1,
                        '>' => {
                            depth -= 1;
                            if depth == 0 {
                                end = Some(k + 1);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = end.map_or("", |e| rest[e..].trim_start());
            }
            if before_ok && rest.starts_with('(') {
                found.push(format!("{}: calls invoke: {}", n + 1, line.trim()));
                break;
            }
        }
    }
    found
}

#[test]
fn only_the_transport_calls_invoke() {
    let mut found = Vec::new();
    for (path, text) in files("ui/src", &[".ts", ".js", ".svelte"]) {
        if path == TRANSPORT || path.ends_with(".test.ts") || path.ends_with(".test.js") {
            continue;
        }
        found.extend(invokes_in(&text).into_iter().map(|f| format!("{path}:{f}")));
    }
    // And inside it, one function calls invoke: the one place a browser's fetch replaces.
    match std::fs::read_to_string(root().join(TRANSPORT)) {
        Ok(transport) => {
            let calls = invokes_in(&transport).into_iter().filter(|f| f.contains("calls invoke")).count();
            if calls != 1 {
                found.push(format!("{TRANSPORT}: invoke is called in {calls} places, not in one transport function"));
            }
        }
        Err(e) => found.push(format!("{TRANSPORT}: the transport cannot be read: {e}")),
    }
    assert!(
        found.is_empty(),
        "invoke called outside the transport {TRANSPORT} ({} places); go through the transport:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_invoke_detector_finds_planted_calls_and_nothing_else() {
    let planted = r#"<script lang="ts">
  // the only file that calls invoke(): not here
  import { invoke } from '@tauri-apps/api/core';
  /* invoke('x') in a comment */
  const label = 'gọi invoke sau';
  const a = await invoke<Case[]>('feedback_list', { filter });
  const b = await invoke ('app_info');
  const c = await window.__TAURI_INTERNALS__.invoke('x');
  const d = reinvoke('x');
  const e = invokeLater;
</script>
<!-- <button onclick={() => invoke('x')}> -->
<p>invoke</p>
"#;
    let found: Vec<usize> = invokes_in(planted).iter().map(|f| f.split(':').next().unwrap().parse().unwrap()).collect();
    assert_eq!(found, [3, 6, 7, 8]);
    assert_eq!(invokes_in("const m = new Map<string, number>();\nconst x = await invoke<Map<string, number>>('m');\n").len(), 1);
}

// ---------------------------------------------------------------------------------------
// Circles between modules.

/// One `use` leaf: the path named, and the name it is known by where it is used (`None`
/// for a glob).
#[derive(Debug, Clone)]
struct UseLeaf {
    path: Vec<String>,
    name: Option<String>,
}

/// A token of Rust code: an identifier (or keyword) or one punctuation character; `::` is
/// one token.
#[derive(Debug, Clone, PartialEq)]
struct Tok {
    text: String,
    line: usize,
}

fn tokens(code: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let c: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < c.len() {
            if c[i].is_alphanumeric() || c[i] == '_' {
                let start = i;
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
                out.push(Tok { text: c[start..i].iter().collect(), line: n + 1 });
            } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
                out.push(Tok { text: "::".into(), line: n + 1 });
                i += 2;
            } else if c[i].is_whitespace() {
                i += 1;
            } else {
                out.push(Tok { text: c[i].to_string(), line: n + 1 });
                i += 1;
            }
        }
    }
    out
}

/// Parses a use tree starting at `t[i]` with the path so far `prefix`; returns the leaves
/// and the index after the tree.
fn use_tree(t: &[Tok], mut i: usize, prefix: Vec<String>, leaves: &mut Vec<UseLeaf>) -> usize {
    let mut path = prefix;
    loop {
        match t.get(i).map(|x| x.text.as_str()) {
            Some("{") => {
                i += 1;
                loop {
                    match t.get(i).map(|x| x.text.as_str()) {
                        Some("}") => return i + 1,
                        Some(",") => i += 1,
                        None => return i,
                        _ => i = use_tree(t, i, path.clone(), leaves),
                    }
                }
            }
            Some("*") => {
                leaves.push(UseLeaf { path, name: None });
                return i + 1;
            }
            Some(s) if s.starts_with(|c: char| c.is_alphanumeric() || c == '_') => {
                path.push(s.to_owned());
                i += 1;
                if t.get(i).map(|x| x.text.as_str()) == Some("::") {
                    i += 1;
                    continue;
                }
                let mut name = path.last().cloned();
                if t.get(i).map(|x| x.text.as_str()) == Some("as") {
                    name = t.get(i + 1).map(|x| x.text.clone());
                    i += 2;
                }
                if name.as_deref() == Some("self") {
                    path.pop();
                    name = path.last().cloned();
                }
                if name.as_deref() != Some("_") {
                    leaves.push(UseLeaf { path, name });
                }
                return i;
            }
            _ => return i,
        }
    }
}

/// What one file of the core says about modules: the modules it names, with the line.
#[derive(Debug, Default)]
struct FileRefs {
    /// Every `use` leaf, with the inline module it appears in (relative to the file).
    uses: Vec<(Vec<String>, UseLeaf, usize)>,
    /// Every path in code starting with `crate`, `super`, `self` or a name brought in by
    /// `use`, with the inline module it appears in.
    paths: Vec<(Vec<String>, Vec<String>, usize)>,
}

fn file_refs(src: &str) -> FileRefs {
    let (code, _) = lex_rust(src);
    let t = tokens(&code);
    let mut refs = FileRefs::default();
    // Inline modules (`mod tests { … }`) by the brace depth they close at, and whether they
    // are compiled for tests only.
    let mut inline: Vec<(String, usize, bool)> = Vec::new();
    let mut depth = 0usize;
    let mut cfg_test = false;
    let mut i = 0;
    while i < t.len() {
        let here: Vec<String> = inline.iter().map(|(n, _, _)| n.clone()).collect();
        let in_test = inline.iter().any(|(_, _, test)| *test);
        let word = |at: usize| t.get(at).map_or("", |x| x.text.as_str());
        if (i..i + 7).map(word).eq(["#", "[", "cfg", "(", "test", ")", "]"]) {
            cfg_test = true;
            i += 7;
            continue;
        }
        // Other attributes and the visibility between `#[cfg(test)]` and its item.
        if cfg_test && (word(i) == "#" || word(i) == "pub") {
            let (open, close) = if word(i) == "#" { ("[", "]") } else { ("(", ")") };
            i += 1;
            if word(i) == open {
                let mut nest = 0;
                while i < t.len() {
                    nest += (t[i].text == open) as i32 - (t[i].text == close) as i32;
                    i += 1;
                    if nest == 0 {
                        break;
                    }
                }
            }
            continue;
        }
        let test_item = std::mem::take(&mut cfg_test);
        match t[i].text.as_str() {
            "{" => depth += 1,
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|(_, d, _)| *d == depth) {
                    inline.pop();
                }
            }
            "mod" if t.get(i + 2).map(|x| x.text.as_str()) == Some("{") => {
                inline.push((t[i + 1].text.clone(), depth, test_item || in_test));
                depth += 1;
                i += 3;
                continue;
            }
            "use" if test_item => {
                // A test-only import: skipped whole.
                while i < t.len() && t[i].text != ";" {
                    i += 1;
                }
            }
            _ if in_test => {}
            "use" => {
                let line = t[i].line;
                let mut leaves = Vec::new();
                let mut j = i + 1;
                if t.get(j).map(|x| x.text.as_str()) == Some("::") {
                    j += 1;
                }
                j = use_tree(&t, j, Vec::new(), &mut leaves);
                refs.uses.extend(leaves.into_iter().map(|l| (here.clone(), l, line)));
                i = j;
                continue;
            }
            s if s.starts_with(|c: char| c.is_alphanumeric() || c == '_')
                && t.get(i + 1).map(|x| x.text.as_str()) == Some("::")
                && (i == 0 || t[i - 1].text != "::") =>
            {
                let line = t[i].line;
                let mut path = vec![s.to_owned()];
                let mut j = i + 1;
                while t.get(j).map(|x| x.text.as_str()) == Some("::")
                    && t.get(j + 1).is_some_and(|x| x.text.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
                {
                    path.push(t[j + 1].text.clone());
                    j += 2;
                }
                refs.paths.push((here, path, line));
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    refs
}

/// The module a source file of `src/` is: `src/lib.rs` is the crate root `[]`,
/// `src/store/mod.rs` and `src/store.rs` are `["store"]`, `src/store/backup.rs` is
/// `["store", "backup"]`.
fn module_of(path: &str) -> Vec<String> {
    let rel = path.strip_prefix("src/").unwrap_or(path).trim_end_matches(".rs");
    let mut m: Vec<String> = rel.split('/').map(str::to_owned).collect();
    if matches!(m.last().map(String::as_str), Some("mod" | "lib")) {
        m.pop();
    }
    m
}

/// A dependency of one module on another, with where it is written.
#[derive(Debug, Clone)]
struct Evidence {
    file: String,
    line: usize,
    path: String,
}

/// The circles among the modules of the given files of `src/` (path, source): each circle
/// as a message naming its modules in order and where each step is written.
fn circles(files: &[(String, String)]) -> Vec<String> {
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(p, _)| module_of(p)).collect();
    let parsed: Vec<(String, Vec<String>, FileRefs)> = files.iter().map(|(p, s)| (p.clone(), module_of(p), file_refs(s))).collect();
    // The names each module brings in with `use` (its own, and what it re-exports), as paths
    // relative to the crate root; globs are not followed.
    let mut names: BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for (_, m, refs) in &parsed {
        for (_, leaf, _) in refs.uses.iter().filter(|(inline, _, _)| inline.is_empty()) {
            if let (Some(name), Some(abs)) = (&leaf.name, absolute(m, &[], &leaf.path, &BTreeMap::new(), &modules)) {
                names.entry(m.clone()).or_default().insert(name.clone(), abs);
            }
        }
    }
    let mut edges: BTreeMap<Vec<String>, BTreeMap<Vec<String>, Evidence>> = BTreeMap::new();
    for (file, m, refs) in &parsed {
        let own = names.get(m).cloned().unwrap_or_default();
        let all = refs
            .uses
            .iter()
            .map(|(inline, leaf, line)| (inline, &leaf.path, *line))
            .chain(refs.paths.iter().map(|(inline, path, line)| (inline, path, *line)));
        for (inline, path, line) in all {
            let Some(abs) = absolute(m, inline, path, &own, &modules) else { continue };
            let target = defining_module(&abs, &names, &modules);
            let common = m.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common == m.len() || common == target.len() {
                continue; // the same module, or one inside the other
            }
            let (from, to) = (m[..=common].to_vec(), target[..=common].to_vec());
            edges
                .entry(from)
                .or_default()
                .entry(to)
                .or_insert_with(|| Evidence { file: file.clone(), line, path: path.join("::") });
        }
    }
    find_circles(&edges)
}

/// The path `p`, written in module `m` (inside its inline modules `inline`), relative to the
/// crate root; `None` when it does not start inside the crate.
fn absolute(
    m: &[String],
    inline: &[String],
    p: &[String],
    own: &BTreeMap<String, Vec<String>>,
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let first = p.first()?;
    let mut here: Vec<String> = m.iter().chain(inline).cloned().collect();
    let mut rest = p;
    match first.as_str() {
        "crate" => {
            here.clear();
            rest = &p[1..];
        }
        "self" => rest = &p[1..],
        "super" => {
            while rest.first().map(String::as_str) == Some("super") {
                here.pop()?;
                rest = &rest[1..];
            }
        }
        name => {
            if let Some(abs) = own.get(name) {
                here = abs.clone();
                rest = &p[1..];
            } else {
                // A child module used by its bare name (`mod x;` then `x::f()`).
                let mut child = here.clone();
                child.push(name.to_owned());
                if !modules.contains(&child) {
                    return None;
                }
            }
        }
    }
    here.extend(rest.iter().cloned());
    Some(here)
}

/// The module that defines what `abs` names: the longest module prefix of it, followed
/// through that module's imports and re-exports.
fn defining_module(abs: &[String], names: &BTreeMap<Vec<String>, BTreeMap<String, Vec<String>>>, modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    let mut abs = abs.to_vec();
    for _ in 0..16 {
        let k = (0..=abs.len()).rev().find(|&k| modules.contains(&abs[..k].to_vec())).unwrap_or(0);
        let module = abs[..k].to_vec();
        let Some(next) = abs.get(k) else { return module };
        match names.get(&module).and_then(|n| n.get(next)) {
            Some(target) if target.as_slice() != &abs[..=k] => {
                let mut followed = target.clone();
                followed.extend(abs[k + 1..].iter().cloned());
                abs = followed;
            }
            _ => return module,
        }
    }
    abs
}

/// The circles of a graph of modules: for each group of modules that reach each other, one
/// shortest circle through its first module, with the evidence of each step.
fn find_circles(edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, Evidence>>) -> Vec<String> {
    let show = |m: &Vec<String>| if m.is_empty() { "crate".to_owned() } else { m.join("::") };
    let nodes: BTreeSet<&Vec<String>> = edges.keys().chain(edges.values().flat_map(|t| t.keys())).collect();
    let reach = |from: &Vec<String>| -> BTreeSet<Vec<String>> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(x) = todo.pop() {
            for next in edges.get(&x).into_iter().flat_map(|t| t.keys()) {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let mut done: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut out = Vec::new();
    for &n in &nodes {
        if done.contains(n) {
            continue;
        }
        let from_n = reach(n);
        if !from_n.contains(n) {
            continue;
        }
        let group: BTreeSet<Vec<String>> = from_n.iter().filter(|m| reach(m).contains(n)).cloned().collect();
        done.extend(group.iter().cloned());
        // The shortest way round from n back to n, breadth first.
        let mut prev: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([n.clone()]);
        'search: while let Some(x) = queue.pop_front() {
            for next in edges.get(&x).into_iter().flat_map(|t| t.keys()) {
                if next == n {
                    prev.insert(n.clone(), x.clone());
                    break 'search;
                }
                if group.contains(next) && !prev.contains_key(next) {
                    prev.insert(next.clone(), x.clone());
                    queue.push_back(next.clone());
                }
            }
        }
        let mut circle = vec![n.clone()];
        let mut at = prev[n].clone();
        while &at != n {
            circle.push(at.clone());
            at = prev[&at].clone();
        }
        circle.push(n.clone());
        circle.reverse();
        let mut msg = circle.iter().map(show).collect::<Vec<_>>().join(" → ");
        for w in circle.windows(2) {
            let e = &edges[&w[0]][&w[1]];
            msg.push_str(&format!("\n    {} → {}: {}:{} `{}`", show(&w[0]), show(&w[1]), e.file, e.line, e.path));
        }
        if group.len() > circle.len() - 1 {
            msg.push_str(&format!("\n    (in one knot with {})", group.iter().filter(|m| !circle.contains(m)).map(show).collect::<Vec<_>>().join(", ")));
        }
        out.push(msg);
    }
    out
}

#[test]
fn no_module_of_the_core_imports_one_that_imports_it_back() {
    let sources: Vec<(String, String)> = files("src", &[".rs"]).into_iter().filter(|(p, _)| !p.starts_with("src/bin/")).collect();
    assert!(sources.len() > 20, "the core's sources were not found");
    let found = circles(&sources);
    assert!(found.is_empty(), "modules of the core that depend on each other ({}):\n{}", found.len(), found.join("\n"));
}

fn planted(files: &[(&str, &str)]) -> Vec<String> {
    circles(&files.iter().map(|(p, s)| (p.to_string(), s.to_string())).collect::<Vec<_>>())
}

#[test]
fn the_circle_detector_finds_planted_circles_and_nothing_else() {
    // Two files of a folder that use each other, one through `super::`.
    let found = planted(&[
        ("src/lib.rs", "pub mod store;"),
        ("src/store/mod.rs", "pub mod backup;\npub mod cipher;\npub use backup::BackupFile;"),
        ("src/store/backup.rs", "use super::cipher::{self, Key};\npub struct BackupFile;"),
        ("src/store/cipher.rs", "pub struct Key;\n\nfn f() { crate::store::backup::check(); }"),
    ]);
    assert_eq!(
        found,
        ["store::backup → store::cipher → store::backup\n    store::backup → store::cipher: src/store/backup.rs:1 `super::cipher`\n    store::cipher → store::backup: src/store/cipher.rs:3 `crate::store::backup::check`"]
    );

    // Top-level modules through a re-export at the crate root, and a name brought in by
    // `use` then used in code; the circle is reported between the top-level modules. (The
    // planted files are text the detector reads, never compiled: `todo!()` only gives the
    // function a body.)
    let found = planted(&[
        ("src/lib.rs", "pub mod access;\npub mod domain;\npub use access::Action;"),
        ("src/access/mod.rs", "use crate::domain;\nfn f() -> domain::staff::Role { todo!() }"),
        ("src/domain/mod.rs", "pub mod staff;"),
        ("src/domain/staff.rs", "pub enum Role {}\nimpl Role { fn may(&self, a: crate::Action) {} }"),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("access → domain → access\n"), "{}", found[0]);
    assert!(found[0].contains("domain → access: src/domain/staff.rs:2 `crate::Action`"), "{}", found[0]);

    // Three in a row.
    let found = planted(&[
        ("src/lib.rs", "mod report;"),
        ("src/report/mod.rs", "mod annual; mod figures; mod review;"),
        ("src/report/annual.rs", "use super::figures::Figures;"),
        ("src/report/figures.rs", "use super::review::Objective; pub struct Figures;"),
        ("src/report/review.rs", "pub struct Objective; fn f() { super::annual::draw(); }"),
    ]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("report::annual → report::figures → report::review → report::annual"), "{}", found[0]);

    // Not circles: a parent and its children using each other, one-way layers, paths of
    // other crates, paths in comments and strings, and an inline test module's `super::*`.
    let found = planted(&[
        ("src/lib.rs", "pub mod domain;\npub mod store;\npub use store::Tx;\nfn f() { store::open(); }"),
        ("src/domain/mod.rs", "pub mod feedback;\nuse feedback::Kind;"),
        ("src/domain/feedback.rs", "use super::Kind as K;\nuse std::path::Path;\npub enum Kind {}\n// crate::store::Tx\nconst S: &str = \"crate::store::x\";"),
        ("src/store/mod.rs", "use crate::domain::feedback::Kind;\npub struct Tx;\npub fn open() { crate::Tx; }\n#[cfg(test)]\nmod tests {\n    use super::*;\n    fn t() { let _ = Tx; }\n}"),
    ]);
    assert!(found.is_empty(), "{found:?}");

    // A test module may use the facade to set up what it tests; the same use outside it is
    // a circle.
    let store = "pub struct Tx;\n#[cfg(test)]\nuse crate::ledger::Ledger as L;\n#[cfg(test)]\n#[allow(dead_code)]\npub(crate) mod tests {\n    use crate::ledger::Ledger;\n    fn t() { crate::ledger::open(); }\n}";
    let files = |store: &'static str| {
        planted(&[
            ("src/lib.rs", "pub mod ledger;\npub mod store;\npub use ledger::Ledger;"),
            ("src/ledger/mod.rs", "use crate::store::Tx;\npub struct Ledger;"),
            ("src/store/mod.rs", store),
        ])
    };
    assert!(files(store).is_empty(), "{:?}", files(store));
    let found = files("pub struct Tx;\nfn f(l: &crate::Ledger) {}\n#[cfg(test)]\nmod tests {}");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("ledger → store → ledger"), "{}", found[0]);
}

// ---------------------------------------------------------------------------------------
// The audit log's record kinds, named in Vietnamese in the window.

/// The record kinds the core writes to the audit log: the first argument of every
/// `.audit("…", …)` call in `src/`.
fn audited_entities(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in src.match_indices(".audit") {
        let mut rest = &src[i + ".audit".len()..];
        if let Some(generic) = rest.strip_prefix("::<") {
            rest = generic.split_once('>').map_or("", |(_, after)| after);
        }
        let Some(args) = rest.strip_prefix('(') else { continue };
        let Some(quoted) = args.trim_start().strip_prefix('"') else { continue };
        let name: String = quoted.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
        if quoted[name.len()..].starts_with('"') && !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn every_record_kind_of_the_audit_log_has_a_vietnamese_name_in_the_window() {
    let labels = std::fs::read_to_string(root().join("ui/src/lib/labels.ts")).unwrap();
    let block = labels.split("export const ENTITY_LABELS").nth(1).and_then(|b| b.split("};").next()).unwrap();
    let named: BTreeSet<&str> = block.lines().filter_map(|l| l.trim().split_once(':').map(|(k, _)| k.trim())).collect();
    let mut missing = BTreeSet::new();
    for (path, src) in files("src", &["rs"]) {
        for entity in audited_entities(&src) {
            if !named.contains(entity.as_str()) {
                missing.insert(format!("{entity} ({path})"));
            }
        }
    }
    assert!(missing.is_empty(), "record kinds without a Vietnamese name in ENTITY_LABELS (ui/src/lib/labels.ts): {missing:?}");
    // The finder finds what it must.
    let planted = "tx.audit(\"unit\", id, None, Some(&u))?; tx.audit::<(), _>(\n    \"disposal\",\n id); self.audit_log(3);";
    assert_eq!(audited_entities(planted), ["unit", "disposal"]);
}
