//! Dates as offices write them.

/// "02/03/2026 09:30" from a stored local time "2026-03-02T09:30", "02/03/2026" from a date
/// "2026-03-02"; any other text as it is.
pub fn dmy(iso: &str) -> String {
    let date = iso.get(..10).unwrap_or(iso);
    let parts: Vec<&str> = date.split('-').collect();
    let d = if parts.len() == 3 { format!("{}/{}/{}", parts[2], parts[1], parts[0]) } else { date.to_owned() };
    match iso.get(11..16) {
        Some(t) => format!("{d} {t}"),
        None => d,
    }
}

/// The day alone: "02/03/2026" from "2026-03-02T09:30" as from "2026-03-02".
pub fn day(iso: &str) -> String {
    dmy(iso.get(..10).unwrap_or(iso))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_as_offices_write_them() {
        assert_eq!(dmy("2026-03-02T09:30"), "02/03/2026 09:30");
        assert_eq!(dmy("2026-03-02"), "02/03/2026");
        assert_eq!(day("2026-03-02T09:30"), "02/03/2026");
        assert_eq!(day("2026-03-02"), "02/03/2026");
        assert_eq!(day(""), "");
    }
}
