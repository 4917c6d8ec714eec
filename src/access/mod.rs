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

use crate::domain::staff::Role;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything the core guards. The order is the order of the table in docs/security.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    EditOffice,
    ManageUnits,
    ManageStaff,
    ManageAccounts,
    EditSettings,
    EnterFeedback,
    FrontDeskMove,
    SpecialistMove,
    LeadershipDirection,
    RecordStep,
    SetExceptionDeadline,
    Confirm,
    DraftReply,
    SignReply,
    SendReply,
    HandleConfidential,
    EditCorrectiveAction,
    CheckEffectiveness,
    EditSurveyTemplates,
    ManageSurveyRounds,
    PrintSurveyForms,
    EnterSurveyResponses,
    ClassifyOpinions,
    SetObjectives,
    WriteAnnualReport,
    Print,
    ImportLedger,
    ExportRecords,
    ViewAuditLog,
    EditBackupSettings,
    ChangeEncryption,
    RestoreBackup,
    DisposeRecords,
    ViewContact,
    ExportPersonalData,
    ErasePersonalData,
}

use Role::{Administrator as A, Leadership as L, QualityOfficer as Q, Reception as R, UnitHead as U};

impl Action {
    pub const ALL: [Action; 36] = [
        Action::EditOffice,
        Action::ManageUnits,
        Action::ManageStaff,
        Action::ManageAccounts,
        Action::EditSettings,
        Action::EnterFeedback,
        Action::FrontDeskMove,
        Action::SpecialistMove,
        Action::LeadershipDirection,
        Action::RecordStep,
        Action::SetExceptionDeadline,
        Action::Confirm,
        Action::DraftReply,
        Action::SignReply,
        Action::SendReply,
        Action::HandleConfidential,
        Action::EditCorrectiveAction,
        Action::CheckEffectiveness,
        Action::EditSurveyTemplates,
        Action::ManageSurveyRounds,
        Action::PrintSurveyForms,
        Action::EnterSurveyResponses,
        Action::ClassifyOpinions,
        Action::SetObjectives,
        Action::WriteAnnualReport,
        Action::Print,
        Action::ImportLedger,
        Action::ExportRecords,
        Action::ViewAuditLog,
        Action::EditBackupSettings,
        Action::ChangeEncryption,
        Action::RestoreBackup,
        Action::DisposeRecords,
        Action::ViewContact,
        Action::ExportPersonalData,
        Action::ErasePersonalData,
    ];

    /// The roles that may do it: the permission table.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Action::EditOffice | Action::ManageUnits | Action::ManageStaff | Action::ManageAccounts => &[A],
            Action::EditSettings => &[Q, A],
            Action::EnterFeedback | Action::FrontDeskMove | Action::SendReply | Action::Print => &[R, U, Q, L],
            Action::SpecialistMove | Action::RecordStep | Action::DraftReply | Action::EditCorrectiveAction => &[U, Q, L],
            Action::LeadershipDirection | Action::SetExceptionDeadline | Action::SignReply => &[L],
            Action::Confirm => &[U],
            Action::HandleConfidential
            | Action::CheckEffectiveness
            | Action::ClassifyOpinions
            | Action::SetObjectives
            | Action::WriteAnnualReport => &[Q, L],
            Action::EditSurveyTemplates | Action::ManageSurveyRounds => &[Q],
            Action::PrintSurveyForms | Action::EnterSurveyResponses => &[R, Q],
            Action::ImportLedger => &[Q, A],
            Action::ExportRecords | Action::ViewAuditLog => &[Q, L, A],
            Action::EditBackupSettings | Action::ChangeEncryption | Action::RestoreBackup | Action::DisposeRecords => &[A],
            // Personal data (Law 91/2025/QH15). Those who handle cases may read a citizen's
            // contact details (each reading is logged); the administrator runs the system and
            // has no case to answer, so does not. A person's request to see what is held about
            // them is answered by the quality officer (who keeps the procedure's records) or
            // the administrator; erasing, which cannot be undone, is the administrator's alone,
            // as disposal is.
            Action::ViewContact => &[R, U, Q, L],
            Action::ExportPersonalData => &[Q, A],
            Action::ErasePersonalData => &[A],
        }
    }

    /// What it is, in the words of a refusal: "… không được {label}".
    pub fn label(self) -> &'static str {
        match self {
            Action::EditOffice => "sửa thông tin cơ quan",
            Action::ManageUnits => "thêm, sửa, xoá đơn vị",
            Action::ManageStaff => "thêm, sửa, xoá cán bộ",
            Action::ManageAccounts => "quản lý tài khoản (tạo, đặt lại mật khẩu, mở khoá, vô hiệu hoá)",
            Action::EditSettings => "sửa thông số và ngày nghỉ",
            Action::EnterFeedback => "ghi ý kiến vào sổ",
            Action::FrontDeskMove => "chuyển bước xử lý tại bộ phận tiếp nhận (bước 3, 4, 5, 7)",
            Action::SpecialistMove => "ghi kết quả xử lý của phòng chuyên môn (bước 6)",
            Action::LeadershipDirection => "ghi ý kiến chỉ đạo của lãnh đạo (bước 8)",
            Action::RecordStep => "ghi bước xử lý bắt buộc (rút kinh nghiệm, điều tra, báo cáo QMR)",
            Action::SetExceptionDeadline => "đặt hạn giải quyết ngoại lệ",
            Action::Confirm => "xác nhận ý kiến trong sổ (xác nhận của trưởng đơn vị)",
            Action::DraftReply => "soạn công văn trả lời",
            Action::SignReply => "ký công văn trả lời",
            Action::SendReply => "ghi đã gửi công văn trả lời",
            Action::HandleConfidential => "xử lý khiếu nại về bảo mật thông tin",
            Action::EditCorrectiveAction => "lập, cập nhật hành động khắc phục",
            Action::CheckEffectiveness => "đánh giá hiệu lực hành động khắc phục",
            Action::EditSurveyTemplates => "sửa mẫu phiếu khảo sát",
            Action::ManageSurveyRounds => "tạo đợt khảo sát",
            Action::PrintSurveyForms => "in phiếu khảo sát đánh số",
            Action::EnterSurveyResponses => "nhập phiếu khảo sát đã thu",
            Action::ClassifyOpinions => "phân nhóm ý kiến trên phiếu khảo sát",
            Action::SetObjectives => "đặt mục tiêu chất lượng",
            Action::WriteAnnualReport => "soạn, lập và lưu báo cáo năm",
            Action::Print => "in phiếu tiếp nhận, sổ ghi nhận, công văn",
            Action::ImportLedger => "nhập sổ cũ từ tệp",
            Action::ExportRecords => "xuất sổ, hồ sơ, phiếu khảo sát ra tệp",
            Action::ViewAuditLog => "xem nhật ký thay đổi",
            Action::EditBackupSettings => "đổi thư mục và số bản sao lưu",
            Action::ChangeEncryption => "bật, tắt hoặc đổi mật khẩu mã hoá dữ liệu",
            Action::RestoreBackup => "phục hồi dữ liệu từ bản sao lưu",
            Action::DisposeRecords => "tiêu huỷ hồ sơ hết thời hạn lưu trữ",
            Action::ViewContact => "xem thông tin liên hệ của khách hàng (địa chỉ, điện thoại, thư điện tử)",
            Action::ExportPersonalData => "trích xuất dữ liệu cá nhân của một người",
            Action::ErasePersonalData => "xoá dữ liệu cá nhân theo yêu cầu",
        }
    }

    /// Handling a case: refused on a confidentiality complaint to all but the QMR and
    /// leadership.
    pub fn handles_case(self) -> bool {
        matches!(
            self,
            Action::FrontDeskMove
                | Action::SpecialistMove
                | Action::LeadershipDirection
                | Action::RecordStep
                | Action::SetExceptionDeadline
                | Action::DraftReply
                | Action::SignReply
                | Action::SendReply
                | Action::HandleConfidential
        )
    }

    /// A unit head does these only on the cases of their own unit.
    pub fn unit_scoped(self) -> bool {
        matches!(self, Action::SpecialistMove | Action::RecordStep | Action::DraftReply | Action::Confirm)
    }
}

/// Who is acting: the role and unit of the signed-in account's staff member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    pub unit_id: Option<String>,
}

/// What the rules read about the case an action is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseScope {
    pub receipt_no: String,
    /// A complaint (khiếu nại, phàn nàn, kháng nghị) about confidentiality.
    pub confidential: bool,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
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
