//! The committed TypeScript bindings must match the Rust types.

use std::path::Path;

#[test]
fn bindings_are_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(ykien::bindings::BINDINGS_PATH);
    let fresh = ykien::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: run `UPDATE_BINDINGS=1 cargo test bindings` and commit the result",
        path.display()
    );
}

/// The UI's transport is typed by the `Commands` map: every command of the table is in it,
/// with its request type, and nothing else is.
#[test]
fn the_command_map_lists_every_command_of_the_table() {
    let ts = ykien::bindings::typescript();
    let start = ts.find("export type Commands = {\n").expect("a Commands map");
    let map = &ts[start..ts[start..].find("\n}").map(|end| start + end).expect("closed")];
    // The first line is the map's own opening, `export type Commands = {`; one entry a line after it.
    let entries: Vec<&str> = map.lines().skip(1).collect();
    assert_eq!(entries.len(), ykien::commands::TABLE.len(), "{map}");
    for (line, c) in entries.iter().zip(ykien::commands::TABLE) {
        let args = line.split("args: ").nth(1).and_then(|rest| rest.split(';').next()).unwrap_or_default();
        assert!(line.starts_with(&format!("  {}: {{ args: ", c.name)), "{line}");
        assert!(ts.contains(&format!("export type {args} = ")), "{} has no request type {args}", c.name);
    }
}
