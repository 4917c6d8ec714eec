//! Cài đặt: units and staff entered in the window are in the file, searchable without
//! accents, and a blank name is refused with the field named.

use crate::harness::App;
use ykien::{Ledger, Role};

#[tokio::test(flavor = "multi_thread")]
async fn units_and_staff_entered_in_the_window_are_stored() {
    let _one = crate::ONE_WINDOW.lock().await;
    let dir = crate::temp_dir();
    let db = dir.path().join("ykien.db");
    {
        let mut l = Ledger::open(&db).unwrap();
        l.save_office(&ykien::demo::demo_office()).unwrap();
    }

    let app = App::launch(&db).await;
    app.wait_for("#main-shell").await;
    app.click("[data-nav=\"settings\"]").await;
    app.click("[data-tab=\"units\"]").await;

    // A blank name is refused, and the message names the field.
    app.type_into("#unit-name", "   ").await;
    app.click("#unit-save").await;
    let msg = app.wait_for_text("[data-error-for=\"name\"]", "Tên đơn vị").await;
    assert!(msg.contains("không được để trống"), "{msg}");

    app.type_into("#unit-name", "Phòng Quản lý thương mại").await;
    app.type_into("#unit-code", "QLTM").await;
    app.click("#unit-save").await;
    app.wait_for_text("[role=\"status\"]", "Đã lưu").await;
    app.wait_for_text("tr[data-unit-id]", "Phòng Quản lý thương mại").await;

    app.click("[data-tab=\"staff\"]").await;
    app.type_into("#staff-full_name", "Nguyễn Thị Hồng Đào").await;
    app.type_into("#staff-title", "Chuyên viên").await;
    let unit_select = app.wait_for("#staff-unit").await;
    unit_select.select_by_label("Phòng Quản lý thương mại").await.unwrap();
    let role_select = app.wait_for("#staff-role").await;
    role_select.select_by_value("unit_head").await.unwrap();
    app.click("#staff-save").await;
    app.wait_for_text("tr[data-staff-id]", "Nguyễn Thị Hồng Đào").await;

    // Accent-free search in the window.
    app.type_into("#staff-search", "hong dao").await;
    app.wait_for_text("tr[data-staff-id]", "Nguyễn Thị Hồng Đào").await;
    app.quit().await;

    let l = Ledger::open(&db).unwrap();
    let staff = l.staff(Some("nguyen thi hong dao")).unwrap();
    assert_eq!(staff.len(), 1);
    assert_eq!(staff[0].role, Role::UnitHead);
    assert_eq!(staff[0].unit_name.as_deref(), Some("Phòng Quản lý thương mại"));
    assert_eq!(l.units().unwrap().len(), 1, "the refused blank unit must not be stored");
}
