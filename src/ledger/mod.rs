//! The facade: everything a user can do, as methods of [`crate::Ledger`], one file per area.

mod reports;
mod surveys;
