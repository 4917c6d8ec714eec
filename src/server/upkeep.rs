//! What the server does on its own, as the app does beside its window: the day's automatic
//! backup (at start, then whenever the date has turned), the one made when it stops,
//! forgetting old answers and sessions, reading the scan-to-folder inbox, and importing the
//! bundles dropped into a consolidating office's inbox folder. A failure is reported and never
//! stops the server.

use crate::Ledger;
use std::sync::Mutex;
use std::time::Duration;

/// How often the server looks whether the day's backup is due.
pub const EVERY: Duration = Duration::from_secs(15 * 60);

/// The automatic backup, when one is due, on a connection of its own: the desks' calls go on
/// while years of records are copied and checked. `on_stop`: the backup made when the server
/// stops (always, as when the app closes).
pub fn backup(ledger: &Mutex<Ledger>, on_stop: bool) {
    let other = ledger.lock().unwrap_or_else(|p| p.into_inner()).open_another();
    let result = other.and_then(|l| l.automatic_backup(!on_stop));
    match result {
        Ok(Some(file)) => eprintln!("Đã sao lưu tự động: {}", file.path),
        Ok(None) => {}
        Err(e) => eprintln!("Sao lưu tự động không thành công: {e}"),
    }
}

/// Forgets the answers and sessions past their time (`ledger::desks`).
pub fn forget_old(ledger: &Mutex<Ledger>) {
    if let Err(e) = ledger.lock().unwrap_or_else(|p| p.into_inner()).forget_old_desk_records() {
        eprintln!("Không dọn được các phiên và câu trả lời cũ của máy trạm: {e}");
    }
}

/// One look at the scan-to-folder inbox on a connection of its own, written in the name of
/// `actor` (the server itself). What was read is reported; a failure too, once until it
/// changes, so that a folder with no open round does not fill the log every few seconds.
pub fn scan_inbox(ledger: &Mutex<Ledger>, actor: &str, last_failure: &mut String) {
    // A connection of its own (keyed again when the file is encrypted) only when a scan waits.
    let other = {
        let l = ledger.lock().unwrap_or_else(|p| p.into_inner());
        match l.scan_inbox_waiting(crate::scan::INBOX_QUIET) {
            Ok(false) => {
                last_failure.clear();
                return;
            }
            Ok(true) => l.open_another(),
            Err(e) => Err(e),
        }
    };
    match other.and_then(|mut l| l.read_scan_inbox(crate::scan::INBOX_QUIET, actor)) {
        Ok(Some(pass)) => {
            last_failure.clear();
            eprintln!(
                "Đã đọc {} tệp từ thư mục phiếu quét vào đợt {}: lưu {} phiếu, {} trang chờ xem lại, bỏ qua {} tệp.",
                pass.files.len(),
                pass.round_code,
                pass.report.saved,
                pass.report.waiting,
                pass.report.skipped.len()
            );
        }
        Ok(None) => last_failure.clear(),
        Err(e) => {
            let text = e.to_string();
            if *last_failure != text {
                eprintln!("Không đọc được thư mục phiếu quét: {text}");
                *last_failure = text;
            }
        }
    }
}

/// One look at the inbox folder of a consolidating office (`bundle::inbox`): the bundles ready
/// there imported on a connection of their own, the desks told. Nothing when no folder is set.
pub fn bundle_inbox(ledger: &Mutex<Ledger>, watch: &mut crate::bundle::inbox::InboxWatch) -> bool {
    let folder = match ledger.lock().unwrap_or_else(|p| p.into_inner()).inbox_folder() {
        Ok(Some(folder)) => folder,
        Ok(None) => return false,
        Err(e) => {
            eprintln!("Không đọc được thiết lập thư mục nhận gói số liệu: {e}");
            return false;
        }
    };
    let ready = match watch.ready(&folder) {
        Ok(r) if r.is_empty() => return false,
        Ok(r) => r,
        Err(e) => {
            eprintln!("Không đọc được thư mục nhận gói số liệu {}: {e}", folder.display());
            return false;
        }
    };
    // A connection of its own (keyed again when the file is encrypted) only when a bundle is
    // ready, not at every look, as the app does.
    let other = ledger.lock().unwrap_or_else(|p| p.into_inner()).open_another();
    match other.and_then(|mut l| l.import_inbox(&ready, watch)) {
        Ok(done) => {
            for e in &done {
                match &e.reason {
                    None => eprintln!("Đã nhận gói số liệu {} ({}).", e.file_name, e.outcome),
                    Some(why) => eprintln!("Không nhận gói số liệu {}: {why}", e.file_name),
                }
            }
            !done.is_empty()
        }
        Err(e) => {
            eprintln!("Nhập gói số liệu từ thư mục nhận không thành công: {e}");
            false
        }
    }
}
