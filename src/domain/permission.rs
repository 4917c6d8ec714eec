//! The permission table (R6.3): everything the core guards, and the roles that may do each.
//! A rule of the office, so it lives with the other rules; `access` applies it to a case.

use super::staff::Role;
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
    CorrectEntry,
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
    ManageKiosks,
    ArmKiosk,
    ViewKioskRatings,
    DecideComplaint,
    ReviewSettlement,
}

use Role::{Administrator as A, Leadership as L, QualityOfficer as Q, Reception as R, UnitHead as U};

impl Action {
    pub const ALL: [Action; 42] = [
        Action::EditOffice,
        Action::ManageUnits,
        Action::ManageStaff,
        Action::ManageAccounts,
        Action::EditSettings,
        Action::EnterFeedback,
        Action::CorrectEntry,
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
        Action::ManageKiosks,
        Action::ArmKiosk,
        Action::ViewKioskRatings,
        Action::DecideComplaint,
        Action::ReviewSettlement,
    ];

    /// The roles that may do it: the permission table.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Action::EditOffice | Action::ManageUnits | Action::ManageStaff | Action::ManageAccounts => &[A],
            Action::EditSettings => &[Q, A],
            Action::EnterFeedback | Action::FrontDeskMove | Action::SendReply | Action::Print => &[R, U, Q, L],
            // The one who made an entry, on its day; the quality officer at any time
            // (`workflow::check_corrector`).
            Action::CorrectEntry => &[R, U, Q, L],
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
            // Rating kiosks are devices the administrator registers, as accounts are; whoever
            // serves citizens arms their desk's kiosk; the ratings by desk and by staff member
            // judge people, so only the QMR and leadership see them.
            Action::ManageKiosks => &[A],
            Action::ArmKiosk => &[R, U, Q, L],
            Action::ViewKioskRatings => &[Q, L],
            // A formal complaint's acceptance and its complex mark are decisions of the one
            // competent to settle it (leadership), which the QMR prepares and records
            // (seed 001: the QMR handles complaints); a settlement on the spot is reported
            // to the QMR, who marks it seen.
            Action::DecideComplaint => &[Q, L],
            Action::ReviewSettlement => &[Q],
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
            Action::CorrectEntry => "sửa, rút (nhập nhầm) ý kiến đã ghi",
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
            Action::ManageKiosks => "đăng ký, ghép nối, ngừng dùng máy đánh giá tại quầy",
            Action::ArmKiosk => "mời khách hàng đánh giá trên máy đánh giá tại quầy",
            Action::ViewKioskRatings => "xem kết quả đánh giá tại quầy theo quầy và theo cán bộ",
            Action::DecideComplaint => "ghi quyết định thụ lý khiếu nại, xác định vụ việc phức tạp",
            Action::ReviewSettlement => "đánh dấu đã xem việc giải quyết ngay tại chỗ",
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
                | Action::DecideComplaint
        )
    }

    /// Roles that do this only on what they entered themselves, on the day they entered it
    /// (the quality officer corrects any entry).
    pub fn own_entries_only(self, role: Role) -> bool {
        self == Action::CorrectEntry && role != Role::QualityOfficer
    }

    /// A unit head does these only on the cases of their own unit.
    pub fn unit_scoped(self) -> bool {
        matches!(self, Action::SpecialistMove | Action::RecordStep | Action::DraftReply | Action::Confirm)
    }
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
