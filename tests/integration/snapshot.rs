//! A read on a connection of its own (the office server's readers) sees one snapshot of the
//! file from its first query to its last, whatever another connection commits meanwhile; and
//! the next read sees what was committed.

use crate::cases::input;
use crate::temp_dir;
use chrono::NaiveDateTime;
use ykien::*;

fn desk(db: &std::path::Path) -> Ledger {
    let mut l = Ledger::open(db).unwrap();
    l.set_clock(Some(NaiveDateTime::parse_from_str("2026-03-02T10:00", "%Y-%m-%dT%H:%M").unwrap()));
    l
}

fn json(counts: &CaseCounts) -> serde_json::Value {
    serde_json::to_value(counts).unwrap()
}

#[test]
fn a_read_sees_one_snapshot_and_the_next_read_sees_what_was_committed_meanwhile() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let (mut writer, mut reader) = (desk(&db), desk(&db));
    writer.add_feedback(&input("2026-03-02T09:00", Kind::Reflection, Subject::ProcessingTime)).unwrap();

    let (first, second) = reader
        .reading(|r| {
            let first = r.case_counts().unwrap();
            // Another desk saves a case while this read is under way.
            writer.add_feedback(&input("2026-03-02T09:30", Kind::Reflection, Subject::ProcessingTime)).unwrap();
            (first, r.case_counts().unwrap())
        })
        .unwrap();
    assert_eq!(json(&first), json(&second), "one read, one snapshot");

    let after = reader.case_counts().unwrap();
    assert_ne!(json(&after), json(&first), "the next read sees the save");
    assert_eq!((writer.case_counts().unwrap().open, after.open), (2, 2));
}

#[test]
fn a_write_on_another_connection_does_not_wait_for_a_read_under_way() {
    let dir = temp_dir();
    let db = dir.path().join("ykien.db");
    let (mut writer, mut reader) = (desk(&db), desk(&db));
    // The writer saves while the read holds its snapshot: a write never waits for readers
    // (the write-ahead journal), so this finishes, and the save is read back at once.
    let saved = reader
        .reading(|_| writer.add_feedback(&input("2026-03-02T09:00", Kind::Reflection, Subject::ProcessingTime)))
        .unwrap()
        .unwrap();
    assert_eq!(reader.case(&saved.id).unwrap().receipt_no, saved.receipt_no);
}
