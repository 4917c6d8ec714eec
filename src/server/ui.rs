//! The web UI, served to browsers: a PC without the app (or a Linux PC) is a desk in Chrome,
//! Edge or Firefox. The same build as the app window's (`ui/dist`), built into the binary;
//! any path that is not a file of it gets `index.html` (the UI routes itself). A binary built
//! before the UI was serves a plain page saying so.

use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

#[derive(rust_embed::RustEmbed)]
#[folder = "ui/dist"]
#[allow_missing = true]
struct Assets;

/// The page served when the binary holds no UI.
const NO_UI: &str = "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Ý Kiến — máy chủ</title>\
<body style=\"font-family: sans-serif; max-width: 40em; margin: 3em auto\"><h1>Máy chủ Ý Kiến đang chạy</h1>\
<p>Bản máy chủ này được dựng khi chưa có giao diện web, nên không mở được Ý Kiến trong trình duyệt. \
Hãy dùng ứng dụng Ý Kiến trên máy trạm (Cài đặt › Máy chủ), hoặc cài bản đầy đủ của máy chủ.</p></body></html>";

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A file of the UI, or `index.html`.
pub async fn serve(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let (path, file) = match Assets::get(path).filter(|_| !path.is_empty()) {
        Some(file) => (path, file),
        None => match Assets::get("index.html") {
            Some(file) => ("index.html", file),
            None => {
                return (StatusCode::OK, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], NO_UI).into_response();
            }
        },
    };
    // Vite names its built files by their content: they never change under the same name.
    let cache = if path.starts_with("assets/") { "public, max-age=31536000, immutable" } else { "no-cache" };
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, content_type(path)), (header::CACHE_CONTROL, cache)],
        file.data.into_owned(),
    )
        .into_response()
}
