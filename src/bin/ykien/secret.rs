//! Passwords and passphrases on the command line: from an environment variable (scripts) or
//! typed at a prompt that does not echo. Never options, which would leave them in the
//! shell's history.

use ykien::{Error, Result};

/// The value of `var`, when it is set and not empty.
pub fn env(var: &str) -> Option<String> {
    std::env::var(var).ok().filter(|v| !v.is_empty())
}

/// A secret typed at the terminal without echo; when there is no terminal to read from,
/// the refusal names `var`, which scripts set instead.
pub fn prompt(text: &str, var: &str) -> Result<String> {
    rpassword::prompt_password(text).map_err(|e| {
        Error::validation(
            "password",
            format!("Không đọc được mật khẩu từ bàn phím ({e}); trong tập lệnh hãy đặt biến môi trường {var}."),
        )
    })
}

/// A new secret: `var`, else typed twice; `differ` refuses two that are not the same.
pub fn new_twice(var: &str, first: &str, again: &str, field: &str, differ: &str) -> Result<String> {
    if let Some(v) = env(var) {
        return Ok(v);
    }
    let one = prompt(first, var)?;
    if one != prompt(again, var)? {
        return Err(Error::validation(field, differ));
    }
    Ok(one)
}
