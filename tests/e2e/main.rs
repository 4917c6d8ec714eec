//! End-to-end tests in the real app window (WebKitGTK through WebDriver, under Xvfb).
//! Run by `cargo xtask test`, which builds the app, starts the display and sets YKIEN_APP.
//! The pages served by an office server are also driven in headless Chromium (`desks`).
//! Assertions are on the DOM and on the SQLite file, never on pixels.

mod accounts;
mod backups;
mod bundles;
mod desks;
mod encryption;
mod finding_way;
mod harness;
mod kiosk;
mod law;
mod ledger;
mod long_tasks;
mod office_setup;
mod paper;
mod personal_data;
mod preview;
mod reports;
mod scan;
mod records;
mod screenshots;
mod settings;
mod surveys;

/// Tests share one display and start real windows: one at a time.
pub static ONE_WINDOW: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("ykien-e2e-").tempdir().unwrap()
}

/// A written-in-person complaint as a clerk would enter it.
pub fn sample_complaint() -> ykien::FeedbackInput {
    ykien::FeedbackInput {
        received_at: chrono::Local::now().naive_local().format("%Y-%m-%dT%H:%M").to_string(),
        channel: ykien::Channel::InPerson,
        kind: ykien::Kind::Complaint,
        subject: ykien::Subject::ProcessingTime,
        book: ykien::Book::Feedback,
        customer_name: "Phạm Văn Đông".into(),
        customer_org: String::new(),
        customer_address: String::new(),
        customer_phone: String::new(),
        customer_email: String::new(),
        customer_group: ykien::CustomerGroup::Unknown,
        content: "Cán bộ một cửa không hướng dẫn rõ thành phần hồ sơ".into(),
        receiver_id: None,
        unit_id: None,
        written: false,
        formal: false,
        settled_on_spot: None,
    }
}
