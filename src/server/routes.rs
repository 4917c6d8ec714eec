//! The HTTP side: the routes, and what a request carries besides its command (the session
//! token, the desk's name, the request id, the CSRF guard). Nothing here decides anything
//! about the office's records: `call` does, through the command table.

use super::call::{self, Caller, Reply};
use super::files::Incoming;
use super::{kiosk, ui, Shared};
use crate::ErrorReport;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// The largest call accepted: an old ledger or a file of returned survey forms travels inside
/// it, in base64 (or as a JSON array of bytes); years of an office's book fit many times over.
/// (axum's default, 2 MB, would refuse a large spreadsheet.)
pub const MAX_CALL_BYTES: usize = 256 * 1024 * 1024;

/// The session cookie of browser desks.
pub const COOKIE: &str = "ykien_session";
/// The header every call must carry: a page of another site cannot add it without a CORS
/// preflight, which this server never grants.
pub const GUARD_HEADER: &str = "x-ykien";

/// Every route of the server.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/api/info", get(info))
        .route("/api/call/{command}", post(call).layer(DefaultBodyLimit::max(MAX_CALL_BYTES)))
        .route("/api/events", get(follow))
        .route("/api/kiosk/pair", post(kiosk_pair))
        .route("/api/kiosk/state", get(kiosk_state))
        .route("/api/kiosk/rate", post(kiosk_rate))
        .route("/kiosk", get(kiosk_page))
        .route("/api/{*rest}", axum::routing::any(no_such_call))
        .fallback(ui::serve)
        .with_state(shared)
}

#[derive(Deserialize, Default)]
struct CallBody {
    #[serde(default)]
    args: Value,
    #[serde(default)]
    files: HashMap<String, Incoming>,
}

fn json_answer(status: u16, body: &Value) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn refused(e: ErrorReport) -> Response {
    let answer = call::refusal(e);
    json_answer(answer.status, &answer.body)
}

/// The token of the request's session: `Authorization: Bearer …` (the app, the command
/// line) or the cookie (a browser).
fn token(headers: &HeaderMap) -> Option<String> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_owned());
    bearer.or_else(|| {
        headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
            let (name, value) = c.trim().split_once('=')?;
            (name == COOKIE).then(|| value.to_owned())
        })
    })
    .filter(|t| !t.is_empty() && t.len() <= 200)
}

/// A header's text (UTF-8, percent-encoded when it is not ASCII: HTTP headers carry ASCII
/// and a browser refuses to send anything else), cleaned of control characters and cut to
/// `max` characters.
fn text(headers: &HeaderMap, name: &str, max: usize) -> Option<String> {
    let raw = headers.get(name)?;
    let text = String::from_utf8_lossy(&percent_decoded(raw.as_bytes())).into_owned();
    let clean: String = text.chars().filter(|c| !c.is_control()).take(max).collect();
    let clean = clean.trim().to_owned();
    (!clean.is_empty()).then_some(clean)
}

/// `%C3%9D` → the byte 0xC3 0x9D …; anything else as it is.
fn percent_decoded(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1).copied().and_then(hex), bytes.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(hi << 4 | lo);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Whether the request carries a rating kiosk's device token: told by its prefix, which a
/// desk's session token (base64url) never has, so the command table refuses it whatever it is.
fn is_kiosk(headers: &HeaderMap) -> bool {
    token(headers).is_some_and(|t| t.starts_with(crate::KIOSK_TOKEN_PREFIX))
}

/// The refusal of a call without the guard header.
fn unguarded(headers: &HeaderMap) -> Option<Response> {
    if headers.get(GUARD_HEADER).is_some_and(|v| v.as_bytes() == b"1") {
        None
    } else {
        Some(refused(ErrorReport::Forbidden {
            message: "Yêu cầu thiếu tiêu đề X-Ykien: máy chủ chỉ nhận lệnh từ Ý Kiến (ứng dụng, trình duyệt mở trang của \
                      máy chủ, dòng lệnh)."
                .into(),
        }))
    }
}

/// `GET /api/info`: who this server is, for a desk pairing with it, before signing in.
async fn info(State(shared): State<Arc<Shared>>) -> Response {
    let shared2 = shared.clone();
    match tokio::task::spawn_blocking(move || shared2.info()).await {
        Ok(info) => json_answer(200, &json!(info)),
        Err(e) => refused(ErrorReport::Io { message: format!("Máy chủ gặp lỗi: {e}") }),
    }
}

/// `POST /api/call/{command}`: one command of the table.
async fn call(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(command): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Some(refusal) = unguarded(&headers) {
        return refusal;
    }
    if is_kiosk(&headers) {
        return refused(kiosk::refused_elsewhere());
    }
    let body: CallBody = if body.iter().all(u8::is_ascii_whitespace) {
        CallBody::default()
    } else {
        match serde_json::from_slice(&body) {
            Ok(b) => b,
            Err(e) => {
                return refused(ErrorReport::Validation {
                    field: "args".into(),
                    message: format!("Lệnh «{command}» gửi tới máy chủ không đọc được: {}.", crate::error::json_message(&e)),
                })
            }
        }
    };
    let caller = Caller {
        token: token(&headers),
        address: peer.ip(),
        desk_name: text(&headers, "x-desk-name", 64),
        request_id: text(&headers, "x-request-id", super::requests::MAX_ID_LEN),
    };
    if command == "app_info" {
        return json_answer(200, &json!({ "result": shared.app_info() }));
    }
    let worker = shared.clone();
    let reply = tokio::task::spawn_blocking(move || match command.as_str() {
        "task_cancel" => call::cancel(&worker, &caller),
        _ => call::run(&worker, &command, body.args, &body.files, &caller),
    })
    .await;
    match reply {
        Ok(reply) => respond(reply),
        Err(e) => refused(ErrorReport::Io { message: format!("Máy chủ gặp lỗi khi chạy lệnh: {e}") }),
    }
}

fn respond(reply: Reply) -> Response {
    let mut response = json_answer(reply.answer.status, &reply.answer.body);
    let headers = response.headers_mut();
    if let Some(token) = reply.answer.body.get("session").and_then(Value::as_str) {
        let cookie = format!("{COOKIE}={token}; HttpOnly; Secure; SameSite=Strict; Path=/");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, v);
        }
    } else if reply.session_ended {
        let cookie = format!("{COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, v);
        }
    }
    if reply.replayed {
        headers.insert("x-ykien-replayed", HeaderValue::from_static("1"));
    }
    response
}

/// `GET /kiosk`: the rating kiosks' page.
async fn kiosk_page() -> Response {
    let mut response = ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], kiosk::PAGE).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    // The page loads nothing from anywhere else, and no other site may frame it.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
        ),
    );
    response
}

/// A kiosk's call, run on a blocking thread once the guard header is seen.
async fn kiosk_answer(headers: &HeaderMap, run: impl FnOnce() -> Result<Value, ErrorReport> + Send + 'static) -> Response {
    if let Some(refusal) = unguarded(headers) {
        return refusal;
    }
    match tokio::task::spawn_blocking(run).await {
        Ok(Ok(value)) => json_answer(200, &value),
        Ok(Err(e)) => refused(e),
        Err(e) => refused(ErrorReport::Io { message: format!("Máy chủ gặp lỗi: {e}") }),
    }
}

/// `GET /api/kiosk/state`.
async fn kiosk_state(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let token = token(&headers);
    kiosk_answer(&headers, move || kiosk::state(&shared, token)).await
}

/// `POST /api/kiosk/rate`.
async fn kiosk_rate(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    let token = token(&headers);
    kiosk_answer(&headers, move || kiosk::rate(&shared, token, &body)).await
}

/// `POST /api/kiosk/pair`.
async fn kiosk_pair(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    kiosk_answer(&headers, move || kiosk::pair(&shared, peer.ip(), &body)).await
}

async fn no_such_call() -> Response {
    refused(ErrorReport::NotFound { entity: "địa chỉ".into(), id: String::new(), message: "Máy chủ không có địa chỉ này.".into() })
}

/// `GET /api/events`: the changes made by every desk, as server-sent events (their data:
/// `events::changed`), for a desk signed in. (A browser's EventSource cannot add headers: the session cookie is enough here,
/// since a page of another site can neither read this stream nor change anything with it.)
async fn follow(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    if is_kiosk(&headers) {
        return refused(kiosk::refused_elsewhere());
    }
    let Some(token) = token(&headers) else {
        return refused(ErrorReport::SignInRequired { message: "Hãy đăng nhập trước khi theo dõi thay đổi.".into() });
    };
    let (worker, checked) = (shared.clone(), token.clone());
    let valid = tokio::task::spawn_blocking(move || worker.session_valid(&checked)).await.unwrap_or(false);
    if !valid {
        return refused(ErrorReport::SignInRequired {
            message: "Phiên làm việc đã kết thúc: hãy đăng nhập lại để theo dõi thay đổi.".into(),
        });
    }
    let receiver = shared.events.subscribe();
    let mine = super::sessions::hash(&token);
    let stream = futures_util::stream::unfold((receiver, mine), |(mut receiver, mine)| async move {
        loop {
            match receiver.recv().await {
                Ok(note) if note.for_session(&mine) => {
                    return Some((Ok::<_, Infallible>(Event::default().event(note.event).data(note.data)), (receiver, mine)))
                }
                Ok(_) => continue,
                // Fallen behind: the next change still comes, and with it a full refresh.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => continue,
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    let mut response = Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)).text("ping")).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desk_name_may_come_percent_encoded() {
        let mut headers = HeaderMap::new();
        headers.insert("x-desk-name", HeaderValue::from_static("M%C3%81Y-TI%E1%BA%BEP-NH%E1%BA%ACN"));
        assert_eq!(text(&headers, "x-desk-name", 64).as_deref(), Some("MÁY-TIẾP-NHẬN"));
        headers.insert("x-desk-name", HeaderValue::from_static("PC-01 100%"));
        assert_eq!(text(&headers, "x-desk-name", 64).as_deref(), Some("PC-01 100%"));
        headers.insert("x-desk-name", HeaderValue::from_static("%0APC"));
        assert_eq!(text(&headers, "x-desk-name", 64).as_deref(), Some("PC"));
    }
}
