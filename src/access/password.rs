//! Password hashes: argon2id with a fresh random salt, stored as a PHC string (which carries
//! its own parameters, so a later build can raise them and old hashes still verify).

use crate::error::{Error, Result};
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

/// The PHC string of `password` (already normalised by `domain::account`).
pub fn hash(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    // Argon2::default() is argon2id v19 with the OWASP-recommended m=19 MiB, t=2, p=1.
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Conflict(format!("Không tạo được mã băm mật khẩu: {e}")))
}

/// Whether `password` matches the stored PHC string. A damaged hash never matches.
pub fn verify(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(h) => Argon2::default().verify_password(password.as_bytes(), &h).is_ok(),
        Err(_) => false,
    }
}

/// `N` random bytes from the operating system, for secrets that are not passwords (a rating
/// kiosk's pairing code and device token).
pub fn random_bytes<const N: usize>() -> [u8; N] {
    use argon2::password_hash::rand_core::RngCore;
    let mut bytes = [0u8; N];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argon2id_hashes_verify_and_are_salted() {
        let a = hash("mật khẩu đủ dài").unwrap();
        let b = hash("mật khẩu đủ dài").unwrap();
        assert!(a.starts_with("$argon2id$v=19$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("mật khẩu đủ dài", &a));
        assert!(!verify("mật khẩu đủ dài ", &a));
        assert!(!verify("mật khẩu đủ dài", "not a hash"));
    }
}

