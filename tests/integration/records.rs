//! Office profile, units, staff, settings, and the audit log every write goes through.

use crate::temp_dir;
use ykien::{Error, Ledger, OfficeProfile, Role, Settings, StaffInput, UnitInput};

fn unit(name: &str) -> UnitInput {
    UnitInput { id: None, name: name.into(), code: String::new() }
}

fn staff(name: &str, unit_id: Option<String>) -> StaffInput {
    StaffInput {
        id: None,
        full_name: name.into(),
        title: "Chuyên viên".into(),
        unit_id,
        role: Role::Reception,
        phone: String::new(),
        email: String::new(),
    }
}

#[test]
fn office_profile_round_trips_and_is_audited() {
    let mut l = Ledger::open_in_memory().unwrap();
    assert!(l.office().unwrap().is_none());
    let mut p = ykien::demo::demo_office();
    p.name = "  Sở Công   Thương tỉnh Đắk Lắk ".into();
    let saved = l.save_office(&p).unwrap();
    assert_eq!(saved.name, "Sở Công Thương tỉnh Đắk Lắk");
    assert_eq!(l.office().unwrap(), Some(saved.clone()));

    let mut changed = saved.clone();
    changed.phone = "0262 3999 999".into();
    l.save_office(&changed).unwrap();
    // Saving the same values again is not a change.
    l.save_office(&changed).unwrap();

    let log = l.audit_log(10).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!((log[1].action.as_str(), log[1].entity.as_str()), ("create", "office"));
    assert_eq!(log[0].action, "update");
    assert!(log[0].before.as_deref().unwrap().contains("0262 3852 xxx"));
    assert!(log[0].after.as_deref().unwrap().contains("0262 3999 999"));
    assert_eq!(log[0].actor, ykien::SYSTEM_ACTOR);
}

#[test]
fn bad_input_names_the_field_and_changes_nothing() {
    let mut l = Ledger::open_in_memory().unwrap();
    let good = l.save_office(&ykien::demo::demo_office()).unwrap();
    let log_len = l.audit_log(100).unwrap().len();

    let cases: Vec<(OfficeProfile, &str, &str)> = vec![
        (OfficeProfile { name: "   ".into(), ..good.clone() }, "name", "Tên cơ quan"),
        (OfficeProfile { name: "x".repeat(50_000), ..good.clone() }, "name", "quá dài"),
        (OfficeProfile { place_name: String::new(), ..good.clone() }, "place_name", "Địa danh"),
    ];
    for (bad, field, words) in cases {
        match l.save_office(&bad) {
            Err(Error::Validation { field: f, message }) => {
                assert_eq!(f, field);
                assert!(message.contains(words), "{message}");
            }
            other => panic!("expected a validation error for {field}, got {other:?}"),
        }
    }
    assert_eq!(l.office().unwrap(), Some(good));
    assert_eq!(l.audit_log(100).unwrap().len(), log_len);
}

#[test]
fn formula_like_text_is_stored_as_plain_text() {
    let mut l = Ledger::open_in_memory().unwrap();
    let u = l.save_unit(&unit("=cmd|' /C calc'!A0")).unwrap();
    assert_eq!(l.units().unwrap()[0].name, "=cmd|' /C calc'!A0");
    assert_eq!(u.name, "=cmd|' /C calc'!A0");
}

#[test]
fn units_are_unique_by_name_and_soft_deleted() {
    let dir = temp_dir();
    let path = dir.path().join("ykien.db");
    let mut l = Ledger::open(&path).unwrap();
    let tp = l.save_unit(&unit("Phòng Tư pháp")).unwrap();
    let err = l.save_unit(&unit("Phòng  Tư pháp")).unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "name"), "{err:?}");

    // Renaming keeps the id; renaming to its own name is no clash.
    let renamed = l.save_unit(&UnitInput { id: Some(tp.id.clone()), name: "Phòng Tư pháp".into(), code: "TP".into() }).unwrap();
    assert_eq!(renamed.id, tp.id);

    l.delete_unit(&tp.id).unwrap();
    assert!(l.units().unwrap().is_empty());
    // The row is kept for history and later merges.
    drop(l);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let deleted: Option<String> =
        conn.query_row("SELECT deleted_at FROM unit WHERE id = ?1", [&tp.id], |r| r.get(0)).unwrap();
    assert!(deleted.is_some());
    // The name is free again.
    let mut l = Ledger::open(&path).unwrap();
    l.save_unit(&unit("Phòng Tư pháp")).unwrap();
}

#[test]
fn a_unit_with_staff_cannot_be_deleted() {
    let mut l = Ledger::open_in_memory().unwrap();
    let u = l.save_unit(&unit("Phòng Quản lý thương mại")).unwrap();
    let s = l.save_staff(&staff("H'Linh Niê", Some(u.id.clone()))).unwrap();
    assert_eq!(s.unit_name.as_deref(), Some("Phòng Quản lý thương mại"));
    let err = l.delete_unit(&u.id).unwrap_err();
    assert!(matches!(err, Error::Conflict(ref m) if m.contains("còn 1 cán bộ")), "{err:?}");
    assert_eq!(l.units().unwrap().len(), 1);
    l.delete_staff(&s.id).unwrap();
    l.delete_unit(&u.id).unwrap();
}

#[test]
fn staff_need_a_live_unit_and_a_name() {
    let mut l = Ledger::open_in_memory().unwrap();
    let err = l.save_staff(&staff("Nguyễn Văn An", Some("no-such-unit".into()))).unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "unit_id"), "{err:?}");
    let err = l.save_staff(&staff(" \t ", None)).unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "full_name"), "{err:?}");
    assert!(l.staff(None).unwrap().is_empty());
    assert!(l.audit_log(10).unwrap().is_empty());
}

#[test]
fn settings_have_defaults_and_ranges() {
    let mut l = Ledger::open_in_memory().unwrap();
    assert_eq!(l.settings().unwrap().reply_deadline_days, 30);
    let s = Settings { reply_deadline_days: 45, ..Settings::default() };
    l.save_settings(&s).unwrap();
    assert_eq!(l.settings().unwrap(), s);
    let err = l.save_settings(&Settings { survey_retention_years: 0, ..s.clone() }).unwrap_err();
    assert!(matches!(&err, Error::Validation { field, .. } if field == "survey_retention_years"));
    assert_eq!(l.settings().unwrap(), s);
}

#[test]
fn the_audit_log_is_append_only_in_the_file_itself() {
    let dir = temp_dir();
    let path = dir.path().join("ykien.db");
    let mut l = Ledger::open(&path).unwrap();
    l.save_unit(&unit("Văn phòng")).unwrap();
    drop(l);
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(conn.execute("UPDATE audit_log SET actor = 'ai đó'", []).is_err());
    assert!(conn.execute("DELETE FROM audit_log", []).is_err());
    let n: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn demo_data_is_realistic_and_only_goes_into_an_empty_database() {
    let mut l = Ledger::open_in_memory().unwrap();
    ykien::demo::fill(&mut l).unwrap();
    assert!(l.units().unwrap().len() >= 8);
    let staff = l.staff(None).unwrap();
    assert!(staff.len() >= 15);
    for role in Role::ALL {
        assert!(staff.iter().any(|s| s.role == role), "no demo staff with role {role:?}");
    }
    assert!(matches!(ykien::demo::fill(&mut l), Err(Error::Conflict(_))));
}
