// Generated from the Rust types by ts-rs (src/bindings.rs). Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test bindings` after changing a type.

export type AppInfo = { version: string, db_path: string, 
/**
 * Set when the database could not be opened; the window then shows only this.
 */
open_error: ErrorReport | null, 
/**
 * False until the office setup screen has been completed.
 */
office_configured: boolean, };

export type CheckReport = { ok: boolean, schema_version: number, problems: Array<string>, };

export type ErrorReport = { "kind": "validation", field: string, message: string, } | { "kind": "not_found", entity: string, id: string, message: string, } | { "kind": "conflict", message: string, } | { "kind": "newer_schema", found: number, supported: number, message: string, } | { "kind": "network_drive", path: string, message: string, } | { "kind": "not_a_database", path: string, message: string, } | { "kind": "corrupt", message: string, } | { "kind": "storage", message: string, } | { "kind": "io", message: string, };

export type OfficeProfile = { 
/**
 * Tên cơ quan, e.g. "Sở Công Thương tỉnh Đắk Lắk".
 */
name: string, 
/**
 * Cơ quan chủ quản (the agency above it), printed above the office's name.
 */
parent_agency: string, 
/**
 * Địa danh for the date line: "Đắk Lắk, ngày 05 tháng 01 năm 2026".
 */
place_name: string, address: string, phone: string, email: string, 
/**
 * Mã hiệu of the feedback book form (seed 004: BM.QT.SCT.05-01).
 */
ledger_form_code: string, 
/**
 * Mã hiệu of the survey form (seed 004: BM.QT.SCT.05-02).
 */
survey_form_code: string, };

export type Unit = { 
/**
 * Permanent UUIDv7 id.
 */
id: string, 
/**
 * Tên đơn vị, e.g. "Phòng Quản lý thương mại".
 */
name: string, 
/**
 * Optional short code (ký hiệu), e.g. "QLTM".
 */
code: string, };

export type UnitInput = { id?: string, name: string, code: string, };

export type Role = "reception" | "unit_head" | "quality_officer" | "leadership" | "administrator";

export type Staff = { id: string, 
/**
 * Họ và tên.
 */
full_name: string, 
/**
 * Chức danh, e.g. "Chuyên viên", "Trưởng phòng".
 */
title: string, unit_id: string | null, 
/**
 * The unit's name, joined for display.
 */
unit_name: string | null, role: Role, phone: string, email: string, };

export type StaffInput = { id?: string, full_name: string, title: string, unit_id: string | null, role: Role, phone: string, email: string, };

export type Settings = { 
/**
 * Days to reply to a complaint, counted from receipt (seed 001: 30 days).
 */
reply_deadline_days: number, 
/**
 * Years the feedback book is kept (seed 004: 3 years).
 */
ledger_retention_years: number, 
/**
 * Years returned survey forms are kept (seed 002: 2 years, seed 004: 3 years).
 */
survey_retention_years: number, };

export type AuditEntry = { 
/**
 * Position in the log, 1, 2, 3, … in the order of the changes.
 */
seq: number, 
/**
 * UTC time, RFC 3339.
 */
at: string, 
/**
 * Who made the change.
 */
actor: string, 
/**
 * `create`, `update` or `delete`.
 */
action: string, 
/**
 * Which kind of record: `office`, `unit`, `staff`, `settings`.
 */
entity: string, entity_id: string, 
/**
 * The record before the change, as JSON; absent for `create`.
 */
before: string | null, 
/**
 * The record after the change, as JSON; absent for `delete`.
 */
after: string | null, };
