//! `ykien encryption …`, and the passphrase of an encrypted database for every command:
//! `$YKIEN_DB_KEY`, else asked without echo when the command runs in a terminal.

use crate::{print_json, secret};
use clap::Subcommand;
use std::io::IsTerminal;
use std::path::Path;
use ykien::store::cipher::{file_kind, FileKind};
use ykien::{Error, Ledger, Result};

/// The passphrase of an encrypted database.
pub const KEY_ENV: &str = "YKIEN_DB_KEY";
/// The new passphrase of `encryption on` and `encryption change`.
pub const NEW_KEY_ENV: &str = "YKIEN_NEW_DB_KEY";

#[derive(Subcommand)]
pub enum EncryptionCommand {
    /// Whether the database is encrypted, and the plaintext backups that remain.
    Status,
    /// Turn encryption on. New passphrase: $YKIEN_NEW_DB_KEY, else asked twice.
    On,
    /// Change the passphrase. Current: $YKIEN_DB_KEY or asked; new: $YKIEN_NEW_DB_KEY or asked twice.
    Change,
    /// Turn encryption off. Current passphrase: $YKIEN_DB_KEY or asked.
    Off,
    /// Overwrite and delete the backups that are still plaintext (made before encryption).
    RemovePlainBackups,
}

/// The passphrase for the first of `files` that is encrypted; `None` when none is (the core
/// then needs none, or refuses with its own message).
pub fn key_for(files: &[&Path]) -> Result<Option<String>> {
    for f in files {
        if file_kind(f)? == FileKind::Encrypted {
            return read(KEY_ENV, "Mật khẩu mã hoá cơ sở dữ liệu: ");
        }
    }
    Ok(None)
}

fn read(var: &str, prompt: &str) -> Result<Option<String>> {
    if let Some(k) = secret::env(var) {
        return Ok(Some(k));
    }
    // Without a terminal the core refuses the file with its own message and the hint.
    std::io::stdin().is_terminal().then(|| secret::prompt(prompt, var)).transpose()
}

fn new_passphrase() -> Result<String> {
    if secret::env(NEW_KEY_ENV).is_none() && !std::io::stdin().is_terminal() {
        return Err(Error::validation(
            "new_passphrase",
            format!("Chưa có mật khẩu mã hoá mới: đặt nó trong biến môi trường {NEW_KEY_ENV}, hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập."),
        ));
    }
    secret::new_twice(
        NEW_KEY_ENV,
        "Mật khẩu mã hoá mới: ",
        "Nhập lại mật khẩu mã hoá mới: ",
        "new_passphrase",
        "Hai lần nhập mật khẩu mã hoá mới không giống nhau; không có gì thay đổi.",
    )
}

/// The hint printed under a refusal for a missing passphrase.
pub fn hint(e: &Error) -> Option<String> {
    matches!(e, Error::Encrypted { wrong_key: false, .. })
        .then(|| format!("Đặt mật khẩu trong biến môi trường {KEY_ENV}, hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập."))
}

pub fn run(ledger: &mut Ledger, current: Option<&str>, cmd: EncryptionCommand, json: bool) -> Result<()> {
    let current = current.unwrap_or("");
    let report = match cmd {
        EncryptionCommand::Status => {
            let status = ledger.encryption_status()?;
            if json {
                print_json(&status);
            } else {
                println!("{}: {}", status.db_path, if status.encrypted { "đã mã hoá" } else { "không mã hoá" });
                print_plain(&status.plaintext_backups);
            }
            return Ok(());
        }
        EncryptionCommand::RemovePlainBackups => {
            let removed = ledger.remove_plaintext_backups()?;
            if json {
                print_json(&serde_json::json!({ "removed": removed }));
            } else {
                for r in &removed {
                    println!("Đã xoá {r}");
                }
                println!("Đã xoá {} bản sao lưu không mã hoá.", removed.len());
            }
            return Ok(());
        }
        EncryptionCommand::On => {
            let new = new_passphrase()?;
            ledger.encryption_on(&new)?
        }
        EncryptionCommand::Change => {
            let new = new_passphrase()?;
            ledger.encryption_change(current, &new)?
        }
        EncryptionCommand::Off => ledger.encryption_off(current)?,
    };
    if json {
        print_json(&report);
        return Ok(());
    }
    if report.encrypted {
        println!("Đã mã hoá {}. Hãy ghi mật khẩu ra giấy và cất trong tủ an toàn của cơ quan: mất mật khẩu là mất dữ liệu.", report.db_path);
        for c in &report.encrypted_copies {
            println!("Đã mã hoá cả bản sao trước nâng cấp {c}.");
        }
        print_plain(&report.plaintext_backups);
    } else {
        println!("Đã tắt mã hoá {}. Các bản sao lưu lập khi còn mã hoá vẫn cần mật khẩu cũ để phục hồi.", report.db_path);
    }
    Ok(())
}

fn print_plain(files: &[ykien::BackupFile]) {
    if files.is_empty() {
        return;
    }
    println!("Còn {} bản sao lưu KHÔNG mã hoá (lập trước khi bật mã hoá):", files.len());
    for f in files {
        println!("  {}", f.path);
    }
    println!("Xoá chúng bằng: ykien encryption remove-plain-backups");
}
