//! Paper surveys (R3): the limit of one printing, and the TypeScript declarations of the
//! survey types. What a user does with surveys is on the [`crate::Ledger`]
//! (`src/ledger/surveys.rs`).

use crate::domain::survey::SurveyTemplate;
use crate::domain::survey_entry::EntrySlot;
use crate::domain::survey_import::{ImportProblem, ImportReport};
use crate::domain::survey_round::{EntrySheet, ResponseInput, RoundInput, SerialCheck, SurveyResponse, SurveyRound, TemplateInfo};

/// The most forms printed at once (a box of paper is 2,500 sheets).
pub const MAX_PRINT: i32 = 5000;

/// The TypeScript declarations of the survey types, appended to the bindings.
pub fn ts_decls(cfg: &ts_rs::Config) -> Vec<String> {
    use crate::domain::survey::{FollowUp, FreeText, SurveyItem, SurveySection};
    use crate::domain::survey_entry::{Answer, AnswerState, SlotCondition};
    use ts_rs::TS;
    vec![
        SurveyTemplate::decl(cfg),
        SurveySection::decl(cfg),
        SurveyItem::decl(cfg),
        FreeText::decl(cfg),
        FollowUp::decl(cfg),
        TemplateInfo::decl(cfg),
        SurveyRound::decl(cfg),
        RoundInput::decl(cfg),
        ResponseInput::decl(cfg),
        SurveyResponse::decl(cfg),
        EntrySheet::decl(cfg),
        EntrySlot::decl(cfg),
        SlotCondition::decl(cfg),
        SerialCheck::decl(cfg),
        Answer::decl(cfg),
        AnswerState::decl(cfg),
        ImportReport::decl(cfg),
        ImportProblem::decl(cfg),
        crate::domain::survey_scan::PageStatus::decl(cfg),
        crate::domain::survey_scan::ReadAnswer::decl(cfg),
        crate::domain::survey_scan::ScannedPage::decl(cfg),
        crate::domain::survey_scan::ReviewPage::decl(cfg),
        crate::domain::survey_scan::ScanReport::decl(cfg),
        crate::domain::survey_scan::SkippedFile::decl(cfg),
        crate::domain::survey_scan::ScanConfirmInput::decl(cfg),
        crate::domain::survey_scan::ScanFile::decl(cfg),
        crate::domain::survey_scan::ScanInbox::decl(cfg),
    ]
}
