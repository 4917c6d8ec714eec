//! That a customer was told the office's evaluation and the corrective measures taken (seed
//! 003 §5.5): a line in the case's history, where the timeline shows it, with its channel.
//! The line keeps the case's state on both sides and is marked `notice` (a record, not a
//! move): neither the figures nor the closing move, which takes the last move's note as the
//! resolution, read it.

use super::feedback::{event_with, fmt_local, EventExtra};
use crate::domain::case::EventWhat;
use super::Tx;
use crate::domain::feedback::Channel;
use crate::domain::workflow::Status;
use crate::error::Result;
use chrono::{NaiveDate, NaiveDateTime};

/// Records the notice sent on `sent_on` through `channel` on the live case `id`, whose state
/// is `status`; `note` is the line the timeline shows (`letter::notice_note`).
pub fn record(tx: &Tx, id: &str, status: Status, sent_on: NaiveDate, channel: Channel, note: &str, now: NaiveDateTime) -> Result<()> {
    let extra = EventExtra { what: Some(EventWhat::Notice), ..EventExtra::default() };
    event_with(tx, id, fmt_local(now), None, Some(status), status, Some(channel), note, &extra)?;
    super::case_version::touch(tx, id)?;
    tx.audit::<(), _>(
        "customer_notice",
        id,
        None,
        Some(&serde_json::json!({ "feedback_id": id, "sent_on": sent_on, "channel": channel, "note": note })),
    )
}
