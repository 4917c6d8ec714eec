//! Who may do what (R6.3). One table, [`Action::roles`], and one decision, [`decide`], which
//! every method of the core that changes data calls before it writes: the window may hide a
//! button, but the core is the guard, so the command line and any other caller are refused
//! the same way, and a refusal writes nothing.
//!
//! Beyond the role, two rules read the case itself (seed 001, issue 8):
//! - a complaint about confidentiality (khiếu nại về bảo mật thông tin) is handled only by
//!   the quality officer (QMR / Ban ISO) or leadership, whoever else may do that step on
//!   other cases;
//! - a unit head acts on the cases of their own unit only, where the action is the unit's
//!   (the specialist unit's answer, the mandatory steps, the reply draft, the confirmation).
//!
//! While a database has no account at all, nothing here applies: everything is allowed and
//! recorded as the system, as before accounts existed.

pub mod password;

pub use crate::domain::permission::{Action, CaseScope};
use crate::domain::staff::Role;

/// Who is acting: the role and unit of the signed-in account's staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    pub unit_id: Option<String>,
}


/// Allowed, or the Vietnamese sentence that says what was refused and who may do it.
pub fn decide(actor: &Actor, action: Action, case: Option<&CaseScope>) -> Result<(), String> {
    let roles = action.roles();
    if !roles.contains(&actor.role) {
        return Err(format!(
            "Vai trò «{}» không được {}. Việc này dành cho: {}.",
            actor.role.label(),
            action.label(),
            role_list(roles)
        ));
    }
    let Some(case) = case else { return Ok(()) };
    if case.confidential && action.handles_case() && !Action::HandleConfidential.roles().contains(&actor.role) {
        return Err(format!(
            "Hồ sơ {} là khiếu nại về bảo mật thông tin: vai trò «{}» không được {} trên hồ sơ này; chỉ {} được {} \
             (Quy trình giải quyết khiếu nại, bước 2).",
            case.receipt_no,
            actor.role.label(),
            action.label(),
            role_list(Action::HandleConfidential.roles()),
            Action::HandleConfidential.label()
        ));
    }
    if actor.role == Role::UnitHead && action.unit_scoped() && (case.unit_id.is_none() || case.unit_id != actor.unit_id) {
        let of = match &case.unit_name {
            Some(u) => format!("thuộc {u}"),
            None => "chưa giao cho đơn vị nào".to_owned(),
        };
        return Err(format!(
            "Vai trò «{}» không được {} trên hồ sơ của đơn vị khác: trưởng đơn vị chỉ làm việc này trên hồ sơ \
             của đơn vị mình (hồ sơ {} {of}).",
            actor.role.label(),
            action.label(),
            case.receipt_no
        ));
    }
    Ok(())
}

fn role_list(roles: &[Role]) -> String {
    roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", ")
}

/// The permission table as Markdown (role × action), for docs/security.md; a test keeps
/// the copy there equal to it.
pub fn markdown_table() -> String {
    let mut out = String::from("| Việc | Tiếp nhận | Trưởng đơn vị | QMR/Ban ISO | Lãnh đạo | Quản trị |\n");
    out.push_str("| --- | :-: | :-: | :-: | :-: | :-: |\n");
    for action in Action::ALL {
        let mut line = format!("| {} (`{}`)", capitalise(action.label()), serde_json::to_value(action).unwrap().as_str().unwrap());
        for role in Role::ALL {
            let cell = if !action.roles().contains(&role) {
                "—"
            } else if action.own_entries_only(role) {
                "✓ mình ghi, trong ngày"
            } else if role == Role::UnitHead && action.unit_scoped() {
                "✓ đơn vị mình"
            } else {
                "✓"
            };
            line.push_str(&format!(" | {cell}"));
        }
        out.push_str(&line);
        out.push_str(" |\n");
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, unit: Option<&str>) -> Actor {
        Actor { role, unit_id: unit.map(str::to_owned) }
    }

    fn case(confidential: bool, unit: Option<&str>) -> CaseScope {
        CaseScope {
            receipt_no: "2026/000001".into(),
            confidential,
            unit_id: unit.map(str::to_owned),
            unit_name: unit.map(|u| format!("Phòng {u}")),
        }
    }

    #[test]
    fn the_issue_examples() {
        let clerk = actor(Role::Reception, Some("mc"));
        let qmr = actor(Role::QualityOfficer, Some("iso"));
        let head = actor(Role::UnitHead, Some("mc"));
        let boss = actor(Role::Leadership, None);
        let admin = actor(Role::Administrator, None);
        // A clerk must not close a confidentiality complaint; the QMR may.
        let e = decide(&clerk, Action::FrontDeskMove, Some(&case(true, Some("mc")))).unwrap_err();
        assert!(e.contains("bảo mật thông tin") && e.contains("Cán bộ chất lượng"), "{e}");
        assert!(decide(&qmr, Action::FrontDeskMove, Some(&case(true, Some("mc")))).is_ok());
        assert!(decide(&clerk, Action::FrontDeskMove, Some(&case(false, Some("mc")))).is_ok());
        // A unit head confirms only their own unit's entries.
        assert!(decide(&head, Action::Confirm, Some(&case(false, Some("mc")))).is_ok());
        let e = decide(&head, Action::Confirm, Some(&case(false, Some("qltm")))).unwrap_err();
        assert!(e.contains("đơn vị mình") && e.contains("Phòng qltm"), "{e}");
        assert!(decide(&head, Action::Confirm, Some(&case(false, None))).unwrap_err().contains("chưa giao"));
        // Only leadership sets an exception deadline.
        assert!(decide(&boss, Action::SetExceptionDeadline, Some(&case(false, None))).is_ok());
        let e = decide(&qmr, Action::SetExceptionDeadline, Some(&case(false, None))).unwrap_err();
        assert!(e.starts_with("Vai trò «Cán bộ chất lượng (QMR/Ban ISO)» không được đặt hạn giải quyết ngoại lệ"), "{e}");
        assert!(e.ends_with("Việc này dành cho: Lãnh đạo."), "{e}");
        // Only an administrator restores a backup, disposes of records, changes encryption or
        // erases a person's data on request.
        for a in [Action::RestoreBackup, Action::DisposeRecords, Action::ChangeEncryption, Action::ErasePersonalData] {
            assert!(decide(&admin, a, None).is_ok());
            for r in [&clerk, &qmr, &head, &boss] {
                assert!(decide(r, a, None).is_err());
            }
        }
    }

    #[test]
    fn every_action_is_allowed_to_someone_and_labelled() {
        for a in Action::ALL {
            assert!(!a.roles().is_empty(), "{a:?}");
            assert!(!a.label().is_empty());
        }
        let mut seen = std::collections::HashSet::new();
        assert!(Action::ALL.iter().all(|a| seen.insert(*a)), "ALL lists each action once");
    }

    #[test]
    fn the_security_docs_hold_the_permission_table() {
        let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/security.md")).unwrap();
        assert!(
            doc.contains(&markdown_table()),
            "docs/security.md must contain the permission table exactly as access::markdown_table() prints it:\n{}",
            markdown_table()
        );
    }
}
