//! `ykien office`, `units`, `staff`, `settings`, `holidays`: what an office sets up before
//! its first case, so that a script can make a database ready to print forms from. Without a
//! subcommand each shows what is there, as it always has; `set`, `add` and `remove` change it
//! (the administrator's, or for settings and holidays the quality officer's, on a database
//! that has accounts). See docs/cli-office.md.

use crate::print_json;
use clap::{Args, Subcommand};
use ykien::{Error, Holiday, Ledger, OfficeProfile, Result, Role, Settings, Staff, StaffInput, Unit, UnitInput};

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

pub fn office(ledger: &mut Ledger, cmd: Option<OfficeCommand>, json: bool) -> Result<()> {
    let office = match cmd {
        None | Some(OfficeCommand::Show) => ledger.office()?,
        Some(OfficeCommand::Set(f)) => {
            let mut o = ledger.office()?.unwrap_or_else(OfficeProfile::blank);
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
            Some(ledger.save_office(&o)?)
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

pub fn units(ledger: &mut Ledger, cmd: Option<UnitCommand>, json: bool) -> Result<()> {
    match cmd {
        None | Some(UnitCommand::List) => {
            let units = ledger.units()?;
            if json {
                print_json(&units);
            } else {
                for u in &units {
                    println!("{}", unit_line(u));
                }
            }
        }
        Some(UnitCommand::Add { name, code }) => {
            let unit = ledger.save_unit(&UnitInput { id: None, name, code })?;
            show(json, &unit, || format!("Đã thêm đơn vị: {}", unit_line(&unit)));
        }
        Some(UnitCommand::Remove { unit }) => {
            let unit = ledger.unit_named(&unit)?;
            ledger.delete_unit(&unit.id)?;
            show(json, &unit, || format!("Đã xoá đơn vị: {}", unit_line(&unit)));
        }
    }
    Ok(())
}

fn unit_line(u: &Unit) -> String {
    format!("{:<8} {}", u.code, u.name)
}

pub fn staff(ledger: &mut Ledger, search: Option<String>, cmd: Option<StaffCommand>, json: bool) -> Result<()> {
    match cmd {
        None | Some(StaffCommand::List { .. }) => {
            let search = match cmd {
                Some(StaffCommand::List { search }) => search,
                _ => search,
            };
            let staff = ledger.staff(search.as_deref())?;
            if json {
                print_json(&staff);
            } else {
                for s in &staff {
                    println!("{}", staff_line(s));
                }
            }
        }
        Some(StaffCommand::Add { name, role, title, unit, phone, email }) => {
            let unit_id = unit.map(|u| ledger.unit_named(&u)).transpose()?.map(|u| u.id);
            let role: Role = serde_json::from_value(serde_json::Value::String(role)).expect("clap checks the role");
            let input = StaffInput { id: None, full_name: name, title, unit_id, role, phone, email };
            let member = ledger.save_staff(&input)?;
            show(json, &member, || format!("Đã thêm cán bộ: {}", staff_line(&member)));
        }
        Some(StaffCommand::Remove { name }) => {
            let member = ledger.staff_named(&name)?;
            ledger.delete_staff(&member.id)?;
            show(json, &member, || format!("Đã xoá cán bộ: {}", staff_line(&member)));
        }
    }
    Ok(())
}

fn staff_line(s: &Staff) -> String {
    format!("{:<28} {:<24} {}", s.full_name, s.title, s.unit_name.clone().unwrap_or_default())
}

pub fn settings(ledger: &mut Ledger, cmd: Option<SettingsCommand>, json: bool) -> Result<()> {
    let settings = match cmd {
        None | Some(SettingsCommand::Show) => ledger.settings()?,
        Some(SettingsCommand::Set { key, value }) => {
            let changed = with_setting(&ledger.settings()?, &key, &value)?;
            ledger.save_settings(&changed)?
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
        _ => match value.trim().parse::<u32>() {
            Ok(n) => serde_json::Value::from(n),
            Err(_) => return Err(Error::validation(key, format!("Thông số «{key}» nhận một số nguyên không âm, không nhận «{value}»."))),
        },
    };
    map.insert(key.to_owned(), new);
    Ok(serde_json::from_value(fields).expect("the same shape"))
}

pub fn holidays(ledger: &mut Ledger, cmd: Option<HolidayCommand>, json: bool) -> Result<()> {
    match cmd {
        None | Some(HolidayCommand::List) => {
            let days = ledger.holidays()?;
            if json {
                print_json(&days);
            } else {
                for h in &days {
                    println!("{}", holiday_line(h));
                }
            }
        }
        Some(HolidayCommand::Add { day, name }) => {
            let before = ledger.holidays()?;
            ledger.add_holiday(&day, &name)?;
            // As stored: its day written YYYY-MM-DD, whatever form was typed.
            let after = ledger.holidays()?;
            let added = match after.iter().position(|h| !before.iter().any(|b| b.day == h.day)) {
                Some(i) => after[i].clone(),
                None => after.into_iter().find(|h| h.name == name).unwrap_or(Holiday { day, name }),
            };
            show(json, &added, || format!("Đã thêm ngày nghỉ: {}", holiday_line(&added)));
        }
        Some(HolidayCommand::Remove { day }) => {
            let before = ledger.holidays()?;
            ledger.remove_holiday(&day)?;
            let after = ledger.holidays()?;
            let removed = before.into_iter().find(|h| !after.iter().any(|a| a.day == h.day));
            let Some(removed) = removed else {
                return Err(Error::validation("day", format!("Không có ngày nghỉ «{day}».")));
            };
            show(json, &removed, || format!("Đã xoá ngày nghỉ: {}", holiday_line(&removed)));
        }
    }
    Ok(())
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
