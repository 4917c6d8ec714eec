//! Text at the edge: NFD input is stored as NFC, and accent-free queries find it.

use unicode_normalization::UnicodeNormalization;
use ykien::{Ledger, Role, StaffInput, UnitInput};

#[test]
fn nfd_input_is_stored_nfc_and_found_without_accents() {
    let mut l = Ledger::open_in_memory().unwrap();
    let nfd_name: String = "Nguyễn Văn An".nfd().collect();
    assert_ne!(nfd_name, "Nguyễn Văn An");
    let unit: String = "Phòng Đồng bào dân tộc".nfd().collect();
    let u = l.save_unit(&UnitInput { id: None, name: unit, code: String::new() }).unwrap();
    assert_eq!(u.name, "Phòng Đồng bào dân tộc");
    l.save_staff(&StaffInput {
        id: None,
        full_name: format!("  {nfd_name} "),
        title: "Chuyên viên".into(),
        unit_id: Some(u.id),
        role: Role::Reception,
        phone: String::new(),
        email: String::new(),
    })
    .unwrap();
    l.save_staff(&StaffInput {
        id: None,
        full_name: "Đỗ Thị Đồng".into(),
        title: "Trưởng phòng".into(),
        unit_id: None,
        role: Role::UnitHead,
        phone: String::new(),
        email: String::new(),
    })
    .unwrap();

    let stored = l.staff(Some("nguyen van an")).unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].full_name, "Nguyễn Văn An");
    assert!(stored[0].full_name.chars().eq("Nguyễn Văn An".nfc()));

    for q in ["NGUYEN", "văn an", "Nguye\u{0302}\u{0303}n", "chuyen vien"] {
        assert_eq!(l.staff(Some(q)).unwrap().len(), 1, "query {q:?}");
    }
    let dong = l.staff(Some("dong")).unwrap();
    assert_eq!(dong.len(), 1, "dong finds Đồng");
    assert_eq!(dong[0].full_name, "Đỗ Thị Đồng");
    assert_eq!(l.staff(Some("")).unwrap().len(), 2);
    assert!(l.staff(Some("trần")).unwrap().is_empty());
    // LIKE wildcards typed by a user are literal text, not patterns.
    assert!(l.staff(Some("%")).unwrap().is_empty());
}
