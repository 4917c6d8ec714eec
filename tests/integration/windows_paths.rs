//! Folders as Windows users have them: Vietnamese names with spaces, like
//! `C:\Users\Nguyễn Văn An\Tài liệu`. The database, its journal files and the printed PDFs
//! (the app's "Bản in" folder beside the database, and a file chosen in the save dialog) must
//! work there, whether the name was typed composed (NFC) or decomposed (NFD, as some Windows
//! input methods send it).

use crate::cases::input;
use crate::temp_dir;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;
use ykien::{Kind, Ledger, PrintJob, Subject};

/// `base/Nguyễn Văn An/Tài liệu/Ý Kiến dữ liệu`, its names composed or decomposed.
fn user_folder(base: &Path, decomposed: bool) -> PathBuf {
    let names = ["Nguyễn Văn An", "Tài liệu", "Ý Kiến dữ liệu"];
    names.iter().fold(base.to_owned(), |p, n| p.join(if decomposed { n.nfd().collect::<String>() } else { n.nfc().collect() }))
}

fn is_pdf(path: &Path) -> bool {
    std::fs::read(path).map(|b| b.starts_with(b"%PDF-") && b.len() > 1000).unwrap_or(false)
}

#[test]
fn the_database_lives_in_a_vietnamese_folder_with_spaces_and_is_found_again() {
    for decomposed in [false, true] {
        let dir = temp_dir();
        let db = user_folder(dir.path(), decomposed).join("sổ ý kiến 2026.db");
        let case_id = {
            let mut l = Ledger::open(&db).unwrap();
            l.save_office(&ykien::demo::demo_office()).unwrap();
            l.add_feedback(&input("2026-03-02T09:30", Kind::Complaint, Subject::Attitude)).unwrap().id
        };
        assert!(db.is_file(), "{}", db.display());
        // The journal lives beside the database under the same name: a second process (the
        // command line beside the app) must find it.
        let l = Ledger::open(&db).unwrap();
        assert_eq!(l.case(&case_id).unwrap().customer_name, "Nguyễn Văn An");
        let names: Vec<String> =
            std::fs::read_dir(db.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(names.iter().all(|n| n.starts_with("sổ ý kiến 2026.db")), "{names:?}");
    }
}

#[test]
fn printing_writes_into_vietnamese_folders_with_spaces() {
    let dir = temp_dir();
    let folder = user_folder(dir.path(), false);
    let mut l = Ledger::open(folder.join("ykien.db")).unwrap();
    l.save_office(&ykien::demo::demo_office()).unwrap();
    let case = l.add_feedback(&input("2026-03-02T09:30", Kind::Complaint, Subject::Attitude)).unwrap();

    // The app's "In" button: into "Bản in" beside the database, created on first use.
    let prints = folder.join("Bản in");
    let job = PrintJob::Receipts { receipt_nos: vec![case.receipt_no.clone()] };
    let first = l.print_to_folder(&job, &prints).unwrap();
    assert_eq!(first.parent(), Some(prints.as_path()));
    assert!(is_pdf(&first), "{}", first.display());

    // "Lưu thành…": a file the user named, in a folder that does not exist yet, its name
    // typed decomposed.
    let chosen = user_folder(dir.path(), true).join("Sổ ghi nhận tháng 3 năm 2026.pdf".nfd().collect::<String>());
    let job = PrintJob::LedgerPeriod { from: "2026-03-01".into(), to: "2026-03-31".into(), book: None, unit_id: None };
    l.print_to_file(&job, &chosen).unwrap();
    assert!(is_pdf(&chosen), "{}", chosen.display());
    // Nothing half-written is left behind by the write-then-rename.
    let leftovers: Vec<_> = std::fs::read_dir(chosen.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
}
