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
//! All carry the header guard (`X-Ykien: 1`) and, but the pairing, `Authorization: Bearer <token>`.

use super::call::refusal;
use super::routes::{json_answer, token, unguarded};
use super::Shared;
use crate::domain::kiosk::RatingInput;
use crate::{ErrorReport, Ledger};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::sync::Arc;

/// The kiosk page: HTML, CSS and script in one file, so that a tablet in kiosk mode needs
/// nothing but this address.
const PAGE: &str = include_str!("kiosk.html");

/// `GET /kiosk`.
pub async fn page() -> Response {
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], PAGE).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    // The page loads nothing from anywhere else, and no other site may frame it.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"),
    );
    response
}

fn answer(result: Result<Value, ErrorReport>) -> Response {
    match result {
        Ok(v) => json_answer(200, &v),
        Err(e) => {
            let a = refusal(e);
            json_answer(a.status, &a.body)
        }
    }
}

fn not_a_kiosk() -> ErrorReport {
    ErrorReport::SignInRequired {
        message: "Máy đánh giá chưa được ghép nối, hoặc đã ngừng dùng: hãy nhập mã ghép nối mới do cán bộ quản trị cấp.".into(),
    }
}

/// Runs `f` with the kiosk whose device token the request carries.
async fn as_kiosk(
    shared: Arc<Shared>,
    headers: &HeaderMap,
    writes: bool,
    f: impl FnOnce(&mut Ledger, &crate::store::kiosk::KioskRow) -> crate::Result<Value> + Send + 'static,
) -> Response {
    if let Some(refused) = unguarded(headers) {
        return refused;
    }
    let Some(token) = token(headers) else { return answer(Err(not_a_kiosk())) };
    let outcome = tokio::task::spawn_blocking(move || {
        let mut ledger = if writes { shared.writer() } else { shared.reader() };
        let kiosk = ledger.kiosk_of_token(&token).map_err(ErrorReport::from)?.ok_or_else(not_a_kiosk)?;
        f(&mut ledger, &kiosk).map_err(ErrorReport::from)
    })
    .await;
    answer(outcome.unwrap_or_else(|e| Err(ErrorReport::Io { message: format!("Máy chủ gặp lỗi: {e}") })))
}

/// `GET /api/kiosk/state`.
pub async fn state(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    as_kiosk(shared, &headers, false, |ledger, kiosk| Ok(json!(ledger.kiosk_state(kiosk)?))).await
}

/// `POST /api/kiosk/rate`.
pub async fn rate(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    let input: RatingInput = match serde_json::from_slice(&body) {
        Ok(i) => i,
        Err(e) => {
            return answer(Err(ErrorReport::Validation { field: "answers".into(), message: format!("Lượt đánh giá gửi tới không đọc được: {e}.") }))
        }
    };
    as_kiosk(shared, &headers, true, move |ledger, kiosk| Ok(json!(ledger.rate_at_kiosk(kiosk, &input)?))).await
}

#[derive(Deserialize)]
struct Pairing {
    code: String,
}

/// `POST /api/kiosk/pair`.
pub async fn pair(State(shared): State<Arc<Shared>>, ConnectInfo(peer): ConnectInfo<SocketAddr>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(refused) = unguarded(&headers) {
        return refused;
    }
    let Ok(Pairing { code }) = serde_json::from_slice(&body) else {
        return answer(Err(ErrorReport::Validation { field: "code".into(), message: "Hãy nhập mã ghép nối.".into() }));
    };
    let outcome = tokio::task::spawn_blocking(move || {
        // Wrong codes count against the address with wrong passwords: guessing is slowed alike.
        shared.attempts.check(peer.ip())?;
        let mut ledger = shared.writer();
        match ledger.pair_kiosk(&code) {
            Ok((token, kiosk)) => Ok(json!({ "token": token, "state": ledger.kiosk_state(&kiosk)? })),
            Err(e) => {
                if matches!(e, crate::Error::Forbidden(_)) {
                    shared.attempts.failed(peer.ip());
                }
                Err(ErrorReport::from(e))
            }
        }
    })
    .await;
    answer(outcome.unwrap_or_else(|e| Err(ErrorReport::Io { message: format!("Máy chủ gặp lỗi: {e}") })))
}

/// The refusal of a device token anywhere but here.
pub fn refused_elsewhere() -> ErrorReport {
    ErrorReport::Forbidden { message: "Máy đánh giá tại quầy chỉ gửi được đánh giá của quầy mình; nó không làm được việc nào khác.".into() }
}
