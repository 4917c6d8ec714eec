//! The TypeScript types of everything the UI receives from or sends to the core, generated
//! from the Rust types (ts-rs) into one committed file, `ui/src/lib/api/bindings.ts`. A test
//! fails when that file is stale; `UPDATE_BINDINGS=1 cargo test bindings` rewrites it.

use ts_rs::{Config, TS};

/// Where the generated file lives, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/lib/api/bindings.ts";

pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        crate::AppInfo::decl(&cfg),
        crate::CheckReport::decl(&cfg),
        crate::ErrorReport::decl(&cfg),
        crate::pairing::ServerInfo::decl(&cfg),
        crate::OfficeProfile::decl(&cfg),
        crate::Unit::decl(&cfg),
        crate::UnitInput::decl(&cfg),
        crate::Role::decl(&cfg),
        crate::Staff::decl(&cfg),
        crate::StaffInput::decl(&cfg),
        crate::Account::decl(&cfg),
        crate::AccountInput::decl(&cfg),
        crate::FirstAdminInput::decl(&cfg),
        crate::AccountPolicy::decl(&cfg),
        crate::SignedIn::decl(&cfg),
        crate::AccessState::decl(&cfg),
        crate::Action::decl(&cfg),
        crate::Settings::decl(&cfg),
        crate::AuditEntry::decl(&cfg),
        crate::domain::vocabulary::Term::decl(&cfg),
        crate::domain::vocabulary::Vocabulary::decl(&cfg),
        crate::Channel::decl(&cfg),
        crate::Kind::decl(&cfg),
        crate::Subject::decl(&cfg),
        crate::CustomerGroup::decl(&cfg),
        crate::Book::decl(&cfg),
        crate::Status::decl(&cfg),
        crate::StepKind::decl(&cfg),
        crate::FeedbackInput::decl(&cfg),
        crate::FeedbackRow::decl(&cfg),
        crate::FeedbackPage::decl(&cfg),
        crate::FeedbackFilter::decl(&cfg),
        crate::Case::decl(&cfg),
        crate::domain::case::Deadlines::decl(&cfg),
        crate::domain::case::CaseEvent::decl(&cfg),
        crate::domain::case::CaseStep::decl(&cfg),
        crate::domain::case::RequirementState::decl(&cfg),
        crate::domain::workflow::Requirement::decl(&cfg),
        crate::domain::workflow::Move::decl(&cfg),
        crate::MoveInput::decl(&cfg),
        crate::StepInput::decl(&cfg),
        crate::ExceptionInput::decl(&cfg),
        crate::CaseCounts::decl(&cfg),
        crate::ReplyLetter::decl(&cfg),
        crate::LetterStatus::decl(&cfg),
        crate::CorrectiveAction::decl(&cfg),
        crate::ActionInput::decl(&cfg),
        crate::ActionKind::decl(&cfg),
        crate::ActionStatus::decl(&cfg),
        crate::Holiday::decl(&cfg),
        crate::BackupSettings::decl(&cfg),
        crate::BackupFile::decl(&cfg),
        crate::BackupState::decl(&cfg),
        crate::store::backup::FileCheck::decl(&cfg),
        crate::RestoreReport::decl(&cfg),
        crate::EncryptionStatus::decl(&cfg),
        crate::EncryptionReport::decl(&cfg),
        crate::ImportPreview::decl(&cfg),
        crate::import::ImportColumn::decl(&cfg),
        crate::import::ImportRow::decl(&cfg),
        crate::import::RowStatus::decl(&cfg),
        crate::import::header::Field::decl(&cfg),
        crate::import::legacy::Encoding::decl(&cfg),
        crate::import::CellConversion::decl(&cfg),
        crate::import::read::CodePage::decl(&cfg),
        crate::ExportReport::decl(&cfg),
        crate::RetentionDue::decl(&cfg),
        crate::store::retention::DueRecord::decl(&cfg),
        crate::store::retention::Disposal::decl(&cfg),
        crate::SurveyFormsDue::decl(&cfg),
        crate::store::retention::DueSurveyForm::decl(&cfg),
        crate::store::retention::SurveyDisposal::decl(&cfg),
        crate::store::retention::RemovedReport::decl(&cfg),
        crate::store::retention::RecordType::decl(&cfg),
        crate::DisposalReport::decl(&cfg),
        crate::store::audit::ChainReport::decl(&cfg),
        crate::store::audit::ChainBreak::decl(&cfg),
        crate::TaskProgress::decl(&cfg),
        crate::PrintJob::decl(&cfg),
        crate::PrintOutcome::decl(&cfg),
        crate::report::period::Period::decl(&cfg),
        crate::report::period::PeriodQuery::decl(&cfg),
        crate::report::figures::Count::decl(&cfg),
        crate::report::figures::Share::decl(&cfg),
        crate::report::figures::FeedbackFigures::decl(&cfg),
        crate::report::figures::ComplaintFigures::decl(&cfg),
        crate::report::surveys::SlotFigures::decl(&cfg),
        crate::report::surveys::TemplateFigures::decl(&cfg),
        crate::report::surveys::SurveyFigures::decl(&cfg),
        crate::report::figures::Figures::decl(&cfg),
        crate::report::figures::Change::decl(&cfg),
        crate::report::figures::FiguresReport::decl(&cfg),
        crate::report::behind::AnswerPick::decl(&cfg),
        crate::report::behind::FormsQuery::decl(&cfg),
        crate::report::behind::FormBehind::decl(&cfg),
        crate::report::behind::FormsBehind::decl(&cfg),
        crate::report::review::Metric::decl(&cfg),
        crate::report::opinions::Opinion::decl(&cfg),
        crate::report::review::Objective::decl(&cfg),
        crate::report::review::ObjectiveResult::decl(&cfg),
        crate::report::review::ArchivedReport::decl(&cfg),
        crate::report::annual::AnnualTexts::decl(&cfg),
        crate::Contact::decl(&cfg),
        crate::PersonQuery::decl(&cfg),
        crate::PersonRecordKind::decl(&cfg),
        crate::PersonMatch::decl(&cfg),
        crate::PersonSelection::decl(&cfg),
        crate::ErasureRequest::decl(&cfg),
        crate::ErasureReport::decl(&cfg),
        crate::domain::survey_round::SurveyLayout::decl(&cfg),
        crate::domain::survey_round::AnswerBox::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by ts-rs (src/bindings.rs). Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test bindings` after changing a type.\n\n",
    );
    // Last, the command table: each command's request, and the map the UI's transport is
    // typed by.
    for d in decls.into_iter().chain(crate::surveys::ts_decls(&cfg)).chain(crate::commands::typescript(&cfg)) {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
