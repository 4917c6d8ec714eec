//! What the office server keeps in the file besides the office's records: the sessions of the
//! desks signed in through it, and the answers to their recent writes by request id
//! (`store::desk`). Not actions of a user: the server calls these around the commands it runs.

use super::Ledger;
use crate::error::Result;
use crate::store::desk::{self as db, DeskSessionRow};

/// How long the answer to a write is kept for a retry: a desk that lost its connection in the
/// middle of a save retries within minutes, and a week covers a PC left off over a holiday.
pub const ANSWERS_KEPT_DAYS: i64 = 7;

/// How long a session not seen is kept before its desk must sign in again.
pub const SESSIONS_KEPT_DAYS: i64 = 30;

impl Ledger {
    /// Whether the database has any account: a server without one serves no remote desk.
    pub fn accounts_exist(&self) -> Result<bool> {
        crate::store::account::any(&self.conn)
    }

    /// The stored session whose token hashes to `token_hash`.
    pub fn desk_session(&self, token_hash: &str) -> Result<Option<DeskSessionRow>> {
        db::session(&self.conn, token_hash)
    }

    pub fn begin_desk_session(&self, session: &DeskSessionRow) -> Result<()> {
        db::insert_session(&self.conn, session)
    }

    pub fn touch_desk_session(&self, token_hash: &str, last_seen_at: &str, locked: bool) -> Result<()> {
        db::update_session(&self.conn, token_hash, last_seen_at, locked)
    }

    pub fn end_desk_session(&self, token_hash: &str) -> Result<()> {
        db::delete_session(&self.conn, token_hash)
    }

    /// The answer kept for the request `id`: (command, HTTP status, JSON body).
    pub fn desk_answer(&self, id: &str) -> Result<Option<(String, u16, String)>> {
        db::request(&self.conn, id)
    }

    /// Keeps the answer to the request `id`. Called inside the write's own [`Ledger::batch`],
    /// so that the write and its answer are committed together or not at all.
    pub fn remember_desk_answer(&self, id: &str, command: &str, status: u16, body: &str) -> Result<()> {
        db::remember_request(&self.conn, id, command, status, body, &crate::store::now_utc())
    }

    /// Forgets answers older than [`ANSWERS_KEPT_DAYS`] and sessions not seen for
    /// [`SESSIONS_KEPT_DAYS`]; answers how many of each.
    pub fn forget_old_desk_records(&self) -> Result<(usize, usize)> {
        let ago = |days: i64| {
            (chrono::Utc::now() - chrono::Duration::days(days)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        };
        let answers = db::forget_requests_before(&self.conn, &ago(ANSWERS_KEPT_DAYS))?;
        let sessions = db::forget_sessions_before(&self.conn, &ago(SESSIONS_KEPT_DAYS))?;
        Ok((answers, sessions))
    }
}
