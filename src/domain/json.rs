//! JSON whose key order is fixed by name rather than by how it was built. serde_json keeps
//! the order of insertion (its `preserve_order`), so that a result prints in its struct's
//! field order; the audit log's stored records and the command line's own small objects keep
//! the alphabetical order they have always had.

use serde_json::Value;

/// `value` with the keys of every object in it in alphabetical order.
pub fn keys_sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().map(|(k, v)| (k, keys_sorted(v))).collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(keys_sorted).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_object_at_every_depth_comes_out_in_alphabetical_order() {
        let value = serde_json::json!({ "z": 1, "a": [{ "y": 2, "b": 3 }], "m": { "k": 4, "c": 5 } });
        assert_eq!(super::keys_sorted(value).to_string(), r#"{"a":[{"b":3,"y":2}],"m":{"c":5,"k":4},"z":1}"#);
    }
}
