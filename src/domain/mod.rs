//! Pure types and rules of the office's records. No SQL here: `store` persists these.

pub mod audit;
pub mod office;
pub mod settings;
pub mod staff;
pub mod text;
pub mod unit;
