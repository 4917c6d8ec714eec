//! One typed error for the whole core, and the serialisable report of it that the UI and the
//! CLI's `--json` output receive. Messages are Vietnamese because a clerk reads them; the UI
//! classifies errors by `kind`, never by matching message text.

mod foreign;

pub use foreign::json as json_message;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that breaks a rule. `field` is the machine name of the field (the UI highlights
    /// it); `message` is a full Vietnamese sentence that names the field for the reader.
    #[error("{message}")]
    Validation { field: String, message: String },

    #[error("Không tìm thấy {entity} có mã {id}.")]
    NotFound { entity: &'static str, id: String },

    /// The change would contradict stored records (e.g. deleting a unit that still has staff).
    #[error("{0}")]
    Conflict(String),

    #[error(
        "Tệp dữ liệu được tạo bởi phiên bản Ý Kiến mới hơn (lược đồ số {found}, phiên bản này \
         chỉ đọc được đến số {supported}). Hãy cài phiên bản mới hơn; tệp không bị thay đổi."
    )]
    NewerSchema { found: i64, supported: i64 },

    #[error(
        "Không mở được tệp dữ liệu trên ổ mạng ({}): SQLite không khoá tệp an toàn qua mạng nên \
         dữ liệu có thể bị hỏng. Hãy chép tệp về ổ đĩa của máy này.",
        path.display()
    )]
    NetworkDrive { path: PathBuf },

    #[error("Tệp {} không phải là tệp dữ liệu của Ý Kiến (hoặc đã bị hỏng nặng).", path.display())]
    NotADatabase { path: PathBuf },

    #[error("Kiểm tra tính toàn vẹn thất bại: {0}")]
    Corrupt(String),

    /// The database file is encrypted (SQLCipher) and the passphrase was missing or wrong;
    /// the file was not changed.
    #[error("{}", if *wrong_key {
        "Cơ sở dữ liệu đã được mã hoá: mật khẩu mã hoá không đúng."
    } else {
        "Cơ sở dữ liệu đã được mã hoá: cần nhập mật khẩu mã hoá để mở."
    })]
    Encrypted { path: PathBuf, wrong_key: bool },

    /// SQLite's refusal in Vietnamese. The one a clerk meets in daily work: the file is busy
    /// because a long task (a backup, an import, an export, a disposal) writes on a connection of
    /// its own and this write waited its whole busy timeout; it was not saved, and the message
    /// tells the clerk what to do. The others say what happened and what to do, never in SQLite's
    /// English.
    #[error("{}", foreign::storage(.0))]
    Storage(#[from] rusqlite::Error),

    #[error("{}", foreign::io(.0))]
    Io(#[from] std::io::Error),

    /// The user cancelled a long task (import, export, backup); nothing was changed.
    #[error("Đã huỷ; không có gì thay đổi.")]
    Cancelled,

    /// A printed form or report could not be produced.
    #[error("Không tạo được tệp PDF: {0}")]
    Pdf(String),

    /// The signed-in role may not do this (see `access`); the message says who may.
    /// Nothing was changed.
    #[error("{0}")]
    Forbidden(String),

    /// Nobody is signed in (or the screen is locked, or the password must be changed first)
    /// on a database that has accounts. Nothing was changed.
    #[error("{0}")]
    SignInRequired(String),

    /// A desk could not reach the office server, or lost it before the answer came; the
    /// message says whether what was sent may have been saved.
    #[error("{0}")]
    Connection(String),

    /// The office server answered with a certificate other than the one this desk was paired
    /// with (its pairing code): refused, never silently accepted; the message says what to check.
    #[error("{0}")]
    ServerIdentity(String),

    /// The office server's refusal of a desk's command, as the server's core reported it:
    /// a desk shows and prints it exactly as if its own core had refused.
    #[error("{}", .0.message())]
    Remote(ErrorReport),
}

impl Error {
    pub fn validation(field: &str, message: impl Into<String>) -> Self {
        Error::Validation { field: field.to_owned(), message: message.into() }
    }
}

/// What the UI and `--json` output receive for an error: a tagged union the UI maps to a
/// plain Vietnamese sentence by `kind`, plus the core's own message for detail.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorReport {
    Validation { field: String, message: String },
    NotFound { entity: String, id: String, message: String },
    Conflict { message: String },
    NewerSchema { found: i32, supported: i32, message: String },
    NetworkDrive { path: String, message: String },
    NotADatabase { path: String, message: String },
    Corrupt { message: String },
    Encrypted { path: String, wrong_key: bool, message: String },
    Storage { message: String },
    Io { message: String },
    Pdf { message: String },
    Cancelled { message: String },
    Forbidden { message: String },
    SignInRequired { message: String },
    Connection { message: String },
    ServerIdentity { message: String },
}

impl From<&Error> for ErrorReport {
    fn from(e: &Error) -> Self {
        let message = e.to_string();
        match e {
            Error::Validation { field, .. } => ErrorReport::Validation { field: field.clone(), message },
            Error::NotFound { entity, id } => {
                ErrorReport::NotFound { entity: (*entity).to_owned(), id: id.clone(), message }
            }
            Error::Conflict(_) => ErrorReport::Conflict { message },
            Error::NewerSchema { found, supported } => ErrorReport::NewerSchema {
                found: *found as i32,
                supported: *supported as i32,
                message,
            },
            Error::NetworkDrive { path } => {
                ErrorReport::NetworkDrive { path: path.display().to_string(), message }
            }
            Error::NotADatabase { path } => {
                ErrorReport::NotADatabase { path: path.display().to_string(), message }
            }
            Error::Corrupt(_) => ErrorReport::Corrupt { message },
            Error::Encrypted { path, wrong_key } => {
                ErrorReport::Encrypted { path: path.display().to_string(), wrong_key: *wrong_key, message }
            }
            Error::Storage(_) => ErrorReport::Storage { message },
            Error::Io(_) => ErrorReport::Io { message },
            Error::Pdf(_) => ErrorReport::Pdf { message },
            Error::Cancelled => ErrorReport::Cancelled { message },
            Error::Forbidden(_) => ErrorReport::Forbidden { message },
            Error::SignInRequired(_) => ErrorReport::SignInRequired { message },
            Error::Connection(_) => ErrorReport::Connection { message },
            Error::ServerIdentity(_) => ErrorReport::ServerIdentity { message },
            Error::Remote(report) => report.clone(),
        }
    }
}

impl ErrorReport {
    /// The core's own sentence, whatever the kind.
    pub fn message(&self) -> &str {
        match self {
            ErrorReport::Validation { message, .. }
            | ErrorReport::NotFound { message, .. }
            | ErrorReport::Conflict { message }
            | ErrorReport::NewerSchema { message, .. }
            | ErrorReport::NetworkDrive { message, .. }
            | ErrorReport::NotADatabase { message, .. }
            | ErrorReport::Corrupt { message }
            | ErrorReport::Encrypted { message, .. }
            | ErrorReport::Storage { message }
            | ErrorReport::Io { message }
            | ErrorReport::Pdf { message }
            | ErrorReport::Cancelled { message }
            | ErrorReport::Forbidden { message }
            | ErrorReport::SignInRequired { message }
            | ErrorReport::Connection { message }
            | ErrorReport::ServerIdentity { message } => message,
        }
    }
}

impl From<Error> for ErrorReport {
    fn from(e: Error) -> Self {
        ErrorReport::from(&e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_file_is_explained_in_vietnamese_and_no_storage_error_keeps_sqlites_words() {
        let busy = Error::Storage(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        ));
        let text = busy.to_string();
        assert!(text.starts_with("Dữ liệu đang bận"), "{text}");
        assert!(!text.contains("database is locked"), "{text}");
        let other = Error::Storage(rusqlite::Error::QueryReturnedNoRows);
        assert!(other.to_string().starts_with("Dữ liệu đọc ra không đúng dạng"), "{other}");
    }
}
