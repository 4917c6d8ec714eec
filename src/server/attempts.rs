//! Wrong passwords counted per network address, besides the core's count per account: one PC
//! trying many accounts' passwords is stopped too. In memory only: a restart of the server
//! forgets them, the accounts' own locks stay in the file.

use crate::ErrorReport;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures within [`WINDOW`] that block an address.
pub const LIMIT: usize = 10;
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// How long a blocked address is refused.
pub const BLOCKED_FOR: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct Attempts {
    by_address: Mutex<HashMap<IpAddr, Record>>,
}

#[derive(Default)]
struct Record {
    failures: Vec<Instant>,
    blocked_until: Option<Instant>,
}

impl Attempts {
    /// Refuses an address blocked for its wrong passwords.
    pub fn check(&self, address: IpAddr) -> Result<(), ErrorReport> {
        let now = Instant::now();
        let map = self.by_address.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(&address).and_then(|r| r.blocked_until) {
            Some(until) if until > now => {
                let minutes = (until - now).as_secs().div_ceil(60).max(1);
                Err(ErrorReport::Forbidden {
                    message: format!(
                        "Máy này đã nhập sai mật khẩu quá nhiều lần; hãy thử lại sau {minutes} phút \
                         (hoặc nhờ cán bộ quản trị kiểm tra)."
                    ),
                })
            }
            _ => Ok(()),
        }
    }

    /// Counts a wrong password (or an unknown login) from `address`.
    pub fn failed(&self, address: IpAddr) {
        let now = Instant::now();
        let mut map = self.by_address.lock().unwrap_or_else(|p| p.into_inner());
        // The map holds only addresses that failed lately.
        map.retain(|_, r| r.blocked_until.is_some_and(|u| u > now) || r.failures.iter().any(|t| now - *t < WINDOW));
        let record = map.entry(address).or_default();
        record.failures.retain(|t| now - *t < WINDOW);
        record.failures.push(now);
        if record.failures.len() >= LIMIT {
            record.blocked_until = Some(now + BLOCKED_FOR);
            record.failures.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_blocked_at_the_limit_and_others_are_not() {
        let a = Attempts::default();
        let (one, other): (IpAddr, IpAddr) = ("192.168.1.5".parse().unwrap(), "192.168.1.6".parse().unwrap());
        for _ in 0..LIMIT - 1 {
            a.failed(one);
        }
        assert!(a.check(one).is_ok());
        a.failed(one);
        match a.check(one) {
            Err(ErrorReport::Forbidden { message }) => assert!(message.contains("quá nhiều lần"), "{message}"),
            other => panic!("{other:?}"),
        }
        assert!(a.check(other).is_ok());
    }
}
