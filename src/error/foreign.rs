//! What the libraries under the core say, said in Vietnamese: SQLite's result codes, the
//! operating system's file errors and the JSON parser's complaints become sentences a clerk
//! can act on. Their English words never reach a person; the numeric codes stay in brackets,
//! for whoever supports the office.

use std::io::ErrorKind;

/// Said at the end of a message about a fault the clerk cannot mend alone.
const ASK_ADMIN: &str = "nếu vẫn lỗi, hãy báo cho cán bộ quản trị";

/// An SQLite error. Nothing was saved: every write runs in one transaction, and a failed
/// one is rolled back whole.
pub(super) fn storage(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    let rusqlite::Error::SqliteFailure(failure, _) = e else {
        // Not SQLite's refusal but a record that does not read as the program expects
        // (a column of an unexpected type, a missing row): a fault of the program or a
        // file changed by another tool.
        return format!(
            "Dữ liệu đọc ra không đúng dạng chương trình cần; thao tác chưa được thực hiện. Hãy chạy «Kiểm tra tệp dữ liệu» \
             (ykien check); {ASK_ADMIN}."
        );
    };
    let code = failure.extended_code;
    match failure.code {
        C::DatabaseBusy | C::DatabaseLocked => {
            "Dữ liệu đang bận vì một việc dài (sao lưu, nhập, xuất hoặc tiêu huỷ hồ sơ) đang ghi; \
             thao tác này chưa được lưu. Hãy chờ việc đó xong rồi thử lại."
                .into()
        }
        C::DiskFull => "Ổ đĩa chứa tệp dữ liệu đã đầy; thao tác chưa được lưu. Hãy giải phóng chỗ trống (xoá tệp không \
                        cần, chuyển bản sao lưu cũ sang ổ khác) rồi thử lại."
            .into(),
        C::ReadOnly => format!(
            "Tệp dữ liệu đang chỉ cho đọc (tệp có thuộc tính chỉ đọc, ổ đĩa khoá ghi, hoặc tài khoản Windows không có quyền \
             ghi); thao tác chưa được lưu. Hãy nhờ cán bộ quản trị cấp quyền ghi cho thư mục chứa tệp (mã lỗi {code})."
        ),
        C::CannotOpen | C::PermissionDenied | C::AuthorizationForStatementDenied => format!(
            "Không mở được tệp dữ liệu: thư mục không còn, ổ đĩa đã bị rút ra, hoặc không có quyền truy cập. Hãy kiểm tra \
             đường dẫn và quyền của thư mục; {ASK_ADMIN} (mã lỗi {code})."
        ),
        C::NotADatabase => "Tệp này không phải là tệp dữ liệu của Ý Kiến, hoặc đã được mã hoá bằng mật khẩu khác, hoặc \
                            đã bị hỏng nặng. Hãy chọn đúng tệp, hoặc phục hồi từ bản sao lưu."
            .into(),
        C::DatabaseCorrupt => "Tệp dữ liệu bị hỏng; thao tác chưa được lưu. Đừng nhập thêm: hãy chạy «Kiểm tra tệp dữ \
                               liệu» (ykien check) và phục hồi từ bản sao lưu gần nhất."
            .into(),
        C::SystemIoFailure | C::FileLockingProtocolFailed => format!(
            "Không đọc hoặc ghi được tệp dữ liệu trên ổ đĩa (ổ USB bị rút, ổ mạng mất kết nối, hoặc ổ đĩa lỗi); thao tác \
             chưa được lưu. Hãy kiểm tra ổ đĩa rồi thử lại; {ASK_ADMIN} (mã lỗi {code})."
        ),
        C::OutOfMemory => "Máy đã hết bộ nhớ; thao tác chưa được lưu. Hãy đóng bớt chương trình khác rồi thử lại.".into(),
        C::TooBig => "Nội dung quá lớn để lưu vào một ô của sổ; thao tác chưa được lưu. Hãy rút gọn nội dung rồi thử lại."
            .into(),
        C::ConstraintViolation => format!(
            "Dữ liệu trái với ràng buộc của sổ (trùng số hoặc thiếu bản ghi liên quan); thao tác chưa được lưu. Hãy tải lại \
             rồi thử lại; {ASK_ADMIN} (mã lỗi {code})."
        ),
        _ => format!(
            "Lỗi cơ sở dữ liệu; thao tác chưa được lưu. Hãy thử lại; {ASK_ADMIN} (mã lỗi SQLite {code})."
        ),
    }
}

/// A file-system error. An error the core made itself with its own Vietnamese words (a
/// custom error) keeps them; the operating system's errors are told by their kind.
pub(super) fn io(e: &std::io::Error) -> String {
    if e.raw_os_error().is_none() {
        if let Some(own) = e.get_ref() {
            return format!("Lỗi đọc/ghi tệp: {own}");
        }
    }
    // A file open in another program on Windows (Excel keeps its file locked).
    #[cfg(windows)]
    if matches!(e.raw_os_error(), Some(32 | 33)) {
        return "Tệp đang được một chương trình khác mở (thường là Excel hoặc trình đọc PDF). Hãy đóng tệp ở chương \
                trình đó rồi thử lại."
            .into();
    }
    let code = e.raw_os_error().map(|c| format!(" (mã lỗi hệ thống {c})")).unwrap_or_default();
    let sentence = match e.kind() {
        ErrorKind::NotFound => "Không tìm thấy tệp hoặc thư mục. Hãy kiểm tra đường dẫn (ổ USB đã cắm chưa?) rồi thử lại.",
        ErrorKind::PermissionDenied => {
            "Không có quyền đọc hoặc ghi tệp, thư mục này. Hãy chọn thư mục khác (ví dụ thư mục Tài liệu), hoặc đóng \
             chương trình đang mở tệp rồi thử lại."
        }
        ErrorKind::AlreadyExists => "Đã có tệp trùng tên ở đó. Hãy chọn tên khác.",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "Ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác rồi thử lại."
        }
        ErrorKind::ReadOnlyFilesystem => "Ổ đĩa này chỉ cho đọc (ví dụ đĩa CD, hoặc USB gạt khoá ghi). Hãy chọn ổ đĩa khác.",
        ErrorKind::NotADirectory => "Đường dẫn có một phần là tệp chứ không phải thư mục. Hãy chọn lại thư mục.",
        ErrorKind::IsADirectory => "Đường dẫn là một thư mục chứ không phải tệp. Hãy chọn một tệp.",
        ErrorKind::DirectoryNotEmpty => "Thư mục không trống.",
        ErrorKind::InvalidFilename | ErrorKind::InvalidInput => {
            "Tên tệp hoặc đường dẫn không hợp lệ (quá dài hoặc có ký tự không được dùng). Hãy đặt tên khác."
        }
        ErrorKind::InvalidData | ErrorKind::UnexpectedEof => {
            "Tệp bị hỏng hoặc bị cắt cụt (chép chưa xong?). Hãy chép lại tệp rồi thử lại."
        }
        ErrorKind::FileTooLarge => "Tệp quá lớn.",
        ErrorKind::TimedOut => "Quá thời gian chờ. Hãy thử lại.",
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted
        | ErrorKind::NotConnected | ErrorKind::BrokenPipe | ErrorKind::HostUnreachable
        | ErrorKind::NetworkUnreachable | ErrorKind::NetworkDown => {
            "Mất kết nối mạng giữa các máy. Hãy kiểm tra dây mạng, máy chủ đã bật chưa, rồi thử lại."
        }
        ErrorKind::AddrInUse => {
            "Cổng mạng đã có chương trình khác dùng (có thể là một máy chủ Ý Kiến khác đang chạy). Hãy chọn cổng khác."
        }
        ErrorKind::AddrNotAvailable => "Địa chỉ mạng này không thuộc máy này. Hãy kiểm tra địa chỉ.",
        ErrorKind::Interrupted | ErrorKind::WouldBlock | ErrorKind::ResourceBusy => {
            "Tệp hoặc thiết bị đang bận. Hãy thử lại sau giây lát."
        }
        ErrorKind::OutOfMemory => "Máy đã hết bộ nhớ. Hãy đóng bớt chương trình khác rồi thử lại.",
        _ => "Không đọc hoặc ghi được tệp. Hãy kiểm tra ổ đĩa, quyền của thư mục rồi thử lại; nếu vẫn lỗi, hãy báo cho \
              cán bộ quản trị.",
    };
    format!("{sentence}{code}")
}

/// The JSON parser's complaint about arguments or a file: what is wrong, where, in words. The
/// names it quotes (a field, a value) are the caller's own and stay as written.
pub fn json(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = if e.line() > 0 { format!(" (dòng {}, cột {})", e.line(), e.column()) } else { String::new() };
    let text = e.to_string();
    let quoted = backquoted(&text);
    let what = match e.classify() {
        Category::Eof => "dữ liệu JSON bị cắt cụt".to_owned(),
        Category::Syntax => "dữ liệu JSON sai cú pháp".to_owned(),
        Category::Io => "không đọc được dữ liệu JSON".to_owned(),
        Category::Data if text.starts_with("missing field") => {
            format!("thiếu trường «{}»", quoted.first().copied().unwrap_or(""))
        }
        Category::Data if text.starts_with("unknown field") => {
            format!("không có trường «{}»", quoted.first().copied().unwrap_or(""))
        }
        Category::Data if text.starts_with("unknown variant") => {
            // "unknown variant `khen`, expected one of `complaint`, `praise`": the value typed,
            // then the choices.
            let (value, choices) = quoted.split_first().map_or(("", &[][..]), |(v, rest)| (*v, rest));
            let choices = choices.iter().map(|q| format!("«{q}»")).collect::<Vec<_>>().join(", ");
            if choices.is_empty() {
                format!("giá trị «{value}» không dùng được ở đây")
            } else {
                format!("giá trị «{value}» không dùng được ở đây; chọn một trong: {choices}")
            }
        }
        Category::Data if text.starts_with("duplicate field") => {
            format!("trường «{}» ghi hai lần", quoted.first().copied().unwrap_or(""))
        }
        Category::Data if text.starts_with("invalid length") => "số phần tử không đúng".to_owned(),
        Category::Data if text.starts_with("invalid type") => format!("sai kiểu giá trị: {}", kinds_said(&text)),
        Category::Data => "giá trị không hợp lệ".to_owned(),
    };
    format!("{what}{at}")
}

/// The names serde quotes in backquotes, in order: "missing field `limit`" → ["limit"]. The
/// text between two backquotes is a name; the text outside them is serde's English.
fn backquoted(text: &str) -> Vec<&str> {
    text.split('`').enumerate().filter(|(i, _)| i % 2 == 1).map(|(_, part)| part).collect()
}

/// "invalid type: string \"x\", expected u32" → «có chuỗi, cần số»: the two kinds, in words.
fn kinds_said(text: &str) -> String {
    let body = text.strip_prefix("invalid type: ").unwrap_or(text);
    let body = body.split(" at line ").next().unwrap_or(body);
    let (found, expected) = body.split_once(", expected ").unwrap_or((body, ""));
    let word = |s: &str| -> &'static str {
        let s = s.trim();
        if s.starts_with("string") || s.starts_with("a string") || s.starts_with("char") {
            "chữ"
        } else if s.starts_with("null") || s.starts_with("unit") {
            "giá trị rỗng"
        } else if s.starts_with("boolean") || s.starts_with("a boolean") || s.starts_with("bool") {
            "đúng/sai"
        } else if s.contains("sequence") {
            "danh sách"
        } else if s.contains("map") || s.starts_with("struct") {
            "bảng giá trị"
        } else if s.starts_with("integer") || s.starts_with("floating") || s.contains("number")
            || s.starts_with('i') || s.starts_with('u') || s.starts_with('f')
        {
            "số"
        } else {
            "giá trị khác"
        }
    };
    if expected.is_empty() {
        format!("có {}", word(found))
    } else {
        format!("có {}, cần {}", word(found), word(expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cores_own_words_in_a_file_error_are_kept() {
        let own = std::io::Error::other("không tạo được chứng chỉ của máy chủ");
        assert_eq!(io(&own), "Lỗi đọc/ghi tệp: không tạo được chứng chỉ của máy chủ");
        let missing = std::fs::read("/không/có/tệp/này").unwrap_err();
        assert_eq!(io(&missing), "Không tìm thấy tệp hoặc thư mục. Hãy kiểm tra đường dẫn (ổ USB đã cắm chưa?) rồi thử lại. (mã lỗi hệ thống 2)");
    }

    #[test]
    fn the_json_parsers_complaints_are_said_in_vietnamese_naming_the_field() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Args {
            limit: u32,
            kind: Kind,
        }
        #[derive(serde::Deserialize, Debug)]
        #[serde(rename_all = "snake_case")]
        enum Kind {
            Complaint,
            Praise,
        }
        let said = |text: &str| json(&serde_json::from_str::<Args>(text).unwrap_err());
        assert_eq!(said(r#"{"kind": "complaint"}"#), "thiếu trường «limit» (dòng 1, cột 21)");
        assert_eq!(
            said(r#"{"limit": 3, "kind": "khen"}"#),
            "giá trị «khen» không dùng được ở đây; chọn một trong: «complaint», «praise» (dòng 1, cột 27)"
        );
        assert_eq!(said(r#"{"limit": "ba", "kind": "praise"}"#), "sai kiểu giá trị: có chữ, cần số (dòng 1, cột 14)");
        assert_eq!(said(r#"{"limit": true, "kind": "praise"}"#), "sai kiểu giá trị: có đúng/sai, cần số (dòng 1, cột 14)");
        assert_eq!(said(r#""ba""#), "sai kiểu giá trị: có chữ, cần bảng giá trị (dòng 1, cột 4)");
        assert_eq!(said(r#"{"limit": 3,"#), "dữ liệu JSON bị cắt cụt (dòng 1, cột 12)");
        assert_eq!(said(r#"{limit: 3}"#), "dữ liệu JSON sai cú pháp (dòng 1, cột 2)");
    }
}
