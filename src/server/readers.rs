//! Connections of their own for the desks' reads, so that a search or a page of the book
//! waits neither for another desk's save nor for another desk's search on the one writer.
//! SQLite's write-ahead journal lets readers go on while one connection writes, and each read
//! runs on one snapshot (`Ledger::reading`). Writes stay on the one writer: receipt numbers,
//! the audit chain and request ids rely on one writer at a time.

use crate::Ledger;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// How many reads run at once: a few more than an office server's cores, since a read also
/// waits on the disk; each connection keeps its own page cache (a few MB).
pub const READERS: usize = 4;

/// The readers' connections; empty when the ledger cannot open another (in memory), and
/// then reads go to the writer as everything else does.
pub struct Readers {
    pool: Vec<Mutex<Ledger>>,
    next: AtomicUsize,
}

impl Readers {
    /// Opens `count` connections to the writer's file, acting as nobody until a call lends
    /// them a desk's session. A connection that does not open is left out: reads then share
    /// the others (or the writer), slower but the same.
    pub fn open(writer: &Ledger, count: usize) -> Readers {
        let pool = (0..count)
            .filter_map(|_| writer.open_another().ok())
            .map(|mut reader| {
                reader.take_session();
                reader.set_desk(None);
                Mutex::new(reader)
            })
            .collect();
        Readers { pool, next: AtomicUsize::new(0) }
    }

    /// A free reader, or (when every one is busy) the next in turn once it is free; `None`
    /// without readers.
    pub fn lease(&self) -> Option<MutexGuard<'_, Ledger>> {
        let n = self.pool.len();
        if n == 0 {
            return None;
        }
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        for i in 0..n {
            if let Ok(free) = self.pool[(start + i) % n].try_lock() {
                return Some(free);
            }
        }
        Some(self.pool[start % n].lock().unwrap_or_else(|p| p.into_inner()))
    }
}
