//! The health of a database file, as SQLite judges it. A leaf of `store`: opening, backups
//! and encryption all check files with it.

use crate::error::Result;
use rusqlite::Connection;

/// `PRAGMA integrity_check` and `foreign_key_check`: the problems found, empty when healthy.
pub fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    for row in st.query_map([], |r| r.get::<_, String>(0))? {
        let row = row?;
        if row != "ok" {
            problems.extend(row.lines().filter_map(said));
        }
    }
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = st.query_map([], |r| Ok(format!("khoá ngoại hỏng: bảng {} dòng {}", r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        problems.push(row?);
    }
    Ok(problems)
}

/// `PRAGMA quick_check`: the file's structure without the slower checks of
/// [`integrity_problems`]; the problems found, empty when healthy.
pub fn quick_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA quick_check")?;
    let rows = st.query_map([], |r| r.get::<_, String>(0))?;
    Ok(rows.filter_map(|r| r.ok()).filter(|r| r != "ok").flat_map(|r| r.lines().filter_map(said).collect::<Vec<_>>()).collect())
}

/// One line of SQLite's integrity report in Vietnamese: what is damaged and where (a page,
/// an index, a table), never SQLite's English. `None` for its heading lines
/// ("*** in database main ***").
fn said(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with("***") {
        return None;
    }
    // The name SQLite names last (an index or a table): the words after the last space.
    let last_word = line.rsplit(' ').next().unwrap_or("").trim_end_matches('.');
    let page = line
        .split(|c: char| !c.is_ascii_alphanumeric())
        .skip_while(|w| !w.eq_ignore_ascii_case("page"))
        .nth(1)
        .filter(|n| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty());
    let text = if line.contains("index") {
        format!("chỉ mục «{last_word}» không khớp với bảng của nó (sửa được bằng cách dựng lại chỉ mục)")
    } else if line.starts_with("NULL value in") || line.starts_with("CHECK constraint failed") {
        format!("ô «{last_word}» có giá trị không được phép")
    } else if line.contains("never used") {
        format!("trang {} của tệp nằm ngoài mọi bảng (bị bỏ rơi)", page.unwrap_or("?"))
    } else if line.contains("reference") || line.starts_with("Freelist") {
        "danh sách trang trống của tệp bị hỏng".to_owned()
    } else if let Some(page) = page {
        format!("trang {page} của tệp bị hỏng cấu trúc")
    } else {
        "cấu trúc tệp bị hỏng".to_owned()
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::said;

    #[test]
    fn sqlites_integrity_lines_are_said_in_vietnamese() {
        assert_eq!(said("*** in database main ***"), None);
        assert_eq!(said("Page 7: btreeInitPage() returns error code 11").as_deref(), Some("trang 7 của tệp bị hỏng cấu trúc"));
        assert_eq!(said("Tree 5 page 12 cell 0: invalid page number 4096").as_deref(), Some("trang 12 của tệp bị hỏng cấu trúc"));
        assert_eq!(said("Page 9 is never used").as_deref(), Some("trang 9 của tệp nằm ngoài mọi bảng (bị bỏ rơi)"));
        assert_eq!(
            said("row 3 missing from index idx_feedback_received").as_deref(),
            Some("chỉ mục «idx_feedback_received» không khớp với bảng của nó (sửa được bằng cách dựng lại chỉ mục)")
        );
        assert_eq!(said("NULL value in feedback.status").as_deref(), Some("ô «feedback.status» có giá trị không được phép"));
        assert_eq!(said("database disk image is malformed").as_deref(), Some("cấu trúc tệp bị hỏng"));
    }
}
