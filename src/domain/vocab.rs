//! Closed vocabularies of the procedures (channels, kinds, subjects, states…). Each is an
//! enum stored and exchanged by its snake_case name, with the Vietnamese label users see.
//! One macro keeps the name, the label and the parser of every word in one line.

/// `vocab!(Name "field" "what it is in Vietnamese" { Variant = "name" "Nhãn", … })`
macro_rules! vocab {
    ($(#[$meta:meta])* $name:ident $field:literal $what:literal { $($(#[$vmeta:meta])* $variant:ident = $key:literal $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored and exchanged name.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// The Vietnamese label shown to users.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(s: &str) -> $crate::error::Result<$name> {
                match s {
                    $($key => Ok($name::$variant),)+
                    _ => Err($crate::error::Error::validation(
                        $field,
                        format!(
                            "{} không hợp lệ: «{}». Dùng một trong: {}.",
                            $what,
                            s,
                            [$($key),+].join(", ")
                        ),
                    )),
                }
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                $name::parse(s).map_err(|e| rusqlite::types::FromSqlError::Other(Box::new(e)))
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.as_str()))
            }
        }
    };
}

pub(crate) use vocab;
