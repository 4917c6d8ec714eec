//! JSON whose key order is fixed by name rather than by how it was built. serde_json keeps
//! the order of insertion (its `preserve_order`), so that a result prints in its struct's
//! field order; the audit log's stored records and the command line's own small objects keep
//! the alphabetical order they have always had.

use serde_json::Value;

/// A value written with the keys of every object in it in alphabetical order, without a
/// sorted copy of it built first.
pub struct Sorted<'a>(pub &'a Value);

impl serde::Serialize for Sorted<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.0 {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                let mut m = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    m.serialize_entry(k, &Sorted(v))?;
                }
                m.end()
            }
            Value::Array(items) => {
                let mut q = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    q.serialize_element(&Sorted(v))?;
                }
                q.end()
            }
            other => other.serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    /// `value` rebuilt with the keys of every object in alphabetical order: what `Sorted`
    /// writes, the long way.
    fn keys_sorted(value: Value) -> Value {
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

    #[test]
    fn every_object_at_every_depth_comes_out_in_alphabetical_order() {
        let value = serde_json::json!({ "z": 1, "a": [{ "y": 2, "b": 3 }], "m": { "k": 4, "c": 5 } });
        assert_eq!(keys_sorted(value.clone()).to_string(), r#"{"a":[{"b":3,"y":2}],"m":{"c":5,"k":4},"z":1}"#);
        assert_eq!(serde_json::to_string(&super::Sorted(&value)).unwrap(), keys_sorted(value).to_string());
        // Written sorted, the same text as the sorted copy: keys past ASCII, capitals and
        // digits, objects in arrays in objects, escaped strings, numbers of every kind.
        let value = serde_json::json!({
            "đơn_vị": { "Z": null, "a": [1, -2, 3.5, { "ý": "\"kiến\"\n", "B": true, "10": [], "9": {} }] },
            "input": { "received_at": "2026-12-07T08:30", "customer_name": "Nguyễn Văn An", "content": "a\\b\u{1}" },
            "Ä": u64::MAX, "": "",
        });
        assert_eq!(serde_json::to_string(&super::Sorted(&value)).unwrap(), keys_sorted(value).to_string());
    }
}
