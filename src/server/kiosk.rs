//! The rating kiosks' side of the server: the kiosk page (`GET /kiosk`, one self-contained
//! page: no sign-in, no other screen of the app) and the three calls a tablet makes with its
//! device token. A device token can do nothing else: the command table refuses it (`routes`),
//! and these calls refuse a desk's session token.
//!
//! - `POST /api/kiosk/pair` `{"code": "7KQ4-M2XP"}` → `{"token": "kiosk.…", "state": KioskState}`:
//!   the one-time code an administrator got from `kiosk add` (wrong codes count against the
//!   address, as wrong passwords do);
//! - `GET /api/kiosk/state` → `KioskState`: the questions, and the arm to rate while the clerk's
//!   window has armed the kiosk (the page asks every few seconds);
//! - `POST /api/kiosk/rate` `RatingInput` → `{"rating_id": "…", "again": bool}`: one rating per
//!   arm; the same tap id sent again answers the same rating (`again`: true).
//!
//! All carry the header guard (`X-Ykien: 1`) and, but the pairing, `Authorization: Bearer <token>`;
//! `routes` checks the guard and reads the token, as for every call.

use super::Shared;
use crate::domain::kiosk::RatingInput;
use crate::store::kiosk::KioskRow;
use crate::{ErrorReport, Ledger};
use serde::Deserialize;
use serde_json::{json, Value};
use std::net::IpAddr;

/// The kiosk page: HTML, CSS and script in one file, so that a tablet in kiosk mode needs
/// nothing but this address. (`routes` serves it, with its headers.)
pub const PAGE: &str = include_str!("kiosk.html");

fn not_a_kiosk() -> ErrorReport {
    ErrorReport::SignInRequired {
        message: "Máy đánh giá chưa được ghép nối, hoặc đã ngừng dùng: hãy nhập mã ghép nối mới do cán bộ quản trị cấp.".into(),
    }
}

/// Runs `f` with the kiosk whose device token is `token`, on the writer or a reader.
fn as_kiosk(
    shared: &Shared,
    token: Option<String>,
    writes: bool,
    f: impl FnOnce(&mut Ledger, &KioskRow) -> crate::Result<Value>,
) -> Result<Value, ErrorReport> {
    let token = token.ok_or_else(not_a_kiosk)?;
    let mut ledger = if writes { shared.writer() } else { shared.reader() };
    let kiosk = ledger.kiosk_of_token(&token)?.ok_or_else(not_a_kiosk)?;
    Ok(f(&mut ledger, &kiosk)?)
}

/// `GET /api/kiosk/state`.
pub fn state(shared: &Shared, token: Option<String>) -> Result<Value, ErrorReport> {
    as_kiosk(shared, token, false, |ledger, kiosk| Ok(json!(ledger.kiosk_state(kiosk)?)))
}

/// `POST /api/kiosk/rate`.
pub fn rate(shared: &Shared, token: Option<String>, body: &[u8]) -> Result<Value, ErrorReport> {
    let input: RatingInput = serde_json::from_slice(body).map_err(|e| ErrorReport::Validation {
        field: "answers".into(),
        message: format!("Lượt đánh giá gửi tới không đọc được: {e}."),
    })?;
    as_kiosk(shared, token, true, |ledger, kiosk| Ok(json!(ledger.rate_at_kiosk(kiosk, &input)?)))
}

#[derive(Deserialize)]
struct Pairing {
    code: String,
}

/// `POST /api/kiosk/pair`, from the network address `address`.
pub fn pair(shared: &Shared, address: IpAddr, body: &[u8]) -> Result<Value, ErrorReport> {
    let Ok(Pairing { code }) = serde_json::from_slice(body) else {
        return Err(ErrorReport::Validation { field: "code".into(), message: "Hãy nhập mã ghép nối.".into() });
    };
    // Wrong codes count against the address with wrong passwords: guessing is slowed alike.
    shared.attempts.check(address)?;
    let mut ledger = shared.writer();
    match ledger.pair_kiosk(&code) {
        Ok((token, kiosk)) => Ok(json!({ "token": token, "state": ledger.kiosk_state(&kiosk)? })),
        Err(e) => {
            if matches!(e, crate::Error::Forbidden(_)) {
                shared.attempts.failed(address);
            }
            Err(ErrorReport::from(e))
        }
    }
}

/// The refusal of a device token anywhere but here.
pub fn refused_elsewhere() -> ErrorReport {
    ErrorReport::Forbidden { message: "Máy đánh giá tại quầy chỉ gửi được đánh giá của quầy mình; nó không làm được việc nào khác.".into() }
}
