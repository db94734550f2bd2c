//! What should not appear on a command line (names, notes, sheet text, whole records) is read
//! from a file or from standard input (`-`), where shell history and `ps` cannot see it.
//!
//! Records come as JSON in the core's own input shape (camelCase). Each command declares the
//! keys it accepts ([`Shape`]): a key left out gets its empty default, so a file holds only
//! what the consultant has to say, and a key the command does not know is refused rather than
//! silently dropped, so a typo cannot lose what was typed.

use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{CliError, JsonProblem};

/// A JSON object: one record's fields.
pub type Object = Map<String, Value>;

/// Whether `path` means standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Refuses a command where two inputs are both `-`: the second would read nothing.
pub fn at_most_one_stdin(paths: &[Option<&Path>]) -> Result<(), CliError> {
    if paths.iter().flatten().filter(|path| is_stdin(path)).count() > 1 {
        return Err(CliError::StdinTwice);
    }
    Ok(())
}

/// A UTF-8 text file, or standard input for `-`, exactly as written.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    if is_stdin(path) {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(CliError::UnreadableFile)?;
    } else {
        bytes = std::fs::read(path).map_err(CliError::UnreadableFile)?;
    }
    String::from_utf8(bytes).map_err(|_| CliError::NotUtf8)
}

/// A file (or standard input) holding one JSON object.
pub fn read_object(path: &Path) -> Result<Object, CliError> {
    parse_object(&read_text(path)?)
}

/// One JSON object, or where the text stops being one.
pub fn parse_object(text: &str) -> Result<Object, CliError> {
    let value: Value = serde_json::from_str(text).map_err(|error| {
        CliError::Json(JsonProblem::Syntax {
            line: error.line(),
            column: char_column(text, error.line(), error.column()),
        })
    })?;
    match value {
        Value::Object(object) => Ok(object),
        _ => Err(CliError::Json(JsonProblem::NotAnObject)),
    }
}

/// serde_json counts columns in bytes; a person counts characters, and a Japanese one is three
/// bytes.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    text.split('\n')
        .nth(line.saturating_sub(1))
        .map(|line| {
            line.char_indices()
                .take_while(|(start, _)| *start < byte_column)
                .count()
        })
        .unwrap_or(byte_column)
}

/// The keys of one kind of JSON record.
#[derive(Debug)]
pub struct Shape(pub &'static [(&'static str, Absent)]);

/// What a key left out of the JSON becomes.
#[derive(Debug)]
pub enum Absent {
    /// Nothing can stand in for it: the file must give it.
    Required,
    /// Empty text, which the core refuses with its own message naming the field.
    EmptyText,
    /// `null`: the optional field is not set.
    Null,
    /// An empty list.
    EmptyList,
    /// An empty list whose items, when given, are objects of this shape.
    Items(&'static Shape),
    /// This text (an enum's default, such as a client's status).
    Text(&'static str),
    /// Left out: the core's own default applies (an object such as a SMART check).
    CoreDefault,
}

impl Shape {
    /// Completes a new record: every key left out gets its default.
    pub fn complete(&self, mut object: Object) -> Result<Object, CliError> {
        self.check(&mut object)?;
        for (key, absent) in self.0 {
            if object.contains_key(*key) {
                continue;
            }
            let default = match absent {
                Absent::Required => return Err(CliError::Json(JsonProblem::Missing(key))),
                Absent::EmptyText => Value::String(String::new()),
                Absent::Null => Value::Null,
                Absent::EmptyList | Absent::Items(_) => Value::Array(Vec::new()),
                Absent::Text(text) => Value::String((*text).to_owned()),
                Absent::CoreDefault => continue,
            };
            object.insert((*key).to_owned(), default);
        }
        Ok(object)
    }

    /// An edit: the keys given replace the stored record's, the keys left out keep it.
    pub fn overlay(&self, stored: &impl Serialize, changes: Object) -> Result<Object, CliError> {
        let mut changes = changes;
        self.check(&mut changes)?;
        let Ok(Value::Object(mut object)) = serde_json::to_value(stored) else {
            return Err(CliError::Internal);
        };
        object.extend(changes);
        Ok(object)
    }

    /// Refuses unknown keys, here and in list items, and completes list items (a list given
    /// in an edit replaces the stored one whole, so its items are new records).
    fn check(&self, object: &mut Object) -> Result<(), CliError> {
        let accepted = || self.0.iter().map(|(key, _)| *key).collect();
        if object
            .keys()
            .any(|key| !self.0.iter().any(|(known, _)| known == key))
        {
            return Err(CliError::Json(JsonProblem::Unknown {
                accepted: accepted(),
            }));
        }
        for (key, absent) in self.0 {
            let (Absent::Items(shape), Some(value)) = (absent, object.get_mut(*key)) else {
                continue;
            };
            let Value::Array(items) = value else {
                return Err(CliError::Json(JsonProblem::WrongType));
            };
            for item in items.iter_mut() {
                let Value::Object(fields) = std::mem::take(item) else {
                    return Err(CliError::Json(JsonProblem::NotAnObject));
                };
                *item = Value::Object(shape.complete(fields)?);
            }
        }
        Ok(())
    }
}

/// Turns a completed object into the core's input type.
pub fn into_input<T: DeserializeOwned>(object: Object) -> Result<T, CliError> {
    serde_json::from_value(Value::Object(object))
        .map_err(|_| CliError::Json(JsonProblem::WrongType))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const CONTACT: Shape = Shape(&[
        ("name", Absent::EmptyText),
        ("role", Absent::Null),
        ("recipients", Absent::EmptyList),
    ]);
    const PROGRAM: Shape = Shape(&[
        ("companyId", Absent::Required),
        ("name", Absent::EmptyText),
        ("contacts", Absent::Items(&CONTACT)),
    ]);

    fn object(value: Value) -> Object {
        match value {
            Value::Object(object) => object,
            _ => Object::new(),
        }
    }

    #[test]
    fn a_syntax_error_is_placed_in_characters() {
        let text = "{\n  \"name\": \"株式会社";
        let error = serde_json::from_str::<Value>(text).err();
        let place = error.map(|error| {
            (
                error.line(),
                char_column(text, error.line(), error.column()),
            )
        });
        assert_eq!(place, Some((2, 15)));
    }

    #[test]
    fn left_out_keys_get_their_defaults_in_lists_too() {
        let completed = PROGRAM.complete(object(json!({
            "companyId": 1,
            "contacts": [{"name": "人事 花子"}]
        })));
        assert_eq!(
            completed.ok().map(Value::Object),
            Some(json!({
                "companyId": 1,
                "name": "",
                "contacts": [{"name": "人事 花子", "role": null, "recipients": []}]
            }))
        );
    }

    #[test]
    fn unknown_and_missing_keys_are_refused() {
        let unknown = PROGRAM.complete(object(json!({"companyId": 1, "nmae": "x"})));
        assert!(matches!(
            unknown,
            Err(CliError::Json(JsonProblem::Unknown { accepted })) if accepted == ["companyId", "name", "contacts"]
        ));
        let nested = PROGRAM.complete(object(json!({"companyId": 1, "contacts": [{"mail": 1}]})));
        assert!(matches!(
            nested,
            Err(CliError::Json(JsonProblem::Unknown { .. }))
        ));
        let missing = PROGRAM.complete(object(json!({"name": "x"})));
        assert!(matches!(
            missing,
            Err(CliError::Json(JsonProblem::Missing("companyId")))
        ));
        let not_a_list = PROGRAM.complete(object(json!({"companyId": 1, "contacts": {}})));
        assert!(matches!(
            not_a_list,
            Err(CliError::Json(JsonProblem::WrongType))
        ));
    }

    #[test]
    fn an_overlay_keeps_what_the_edit_leaves_out() {
        let stored = json!({"companyId": 1, "name": "旧", "contacts": [], "id": 3});
        let edited = PROGRAM.overlay(&stored, object(json!({"name": "新"})));
        assert_eq!(
            edited.ok().map(Value::Object),
            Some(json!({"companyId": 1, "name": "新", "contacts": [], "id": 3}))
        );
    }
}
