//! Desks' sessions. A session begins with `sign_in` (or `first_admin_create`): the desk gets a
//! random token, the file keeps only its SHA-256 (a copied file lets nobody act as a desk),
//! with the account, the desk and its times, so that sessions survive a restart of the
//! server. `sign_out` deletes it; the idle lock is the desk's own (`lock_screen`) or the
//! server's, once the session has not been used for the account policy's idle minutes.

use crate::error::Result;
use crate::ledger::Session;
use crate::store::desk::DeskSessionRow;
use crate::Ledger;
use base64::Engine;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Mutex;

/// For the end-to-end tests of the idle lock: a shorter idle time than any setting allows
/// (the same variable as the app window's).
pub const IDLE_OVERRIDE: &str = "YKIEN_IDLE_LOCK_SECONDS";

/// How stale the stored "last seen" may get: a desk working all day writes it once a minute,
/// not at every call.
const SEEN_WRITTEN_EVERY: chrono::Duration = chrono::Duration::seconds(60);

/// A new token: 32 random bytes, base64url without padding.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system gives random bytes");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the file keeps of a token.
pub fn hash(token: &str) -> String {
    crate::domain::digest::sha256_hex(token.as_bytes())
}

/// A desk's session found by its token, as the ledger is lent it for one call.
pub struct DeskSession {
    pub token_hash: String,
    pub session: Session,
}

/// When each session was last used, exactly (the file holds it to the minute).
#[derive(Default)]
pub struct Sessions {
    seen: Mutex<HashMap<String, DateTime<Utc>>>,
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The idle time after which the server locks a session itself.
pub fn idle_limit(ledger: &Ledger) -> Result<chrono::Duration> {
    let minutes = ledger.account_policy()?.idle_lock_minutes;
    let mut limit = chrono::Duration::minutes(minutes as i64);
    if let Some(cap) = std::env::var(IDLE_OVERRIDE).ok().and_then(|v| v.parse::<i64>().ok()).filter(|s| *s > 0) {
        limit = limit.min(chrono::Duration::seconds(cap));
    }
    Ok(limit)
}

impl Sessions {
    /// The session whose token is `token`, if the file has it; locked by the server when it
    /// was idle too long. Counts as a use of the session.
    pub fn resolve(&self, ledger: &Ledger, token: &str) -> Result<Option<DeskSession>> {
        let token_hash = hash(token);
        let Some(row) = ledger.desk_session(&token_hash)? else {
            self.forget(&token_hash);
            return Ok(None);
        };
        let now = Utc::now();
        let stored_seen = DateTime::parse_from_rfc3339(&row.last_seen_at).map(|t| t.with_timezone(&Utc)).unwrap_or(now);
        let last_seen = {
            let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
            let last = seen.get(&token_hash).copied().unwrap_or(stored_seen).max(stored_seen);
            seen.insert(token_hash.clone(), now);
            last
        };
        let idle_locked = !row.locked && now - last_seen > idle_limit(ledger)?;
        let locked = row.locked || idle_locked;
        if idle_locked || now - stored_seen > SEEN_WRITTEN_EVERY {
            ledger.touch_desk_session(&token_hash, &rfc3339(now), locked)?;
        }
        Ok(Some(DeskSession { session: Session::new(row.account_id, locked), token_hash }))
    }

    /// Begins a session for the account signed in; answers its token.
    pub fn begin(&self, ledger: &Ledger, session: &Session, desk_name: &str, address: &str) -> Result<String> {
        let token = new_token();
        let now = Utc::now();
        let row = DeskSessionRow {
            token_hash: hash(&token),
            account_id: session.account_id().to_owned(),
            desk_name: desk_name.to_owned(),
            address: address.to_owned(),
            created_at: rfc3339(now),
            last_seen_at: rfc3339(now),
            locked: session.locked(),
        };
        ledger.begin_desk_session(&row)?;
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).insert(row.token_hash, now);
        Ok(token)
    }

    /// Records what a call did to the session: locked or unlocked it, or ended it (`None`).
    pub fn after_call(&self, ledger: &Ledger, before: &DeskSession, after: Option<&Session>) -> Result<()> {
        match after {
            None => self.end(ledger, &before.token_hash),
            Some(s) if s.locked() != before.session.locked() => {
                ledger.touch_desk_session(&before.token_hash, &rfc3339(Utc::now()), s.locked())
            }
            Some(_) => Ok(()),
        }
    }

    pub fn end(&self, ledger: &Ledger, token_hash: &str) -> Result<()> {
        self.forget(token_hash);
        ledger.end_desk_session(token_hash)
    }

    fn forget(&self, token_hash: &str) {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).remove(token_hash);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_only_their_hash_is_kept() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(hash(&a).len(), 64);
        assert_ne!(hash(&a), a);
        assert_eq!(hash(&a), hash(&a));
    }
}
