//! Reading returned survey forms from their scans: the pages of a scanned file decoded
//! (`decode`), the form found on each (`locate`: corner marks, the mapping from the layout's
//! millimetres to pixels, the QR code), its boxes measured and each question decided
//! (`read`). Pure computation over bytes and the stored layout: what is kept, and how a form is
//! saved, is the ledger's (`ledger/scan.rs`) and the store's (`store/scan.rs`).

pub mod decode;
pub mod grey;
pub mod locate;
