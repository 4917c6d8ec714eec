//! The bundle file (format 1, docs/bundles.md): a first line naming the format, a head line
//! in JSON, the body, and the Ed25519 signature of every byte before it.
//!
//! ```text
//! YKIEN-BUNDLE 1\n
//! {"format":1,"office":"…","publicKey":"…",…,"body":12345}\n
//! <body: `body` bytes>
//! \nSIGNATURE <base64 of the 64-byte signature>\n
//! ```
//!
//! The signature covers the first line, the head and the body exactly as they are in the
//! file, so that one byte changed anywhere (the signature itself included) is refused; a
//! file with anything after its signature line is refused too.

use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The format this build writes, and the newest it reads.
pub const FORMAT: u32 = 1;
const FIRST_LINE: &str = "YKIEN-BUNDLE ";
const SIGNATURE: &[u8] = b"\nSIGNATURE ";

/// What a bundle says of itself before it is opened: readable without the passphrase, so
/// that the receiving office sees who sent it and for which period; signed with the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Head {
    pub format: u32,
    /// The sending office's name, from its profile.
    pub office: String,
    /// The Ed25519 public key that signed the file (32 bytes, base64).
    pub public_key: String,
    /// The period, YYYY-MM-DD, both days included.
    pub from: String,
    pub to: String,
    /// When the bundle was made (UTC, RFC 3339): of two bundles of one office and period,
    /// the later one is the newer version.
    pub made_at: String,
    /// The schema version of the database that made it.
    pub schema: i64,
    /// The body is sealed with the sending office's encryption passphrase.
    pub encrypted: bool,
    /// The records behind the figures came with them.
    pub with_records: bool,
    /// The body's length in bytes.
    pub body: u64,
}

/// Why a file is not a bundle to import: each refusal its own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotABundle,
    NewerFormat(String),
    Unsigned,
    Altered,
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::NotABundle => "Tệp này không phải gói số liệu của Ý Kiến (tệp .ykb).".into(),
            Refusal::NewerFormat(v) => format!(
                "Gói số liệu được lập theo định dạng {v}, mới hơn định dạng phiên bản Ý Kiến này đọc được ({FORMAT}); hãy cập nhật Ý Kiến rồi nhập lại."
            ),
            Refusal::Unsigned => "Gói số liệu không có chữ ký số của đơn vị gửi nên không được nhập.".into(),
            Refusal::Altered => {
                "Gói số liệu đã bị thay đổi sau khi ký (chữ ký số không khớp với nội dung) nên không được nhập; hãy đề nghị đơn vị gửi lại tệp gốc.".into()
            }
        }
    }
}

/// A bundle read and its signature verified.
pub struct Verified<'a> {
    pub head: Head,
    pub body: &'a [u8],
    pub public_key: [u8; 32],
    /// SHA-256 of the whole file, uppercase hex.
    pub digest: String,
}

/// The file of `head` and `body`, signed with `key`; the head's key and body length are set
/// from them.
pub fn write(mut head: Head, body: &[u8], key: &SigningKey) -> Vec<u8> {
    head.public_key = base64::engine::general_purpose::STANDARD.encode(key.verifying_key().as_bytes());
    head.body = body.len() as u64;
    let mut out = format!("{FIRST_LINE}{}\n", head.format).into_bytes();
    out.extend(serde_json::to_vec(&head).expect("a head is plain JSON"));
    out.push(b'\n');
    out.extend_from_slice(body);
    let signature = key.sign(&out);
    out.extend_from_slice(SIGNATURE);
    out.extend(base64::engine::general_purpose::STANDARD.encode(signature.to_bytes()).into_bytes());
    out.push(b'\n');
    out
}

/// Reads `file` and verifies its signature with the key it names (whether that key is one
/// this office trusts is for the caller to decide).
pub fn read(file: &[u8]) -> Result<Verified<'_>, Refusal> {
    let rest = file.strip_prefix(FIRST_LINE.as_bytes()).ok_or(Refusal::NotABundle)?;
    let eol = rest.iter().position(|b| *b == b'\n').ok_or(Refusal::NotABundle)?;
    let version = std::str::from_utf8(&rest[..eol]).map_err(|_| Refusal::NotABundle)?;
    match version.parse::<u32>() {
        Ok(v) if v > FORMAT => return Err(Refusal::NewerFormat(version.to_owned())),
        Ok(v) if v == FORMAT => {}
        _ => return Err(Refusal::Altered),
    }
    let head_start = FIRST_LINE.len() + eol + 1;
    let head_len = file[head_start..].iter().position(|b| *b == b'\n').ok_or(Refusal::Altered)?;
    let body_start = head_start + head_len + 1;
    let head: Head = serde_json::from_slice(&file[head_start..head_start + head_len]).map_err(|_| Refusal::Altered)?;
    let body_end = usize::try_from(head.body)
        .ok()
        .and_then(|n| body_start.checked_add(n))
        .filter(|end| *end <= file.len())
        .ok_or(Refusal::Altered)?;
    let trailer = &file[body_end..];
    if trailer.is_empty() {
        return Err(Refusal::Unsigned);
    }
    let encoded = trailer.strip_prefix(SIGNATURE).and_then(|t| t.strip_suffix(b"\n")).ok_or(Refusal::Altered)?;
    let signature: [u8; 64] = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()
        .and_then(|s| s.try_into().ok())
        .ok_or(Refusal::Altered)?;
    let public_key: [u8; 32] = base64::engine::general_purpose::STANDARD
        .decode(&head.public_key)
        .ok()
        .and_then(|k| k.try_into().ok())
        .ok_or(Refusal::Altered)?;
    let verifying = VerifyingKey::from_bytes(&public_key).map_err(|_| Refusal::Altered)?;
    // Strict verification also refuses the rare signatures that ed25519 admits in two forms.
    verifying.verify_strict(&file[..body_end], &Signature::from_bytes(&signature)).map_err(|_| Refusal::Altered)?;
    Ok(Verified { head, body: &file[body_start..body_end], public_key, digest: hex(&Sha256::digest(file)) })
}

/// The fingerprint of a public key: SHA-256, uppercase hex without separators (as stored).
pub fn fingerprint(public_key: &[u8; 32]) -> String {
    hex(&Sha256::digest(public_key))
}

/// A fingerprint in groups of four, as shown to a clerk who reads it out or copies it.
pub fn grouped(fingerprint: &str) -> String {
    fingerprint.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join(" ")
}

/// A fingerprint as typed: 64 hex digits, spaces, colons and dashes ignored, any case.
pub fn parse_fingerprint(text: &str) -> crate::Result<String> {
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | ':' | '-' | '\t')).collect::<String>().to_uppercase();
    if digits.len() != 64 || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(crate::Error::validation(
            "key",
            "Mã khoá phải gồm 64 chữ số thập lục phân (0–9, A–F), như đơn vị gửi thấy trong «Cài đặt › Gói số liệu» hoặc lệnh «ykien bundle key».",
        ));
    }
    Ok(digits)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head() -> Head {
        Head {
            format: FORMAT,
            office: "UBND xã Hoà Phú".into(),
            public_key: String::new(),
            from: "2026-01-01".into(),
            to: "2026-12-31".into(),
            made_at: "2027-01-05T02:00:00.000Z".into(),
            schema: 13,
            encrypted: false,
            with_records: false,
            body: 0,
        }
    }

    #[test]
    fn every_byte_of_a_bundle_is_covered_by_its_signature() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let file = write(head(), b"{\"figures\":[1,2,3]}", &key);
        let ok = read(&file).expect("a bundle just written reads");
        assert_eq!(ok.body, b"{\"figures\":[1,2,3]}");
        assert_eq!(ok.head.office, "UBND xã Hoà Phú");
        for i in 0..file.len() {
            let mut altered = file.clone();
            altered[i] ^= 0x01;
            assert!(read(&altered).is_err(), "byte {i} ({:?}) changed and still read", file[i] as char);
        }
        let unsigned = &file[..file.len() - 89 - SIGNATURE.len()];
        assert_eq!(read(unsigned).err(), Some(Refusal::Unsigned));
        let mut longer = file.clone();
        longer.push(b'x');
        assert_eq!(read(&longer).err(), Some(Refusal::Altered));
        let newer = String::from_utf8_lossy(&file).replacen("YKIEN-BUNDLE 1", "YKIEN-BUNDLE 2", 1).into_bytes();
        assert_eq!(read(&newer).err(), Some(Refusal::NewerFormat("2".into())));
    }

    #[test]
    fn a_fingerprint_is_typed_in_any_grouping_and_case() {
        let f = fingerprint(&[1; 32]);
        assert_eq!(f.len(), 64);
        assert_eq!(parse_fingerprint(&grouped(&f).to_lowercase()).unwrap(), f);
        assert!(parse_fingerprint("ABCD").is_err());
    }
}
