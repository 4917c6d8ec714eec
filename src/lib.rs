//! Ý Kiến core: the records of an office's ISO 9001 customer-feedback procedures, held in one
//! SQLite file. The app (`src-tauri`), the command line (`src/bin/ykien/main.rs`), the office
//! server (`server`, which serves the other desks of an office over HTTPS; feature `server`,
//! which the app goes without) and the tests all
//! open it the same way, through [`Database`], and do everything through the methods of the
//! [`Ledger`] it opens (`src/ledger/`, one file per area); the window, the command line and the
//! server call them by name through the command table (`commands`), which a desk of the
//! office server reaches on the server through `desk::Remote`.

pub mod access;
pub mod bindings;
pub mod bundle;
pub mod commands;
pub mod demo;
pub mod desk;
pub mod documents;
pub mod domain;
pub mod error;
pub mod export;
pub mod import;
mod ledger;
pub mod pairing;
pub mod paths;
pub mod pdf;
pub mod prints;
pub mod report;
pub mod scan;
#[cfg(feature = "server")]
pub mod server;
pub mod store;
pub mod surveys;

pub use documents::{PrintJob, PrintOutcome, PrintPreview, Printed};
pub use access::Action;
pub use domain::account::{AccessState, Account, AccountInput, AccountPolicy, FirstAdminInput, SignedIn};
pub use domain::action::{ActionFilter, ActionInput, ActionKind, ActionSource, ActionStatus, CorrectiveAction, RegisterState, SourceKind};
pub use domain::law::{Acceptance, AcceptanceInput, ComplexInput};
pub use domain::audit::{AuditEntry, AuditFilter};
pub use domain::case::{BatchOutcome, Case, CaseCounts, ConfirmBatchInput, EventWhat, ExceptionInput, FeedbackFilter, FeedbackPage, FeedbackRow, MoveInput, StepInput, WaitsFor};
pub use domain::feedback::{Book, Channel, CorrectionInput, CustomerGroup, FeedbackInput, FieldChange, Kind, ReceiptNo, Subject, NO_NAME};
pub use domain::document_control::{ControlledForm, DocumentControl, FormControlData};
pub use domain::letter::{CustomerNoticeInput, LetterStatus, LetterToSign, MeasuresLetter, ReplyLetter, SignBatchInput};
pub use domain::progress::{no_progress, Progress, TaskProgress};
pub use domain::vocabulary::{vocabulary, Term, Vocabulary};
pub use domain::workflow::{Status, StepKind};
pub use store::holiday::Holiday;
pub use domain::office::OfficeProfile;
pub use domain::privacy::{Contact, ErasureReport, ErasureRequest, PersonMatch, PersonQuery, PersonRecordKind, PersonSelection};
pub use domain::settings::Settings;
pub use domain::staff::{Role, Staff, StaffInput};
pub use domain::unit::{Unit, UnitInput};
pub use domain::survey::SurveyTemplate;
pub use domain::survey_entry::{Answer, AnswerState, EntrySlot};
pub use domain::survey_import::{ImportProblem, ImportReport};
pub use domain::survey_round::{EntrySheet, ResponseInput, RoundInput, SerialCheck, SurveyResponse, SurveyRound, TemplateInfo};
pub use error::{Error, ErrorReport, Result};
pub use ledger::{
    AppInfo, BackupState, CheckReport, Database, DisposalReport, EncryptionReport, EncryptionStatus, ExportReport, Ledger, Opened,
    RetentionDue, Session, SurveyFormsDue, SYSTEM_ACTOR,
};
pub use ledger::{secret_hash, Rated, KIOSK_TOKEN_PREFIX};
pub use ledger::{BundleImport, ExportedBundle, OfficeRecords, RECORDS_SHOWN};
pub use domain::kiosk::{Kiosk, KioskFigures, KioskInput, KioskPairing, KioskQuestion, KioskState, RatedAnswer, RatingCount, RatingInput};
pub use store::backup::{BackupFile, BackupSettings, RestoreReport};
pub use import::ImportPreview;
