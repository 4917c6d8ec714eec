//! Pairing a desk with the office server: the server's certificate is its identity, and the
//! SHA-256 fingerprint of that certificate is the pairing code a clerk reads off the server
//! (or scans as a QR code) and types on a desk. A desk then accepts that certificate and no
//! other: a server whose certificate changed is refused, never silently trusted.
//!
//! The code is shown in groups of four hex digits (`AB12 CD34 …`, 16 groups); a desk accepts
//! it with or without spaces or colons, in either case.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The port `ykien serve` listens on unless told otherwise (README, docs/server.md).
pub const DEFAULT_PORT: u16 = 7443;

/// What an office server says about itself to anyone (`GET /api/info`), before signing in:
/// enough for a desk's setup screen to show which office it is pairing with.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ServerInfo {
    /// Always "ykien": a desk refuses an address where something else answers.
    pub product: String,
    pub version: String,
    /// The server PC's host name.
    pub host: String,
    /// The office's name from its profile, once set.
    pub office: Option<String>,
    /// Whether its database has accounts (remote desks are refused until it has).
    pub accounts_exist: bool,
    /// The pairing code, grouped for reading ([`Fingerprint::display`]).
    pub fingerprint: String,
    /// The QR code of the pairing link ([`pairing_link`]), an SVG picture.
    pub qr_svg: String,
    pub port: u16,
}

/// A certificate's SHA-256 fingerprint: 32 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint(pub [u8; 32]);

impl Fingerprint {
    /// The fingerprint of a certificate given in DER.
    pub fn of_certificate(der: &[u8]) -> Fingerprint {
        Fingerprint(Sha256::digest(der).into())
    }

    /// A pairing code as typed: 64 hex digits, spaces, colons and dashes ignored.
    pub fn parse(code: &str) -> Result<Fingerprint> {
        let digits: Vec<u8> = code.bytes().filter(|b| !matches!(b, b' ' | b':' | b'-' | b'\t')).collect();
        let invalid = || {
            Error::validation(
                "pin",
                "Mã ghép nối phải gồm 64 chữ số thập lục phân (0–9, A–F), như máy chủ hiển thị; \
                 hãy chép lại từ màn hình «Cài đặt › Máy chủ» trên máy chủ.",
            )
        };
        if digits.len() != 64 {
            return Err(invalid());
        }
        let mut bytes = [0u8; 32];
        for (i, pair) in digits.chunks(2).enumerate() {
            let text = std::str::from_utf8(pair).map_err(|_| invalid())?;
            bytes[i] = u8::from_str_radix(text, 16).map_err(|_| invalid())?;
        }
        Ok(Fingerprint(bytes))
    }

    /// Uppercase hex in groups of four, as shown to a clerk.
    pub fn display(&self) -> String {
        let hex: String = self.0.iter().map(|b| format!("{b:02X}")).collect();
        hex.as_bytes().chunks(4).map(|c| std::str::from_utf8(c).expect("hex is ASCII")).collect::<Vec<_>>().join(" ")
    }

    /// Uppercase hex without separators (for URLs and scripts).
    pub fn compact(&self) -> String {
        self.0.iter().map(|b| format!("{b:02X}")).collect()
    }
}

impl std::fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display())
    }
}

/// What the pairing QR code holds: the server's address and its code, so that a phone or a
/// scanner at a desk reads both at once (`ykien://HOST:PORT?pin=HEX`).
pub fn pairing_link(address: &str, fingerprint: &Fingerprint) -> String {
    let address = address.trim_start_matches("https://").trim_end_matches('/');
    format!("ykien://{address}?pin={}", fingerprint.compact())
}

/// The QR code of `text` as an SVG picture (black modules on white, a quiet zone around).
pub fn qr_svg(text: &str) -> String {
    use qrcode::{types::Color, EcLevel, QrCode};
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::new(text.as_bytes()))
        .expect("a pairing link fits a QR code");
    let width = code.width();
    let quiet = 4;
    let size = width + 2 * quiet;
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + quiet, i / width + quiet);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_read_however_it_was_typed() {
        let f = Fingerprint::of_certificate(b"certificate");
        let shown = f.display();
        assert_eq!(shown.split(' ').count(), 16);
        assert_eq!(Fingerprint::parse(&shown).unwrap(), f);
        assert_eq!(Fingerprint::parse(&shown.to_lowercase().replace(' ', ":")).unwrap(), f);
        assert_eq!(Fingerprint::parse(&f.compact()).unwrap(), f);
    }

    #[test]
    fn a_short_or_foreign_code_is_refused_naming_the_pin() {
        for bad in ["", "AB12", &"G".repeat(64), &"A".repeat(66)] {
            match Fingerprint::parse(bad) {
                Err(Error::Validation { field, .. }) => assert_eq!(field, "pin"),
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn the_qr_code_is_an_svg_holding_the_link() {
        let f = Fingerprint::of_certificate(b"x");
        let link = pairing_link("https://192.168.1.10:7443/", &f);
        assert_eq!(link, format!("ykien://192.168.1.10:7443?pin={}", f.compact()));
        let svg = qr_svg(&link);
        assert!(svg.starts_with("<svg") && svg.contains("<path d=\"M"), "{svg}");
    }
}
