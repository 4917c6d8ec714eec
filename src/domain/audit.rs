//! The audit trail (nhật ký thay đổi): one append-only entry for every change, with who,
//! when, what, and the record before and after as JSON. Auditors read it; nothing edits it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    /// Position in the log, 1, 2, 3, … in the order of the changes.
    pub seq: i32,
    /// UTC time, RFC 3339.
    pub at: String,
    /// Who made the change.
    pub actor: String,
    /// `create`, `update` or `delete`.
    pub action: String,
    /// Which kind of record: `office`, `unit`, `staff`, `settings`.
    pub entity: String,
    pub entity_id: String,
    /// The record before the change, as JSON; absent for `create`.
    pub before: Option<String>,
    /// The record after the change, as JSON; absent for `delete`.
    pub after: Option<String>,
}

/// Which entries of the audit log to show (Nhật ký thay đổi's filters); every part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditFilter {
    /// Part of the name of who made the change (accents and case as written).
    #[serde(default)]
    #[ts(optional)]
    pub actor: Option<String>,
    /// One kind of record (`feedback`, `staff`, …).
    #[serde(default)]
    #[ts(optional)]
    pub entity: Option<String>,
    /// `create`, `update` or `delete`.
    #[serde(default)]
    #[ts(optional)]
    pub action: Option<String>,
    /// First day, `YYYY-MM-DD`, in the office's local time.
    #[serde(default)]
    #[ts(optional)]
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`, included.
    #[serde(default)]
    #[ts(optional)]
    pub to: Option<String>,
    /// At most this many entries, newest first.
    pub limit: u32,
}

/// The hash chain over the audit log. An entry's `content_hash` is the digest of its record
/// before and after; its `hash` covers its own fields, that digest and the hash of the entry
/// before it (the empty string for the first). Both are SHA-256 in lower-case hex over a JSON
/// array, so the encoding is unambiguous (no field can run into the next).
pub mod chain {
    use crate::domain::digest::sha256_json_hex;

    pub fn content_hash(before: Option<&str>, after: Option<&str>) -> String {
        sha256_json_hex(&(before, after))
    }

    /// The fields of one entry that its hash covers.
    pub struct Link<'a> {
        pub seq: i64,
        pub at: &'a str,
        pub actor: &'a str,
        pub action: &'a str,
        pub entity: &'a str,
        pub entity_id: &'a str,
        pub content_hash: &'a str,
    }

    pub fn entry_hash(link: &Link, prev_hash: &str) -> String {
        sha256_json_hex(&(link.seq, link.at, link.actor, link.action, link.entity, link.entity_id, link.content_hash, prev_hash))
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use sha2::{Digest, Sha256};

        #[test]
        fn every_field_and_the_previous_hash_count() {
            let c = content_hash(None, Some("{\"name\":\"Phòng Tư pháp\"}"));
            assert_ne!(c, content_hash(None, Some("{\"name\":\"Phòng Tư phap\"}")));
            assert_ne!(c, content_hash(Some("{\"name\":\"Phòng Tư pháp\"}"), None));
            let link = Link { seq: 1, at: "2026-01-01T00:00:00.000Z", actor: "a", action: "create", entity: "unit", entity_id: "x", content_hash: &c };
            let h = entry_hash(&link, "");
            assert_eq!(h.len(), 64);
            assert_ne!(h, entry_hash(&link, "0"));
            assert_ne!(h, entry_hash(&Link { seq: 2, ..link }, ""));
            // Fields cannot run into each other: ("ab", "c") and ("a", "bc") differ.
            let l1 = Link { seq: 1, at: "t", actor: "ab", action: "c", entity: "e", entity_id: "i", content_hash: "h" };
            let l2 = Link { actor: "a", action: "bc", ..l1 };
            let l1 = Link { seq: 1, at: "t", actor: "ab", action: "c", entity: "e", entity_id: "i", content_hash: "h" };
            assert_ne!(entry_hash(&l1, ""), entry_hash(&l2, ""));
        }

        /// The hashes are those of the JSON arrays the chain has always hashed (a
        /// `serde_json::Value` written out, hex by `format!`): entries written before stay
        /// verifiable. Over text with what JSON escapes (quotes, backslashes, control
        /// characters), characters past the BMP, and empty and missing records.
        #[test]
        fn the_hashes_are_those_of_the_chains_json_arrays() {
            fn reference(value: serde_json::Value) -> String {
                Sha256::digest(value.to_string().as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
            }
            let texts = [
                "",
                "{\"name\":\"Phòng Tư pháp\",\"note\":\"a \\\"quoted\\\" \\\\ path\"}",
                "tab\tnew line\ncarriage\rnul\u{0}bell\u{7}del\u{7f}",
                "𝓥𝓲ệ𝓽 😀 \u{2028}\u{2029} </script>",
            ];
            for before in [None, Some(texts[1]), Some(texts[2])] {
                for after in texts.iter().map(|t| Some(*t)).chain([None]) {
                    assert_eq!(content_hash(before, after), reference(serde_json::json!([before, after])), "{before:?} {after:?}");
                }
            }
            for (seq, text) in [(1, texts[0]), (i64::MAX, texts[2]), (-7, texts[3])] {
                let link = Link { seq, at: "2026-12-07T09:00:00.000Z", actor: text, action: "create", entity: "feedback", entity_id: text, content_hash: "ab" };
                assert_eq!(
                    entry_hash(&link, text),
                    reference(serde_json::json!([seq, link.at, text, "create", "feedback", text, "ab", text])),
                );
            }
        }
    }
}
