//! The TypeScript types of everything the UI receives from or sends to the core, generated
//! from the Rust types (ts-rs) into one committed file, `ui/src/lib/api/bindings.ts`. A test
//! fails when that file is stale; `UPDATE_BINDINGS=1 cargo test bindings` rewrites it.

use ts_rs::{Config, TS};

/// Where the generated file lives, relative to the workspace root.
pub const BINDINGS_PATH: &str = "ui/src/lib/api/bindings.ts";

pub fn typescript() -> String {
    let cfg = Config::default();
    let decls = [
        crate::AppInfo::decl(&cfg),
        crate::CheckReport::decl(&cfg),
        crate::ErrorReport::decl(&cfg),
        crate::OfficeProfile::decl(&cfg),
        crate::Unit::decl(&cfg),
        crate::UnitInput::decl(&cfg),
        crate::Role::decl(&cfg),
        crate::Staff::decl(&cfg),
        crate::StaffInput::decl(&cfg),
        crate::Settings::decl(&cfg),
        crate::AuditEntry::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by ts-rs (src/bindings.rs). Do not edit by hand:\n\
         // run `UPDATE_BINDINGS=1 cargo test bindings` after changing a type.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
