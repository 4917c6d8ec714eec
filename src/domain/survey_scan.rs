//! What is read from a scanned survey form: each page's serial and status, each question's
//! answer with how sure the reading is and whether a person must look at it.

use super::survey_entry::AnswerState;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How a scanned page was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PageStatus {
    /// The form found and every answer read without doubt.
    Read,
    /// The form found, but a person must confirm some answers («cần xem lại»).
    NeedsReview,
    /// Its marks or its code could not be found: a person types the serial.
    Unreadable,
}

/// One question's answer as read from the boxes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReadAnswer {
    /// The slot code, as in keyboard entry.
    pub code: String,
    /// `chosen`, `blank` or `spoiled`.
    pub state: AnswerState,
    pub value: Option<i32>,
    /// How sure the reading is, 0–1.
    pub confidence: f32,
    /// A person must confirm it.
    pub review: bool,
}

/// One page of a scanned file, as `ykien survey scan` prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScannedPage {
    /// The file's name.
    pub file: String,
    /// The page in the file, from 1.
    pub page: u32,
    /// The form's serial, from its QR code; `null` when it could not be read.
    pub serial: Option<i32>,
    pub status: PageStatus,
    pub answers: Vec<ReadAnswer>,
}

/// A scanned page waiting for a person in the review queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReviewPage {
    pub id: String,
    pub file: String,
    pub page: u32,
    pub serial: Option<i32>,
    /// The page of the form, from its QR code.
    pub form_page: Option<u32>,
    pub status: PageStatus,
    pub answers: Vec<ReadAnswer>,
    /// Why the page waits, in a sentence.
    pub problem: Option<String>,
}

/// What `ykien survey scan` did with a stack of files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScanReport {
    pub pages: Vec<ScannedPage>,
    /// Files skipped whole, each with the reason.
    pub skipped: Vec<SkippedFile>,
    /// Forms saved (with `--save`).
    pub saved: i32,
    /// Pages left in the review queue (with `--save`).
    pub waiting: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SkippedFile {
    pub file: String,
    pub message: String,
}

/// A person's decision on a form from the review queue: its pages, its serial (typed when
/// the code was not read) and every box answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ScanConfirmInput {
    pub round_id: String,
    pub page_ids: Vec<String>,
    pub serial: String,
    #[serde(default)]
    pub filled_on: String,
    pub answers: Vec<super::survey_entry::Answer>,
}

/// A scanned file handed to the reader: its name (for messages) and its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScanFile {
    pub name: String,
    /// The content in base64: a copier's PDF is tens of megabytes, which as a JSON array of
    /// numbers would be some 3.5 bytes a byte, parsed number by number.
    #[serde(with = "base64_bytes")]
    #[ts(type = "string")]
    pub bytes: Vec<u8>,
}

/// Bytes carried in JSON as one base64 string (standard alphabet, padded). An array of
/// numbers, as callers sent them before, is still read.
pub mod base64_bytes {
    use base64::Engine;
    use serde::de::{Error, SeqAccess, Visitor};
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct Bytes;
        impl<'de> Visitor<'de> for Bytes {
            type Value = Vec<u8>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a file's content in base64")
            }

            fn visit_str<E: Error>(self, v: &str) -> Result<Vec<u8>, E> {
                base64::engine::general_purpose::STANDARD.decode(v).map_err(|_| E::custom("nội dung tệp không phải base64"))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(b) = seq.next_element::<u8>()? {
                    out.push(b);
                }
                Ok(out)
            }
        }
        d.deserialize_any(Bytes)
    }
}

/// The «scan to folder» inbox: the folder the office's copier scans into, and the round its
/// forms are read into. On the machine that owns the database (the app on its own, or
/// `ykien serve`) new files there are read as they arrive and moved out of the folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScanInbox {
    /// The folder; `null` when nothing is watched.
    pub folder: Option<String>,
    /// The round the files are read into; `null`: the round open today (its period covers
    /// today, its forms printed by the app), the one that began last when several are.
    pub round_id: Option<String>,
}

/// One look at the inbox: which files were taken, into which round, and what was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxPass {
    pub round_code: String,
    /// The files read (or skipped), by name, each moved out of the folder.
    pub files: Vec<String>,
    pub report: ScanReport,
}

#[cfg(test)]
mod tests {
    use super::ScanFile;
    use serde_json::json;

    #[test]
    fn a_file_travels_as_base64_and_an_array_of_numbers_is_still_read() {
        let file = ScanFile { name: "chong.pdf".into(), bytes: vec![0x25, 0x50, 0x44, 0x46, 0xFF, 0x00] };
        let sent = serde_json::to_value(&file).unwrap();
        assert_eq!(sent, json!({ "name": "chong.pdf", "bytes": "JVBERv8A" }));
        assert_eq!(serde_json::from_value::<ScanFile>(sent).unwrap(), file);
        let old = json!({ "name": "chong.pdf", "bytes": [0x25, 0x50, 0x44, 0x46, 0xFF, 0] });
        assert_eq!(serde_json::from_value::<ScanFile>(old).unwrap(), file);
        assert!(serde_json::from_value::<ScanFile>(json!({ "name": "x", "bytes": "không phải base64" })).is_err());
    }
}
