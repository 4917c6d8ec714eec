//! SHA-256 digests in lower-case hex, as the records hold them: the audit chain, the digest
//! of an imported line, the hash of a file read or archived, a session's or a kiosk's token.

use sha2::{Digest, Sha256};

/// `bytes` in lower-case hex, two digits a byte.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// The SHA-256 of `bytes`, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The SHA-256 of `fields` written as compact JSON (a tuple is an array), in lower-case hex:
/// the bytes a `serde_json::Value` of the same fields writes, without copying the fields
/// into one first (the audit chain hashes two such arrays for every entry it appends).
pub fn sha256_json_hex(fields: &impl serde::Serialize) -> String {
    sha256_hex(&serde_json::to_vec(fields).expect("strings and numbers serialise to JSON"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_two_lower_case_digits_a_byte_and_the_digest_is_sha256() {
        let every: Vec<u8> = (0..=255).collect();
        assert_eq!(hex(&every), every.iter().map(|b| format!("{b:02x}")).collect::<String>());
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(sha256_json_hex(&("a\"b", 1, None::<&str>)), sha256_hex(serde_json::json!(["a\"b", 1, null]).to_string().as_bytes()));
    }
}
