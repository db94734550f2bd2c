//! Standard output: JSON for programs, tab-separated lines for people and `cut`.

use std::io::Write;

use crate::error::CliError;

pub fn json<T: serde::Serialize>(value: &T) -> Result<(), CliError> {
    let json = serde_json::to_string_pretty(value).map_err(|_| CliError::Internal)?;
    line(&json)
}

pub fn line(line: &str) -> Result<(), CliError> {
    lines(&[line])
}

/// Text exactly as given (a file's contents, with its own line endings).
pub fn text(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .map_err(CliError::Output)?;
    stdout.flush().map_err(CliError::Output)
}

pub fn lines<S: AsRef<str>>(lines: &[S]) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    for line in lines {
        writeln!(stdout, "{}", line.as_ref()).map_err(CliError::Output)?;
    }
    stdout.flush().map_err(CliError::Output)
}

/// One tab-separated row. A tab or line break typed inside a value would shift every column
/// after it, so each becomes a space.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|cell| cell.as_ref().replace(['\t', '\r', '\n'], " "))
        .collect::<Vec<_>>()
        .join("\t")
}

/// One `key<TAB>value` line of a `show`.
pub fn pair(key: &str, value: impl AsRef<str>) -> String {
    row(&[key, value.as_ref()])
}

/// An optional value as a cell: empty when absent.
pub fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// An enum as its wire name (`follow_up`, `in_person` …), the same word scripts pass back.
pub fn wire<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}
