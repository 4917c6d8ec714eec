//! Live changes: after each write a desk made, every desk following `/api/events` is told
//! (`event: changed`), so that the book, the queue and the overdue badge of every desk follow
//! within a moment, without reloading. What is sent names the command and the case, never
//! its content: a desk reads the case through its own session, as its role allows.

use serde_json::{json, Value};
use tokio::sync::broadcast;

/// How many changes a slow desk may fall behind before it misses some (it then reloads the
/// lists anyway on the next change it does get).
const BACKLOG: usize = 256;

/// Commands that write only the session, not the office's records: nothing to tell.
const SESSION_ONLY: &[&str] = &["sign_in", "sign_out", "lock_screen", "unlock_screen", "password_change"];

pub struct Events {
    sender: broadcast::Sender<String>,
}

impl Default for Events {
    fn default() -> Self {
        Events { sender: broadcast::channel(BACKLOG).0 }
    }
}

/// The `changed` event's data after `command` answered `result`, made by `by`.
pub fn changed(command: &str, result: &Value, by: &str) -> Value {
    let case = match result {
        Value::Object(o) if o.contains_key("receipt_no") && o.contains_key("status") => json!({
            "id": o.get("id"),
            "receipt_no": o.get("receipt_no"),
            "status": o.get("status"),
            "unit_id": o.get("unit_id"),
        }),
        _ => Value::Null,
    };
    json!({ "command": command, "case": case, "by": by })
}

impl Events {
    /// Tells every follower that `command` changed the records (nothing for the session's own
    /// commands).
    pub fn publish(&self, command: &str, result: &Value, by: &str) {
        if SESSION_ONLY.contains(&command) {
            return;
        }
        // No follower is not an error: nobody is watching.
        let _ = self.sender.send(changed(command, result, by).to_string());
    }

    pub fn subscribe(&self) -> broadcast::Receiver<String> {
        self.sender.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_case_is_named_by_its_id_number_status_and_unit_only() {
        let case = json!({"id": "c1", "receipt_no": "2026/000012", "status": "received", "unit_id": null, "customer_name": "Nguyễn Văn An"});
        let data = changed("feedback_add", &case, "tiepnhan (Lê Thị Hoa) @ PC-01 (192.168.1.5)");
        assert_eq!(data["case"]["receipt_no"], "2026/000012");
        assert!(data["case"].get("customer_name").is_none());
        assert_eq!(changed("unit_save", &json!({"id": "u1"}), "x")["case"], Value::Null);
    }
}
