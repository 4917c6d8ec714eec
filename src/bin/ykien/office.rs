//! `ykien office`, `units`, `staff`, `settings`, `holidays`: what an office sets up before
//! its first case, so that a script can make a database ready to print forms from. Without a
//! subcommand each shows what is there, as it always has; `set`, `add` and `remove` change it
//! (the administrator's, or for settings and holidays the quality officer's, on a database
//! that has accounts). See docs/cli-office.md.

use crate::desk::Desk;
use crate::print_json;
use clap::{Args, Subcommand};
use serde_json::json;
use ykien::domain::text::fold;
use ykien::{Error, Holiday, OfficeProfile, Result, Role, Settings, Staff, StaffInput, Unit, UnitInput};

#[derive(Subcommand)]
pub enum OfficeCommand {
    /// Show the office profile (as `ykien office`).
    Show,
    /// Set the fields given; the others keep their value (the form codes of the procedure by
    /// default on a new database).
    Set(OfficeFields),
}

#[derive(Args)]
pub struct OfficeFields {
    /// Tên cơ quan, e.g. "Sở Công Thương tỉnh Đắk Lắk".
    #[arg(long)]
    name: Option<String>,
    /// Cơ quan chủ quản, printed above the office's name.
    #[arg(long)]
    parent_agency: Option<String>,
    /// Địa danh of the date line ("Đắk Lắk, ngày …").
    #[arg(long)]
    place_name: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    /// Mã hiệu of the feedback book form.
    #[arg(long)]
    ledger_form_code: Option<String>,
    /// Mã hiệu of the survey form.
    #[arg(long)]
    survey_form_code: Option<String>,
}

#[derive(Subcommand)]
pub enum UnitCommand {
    /// List the units (as `ykien units`).
    List,
    /// Add a unit.
    Add {
        /// Tên đơn vị, e.g. "Phòng Quản lý thương mại".
        name: String,
        /// Ký hiệu, e.g. QLTM.
        #[arg(long, default_value = "")]
        code: String,
    },
    /// Remove a unit, named by its name or code (refused while staff belong to it).
    Remove { unit: String },
}

const ROLES: [&str; 5] = ["reception", "unit_head", "quality_officer", "leadership", "administrator"];

#[derive(Subcommand)]
pub enum StaffCommand {
    /// List the staff (as `ykien staff`).
    List {
        /// Search name and title, ignoring accents and case.
        #[arg(long)]
        search: Option<String>,
    },
    /// Add a staff member.
    Add {
        /// Full name.
        name: String,
        /// What they do in the procedure.
        #[arg(long, value_parser = ROLES)]
        role: String,
        /// Chức vụ.
        #[arg(long, default_value = "")]
        title: String,
        /// Their unit, by name or code.
        #[arg(long)]
        unit: Option<String>,
        #[arg(long, default_value = "")]
        phone: String,
        #[arg(long, default_value = "")]
        email: String,
    },
    /// Remove a staff member, named by their full name (accents and case ignored).
    Remove { name: String },
}

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Show the settings (as `ykien settings`).
    Show,
    /// Set one setting, e.g. `reply_deadline_days 15` or `count_working_days true`.
    Set { key: String, value: String },
}

#[derive(Subcommand)]
pub enum HolidayCommand {
    /// List the holidays (as `ykien holidays`).
    List,
    /// Add a holiday, which working-day deadlines skip.
    Add {
        /// The day (YYYY-MM-DD or dd/mm/yyyy).
        day: String,
        name: String,
    },
    /// Remove the holiday of that day.
    Remove { day: String },
}

pub fn office(desk: &mut Desk, cmd: Option<OfficeCommand>, json: bool) -> Result<()> {
    let office: Option<OfficeProfile> = match cmd {
        None | Some(OfficeCommand::Show) => desk.call_as("office_get", json!({}))?,
        Some(OfficeCommand::Set(f)) => {
            let mut o = desk.call_as::<Option<OfficeProfile>>("office_get", json!({}))?.unwrap_or_else(OfficeProfile::blank);
            let fields = [
                (f.name, &mut o.name),
                (f.parent_agency, &mut o.parent_agency),
                (f.place_name, &mut o.place_name),
                (f.address, &mut o.address),
                (f.phone, &mut o.phone),
                (f.email, &mut o.email),
                (f.ledger_form_code, &mut o.ledger_form_code),
                (f.survey_form_code, &mut o.survey_form_code),
            ];
            for (given, field) in fields {
                if let Some(v) = given {
                    *field = v;
                }
            }
            Some(desk.call_as("office_save", json!({ "profile": o }))?)
        }
    };
    if json {
        print_json(&office);
    } else if let Some(o) = office {
        println!("{}\n{}\n{}, {}\n{} · {}", o.parent_agency, o.name, o.address, o.place_name, o.phone, o.email);
    } else {
        println!("Chưa nhập thông tin cơ quan.");
    }
    Ok(())
}

pub fn units(desk: &mut Desk, cmd: Option<UnitCommand>, json: bool) -> Result<()> {
    match cmd {
        None | Some(UnitCommand::List) => {
            let units: Vec<Unit> = desk.call_as("units_list", json!({}))?;
            if json {
                print_json(&units);
            } else {
                for u in &units {
                    println!("{}", unit_line(u));
                }
            }
        }
        Some(UnitCommand::Add { name, code }) => {
            let unit: Unit = desk.call_as("unit_save", json!({ "unit": UnitInput { id: None, name, code } }))?;
            show(json, &unit, || format!("Đã thêm đơn vị: {}", unit_line(&unit)));
        }
        Some(UnitCommand::Remove { unit }) => {
            let unit = unit_named(desk, &unit)?;
            desk.call("unit_delete", json!({ "id": unit.id }))?;
            show(json, &unit, || format!("Đã xoá đơn vị: {}", unit_line(&unit)));
        }
    }
    Ok(())
}

fn unit_line(u: &Unit) -> String {
    format!("{:<8} {}", u.code, u.name)
}

pub fn staff(desk: &mut Desk, search: Option<String>, cmd: Option<StaffCommand>, json: bool) -> Result<()> {
    match cmd {
        None | Some(StaffCommand::List { .. }) => {
            let search = match cmd {
                Some(StaffCommand::List { search }) => search,
                _ => search,
            };
            let staff: Vec<Staff> = desk.call_as("staff_list", json!({ "query": search }))?;
            if json {
                print_json(&staff);
            } else {
                for s in &staff {
                    println!("{}", staff_line(s));
                }
            }
        }
        Some(StaffCommand::Add { name, role, title, unit, phone, email }) => {
            let unit_id = unit.map(|u| unit_named(desk, &u)).transpose()?.map(|u| u.id);
            let role: Role = serde_json::from_value(serde_json::Value::String(role)).expect("clap checks the role");
            let input = StaffInput { id: None, full_name: name, title, unit_id, role, phone, email };
            let member: Staff = desk.call_as("staff_save", json!({ "staff": input }))?;
            show(json, &member, || format!("Đã thêm cán bộ: {}", staff_line(&member)));
        }
        Some(StaffCommand::Remove { name }) => {
            let member = staff_named(desk, &name)?;
            desk.call("staff_delete", json!({ "id": member.id }))?;
            show(json, &member, || format!("Đã xoá cán bộ: {}", staff_line(&member)));
        }
    }
    Ok(())
}

fn staff_line(s: &Staff) -> String {
    format!("{:<28} {:<24} {}", s.full_name, s.title, s.unit_name.clone().unwrap_or_default())
}

pub fn settings(desk: &mut Desk, cmd: Option<SettingsCommand>, json: bool) -> Result<()> {
    let settings = match cmd {
        None | Some(SettingsCommand::Show) => desk.call_as::<Settings>("settings_get", json!({}))?,
        Some(SettingsCommand::Set { key, value }) => {
            let changed = with_setting(&desk.call_as("settings_get", json!({}))?, &key, &value)?;
            desk.call_as("settings_save", json!({ "settings": changed }))?
        }
    };
    if json {
        print_json(&settings);
    } else {
        let fields = serde_json::to_value(&settings).expect("serialisable");
        for (key, value) in fields.as_object().expect("an object") {
            println!("{key:<28} {value}");
        }
    }
    Ok(())
}

/// `settings` with `key` set to `value`, read as the type the setting has (a number of days
/// or years, or true/false). The core then checks the value as the window's form does.
fn with_setting(settings: &Settings, key: &str, value: &str) -> Result<Settings> {
    let mut fields = serde_json::to_value(settings).expect("serialisable");
    let map = fields.as_object_mut().expect("an object");
    let keys: Vec<&str> = map.keys().map(String::as_str).collect();
    let Some(current) = map.get(key) else {
        return Err(Error::validation(key, format!("Không có thông số «{key}»; các thông số: {}.", keys.join(", "))));
    };
    let new = match current {
        serde_json::Value::Bool(_) => match value {
            "true" | "có" => serde_json::Value::Bool(true),
            "false" | "không" => serde_json::Value::Bool(false),
            _ => return Err(Error::validation(key, format!("Thông số «{key}» nhận true hoặc false, không nhận «{value}»."))),
        },
        // A choice among named values (the index's source: paper, kiosk or both); the shape
        // check below refuses a name the setting does not know.
        serde_json::Value::String(_) => serde_json::Value::String(value.trim().to_owned()),
        _ => match value.trim().parse::<u32>() {
            Ok(n) => serde_json::Value::from(n),
            Err(_) => return Err(Error::validation(key, format!("Thông số «{key}» nhận một số nguyên không âm, không nhận «{value}»."))),
        },
    };
    map.insert(key.to_owned(), new);
    serde_json::from_value(fields).map_err(|_| {
        let named = match key {
            "survey_index_source" => {
                let names: Vec<&str> = ykien::domain::settings::IndexSource::ALL.iter().map(|x| x.as_str()).collect();
                format!(" (nhận {})", names.join(", "))
            }
            _ => String::new(),
        };
        Error::validation(key, format!("Thông số «{key}» không nhận «{value}»{named}."))
    })
}

pub fn holidays(desk: &mut Desk, cmd: Option<HolidayCommand>, json: bool) -> Result<()> {
    match cmd {
        None | Some(HolidayCommand::List) => {
            let days = holidays_list(desk)?;
            if json {
                print_json(&days);
            } else {
                for h in &days {
                    println!("{}", holiday_line(h));
                }
            }
        }
        Some(HolidayCommand::Add { day, name }) => {
            let before = holidays_list(desk)?;
            desk.call("holiday_add", json!({ "day": day, "name": name }))?;
            // As stored: its day written YYYY-MM-DD, whatever form was typed.
            let after = holidays_list(desk)?;
            let added = match after.iter().position(|h| !before.iter().any(|b| b.day == h.day)) {
                Some(i) => after[i].clone(),
                None => after.into_iter().find(|h| h.name == name).unwrap_or(Holiday { day, name }),
            };
            show(json, &added, || format!("Đã thêm ngày nghỉ: {}", holiday_line(&added)));
        }
        Some(HolidayCommand::Remove { day }) => {
            let before = holidays_list(desk)?;
            desk.call("holiday_remove", json!({ "day": day }))?;
            let after = holidays_list(desk)?;
            let removed = before.into_iter().find(|h| !after.iter().any(|a| a.day == h.day));
            let Some(removed) = removed else {
                return Err(Error::validation("day", format!("Không có ngày nghỉ «{day}».")));
            };
            show(json, &removed, || format!("Đã xoá ngày nghỉ: {}", holiday_line(&removed)));
        }
    }
    Ok(())
}

fn holidays_list(desk: &mut Desk) -> Result<Vec<Holiday>> {
    desk.call_as("holidays_list", json!({}))
}

/// The unit named `name` (or with that code), accents and case ignored.
pub fn unit_named(desk: &mut Desk, name: &str) -> Result<Unit> {
    let key = fold(name);
    let units: Vec<Unit> = desk.call_as("units_list", json!({}))?;
    units
        .into_iter()
        .find(|u| fold(&u.name) == key || (!u.code.is_empty() && fold(&u.code) == key))
        .ok_or_else(|| Error::validation("unit", format!("Không có đơn vị tên «{name}».")))
}

/// The one staff member named `name`, accents and case ignored.
pub fn staff_named(desk: &mut Desk, name: &str) -> Result<Staff> {
    let key = fold(name);
    let staff: Vec<Staff> = desk.call_as("staff_list", json!({ "query": name }))?;
    let mut found: Vec<Staff> = staff.into_iter().filter(|s| fold(&s.full_name) == key).collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(Error::validation("staff", format!("Không có cán bộ tên «{name}»."))),
        n => Err(Error::validation("staff", format!("Có {n} cán bộ cùng tên «{name}»; hãy chọn trong danh sách."))),
    }
}

fn holiday_line(h: &Holiday) -> String {
    format!("{} {}", h.day, h.name)
}

/// Prints what a change made: its JSON, or a sentence.
fn show<T: serde::Serialize>(json: bool, value: &T, sentence: impl FnOnce() -> String) {
    if json {
        print_json(value);
    } else {
        println!("{}", sentence());
    }
}
