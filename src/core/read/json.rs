//! A JSON tree that keeps key order and refuses duplicate keys.
//!
//! `serde_json::Value` silently keeps the last of two equal keys, which would hide a
//! transcription error, so data files are parsed into this tree instead. Syntax errors keep
//! serde_json's line and column; nesting depth is bounded by serde_json's recursion limit, so a
//! hostile file gets an error, never a stack overflow.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Largest data file accepted, in bytes (8 MB of 1.048.576 bytes; `docs/hosten.md`). The bundled
/// files are well under 1 MB; the limit keeps a mistaken or hostile upload from freezing the page,
/// and `public/loader.js` stops reading a larger file there (issue 25).
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Why a file of `bytes` is refused, and what to do: "het bestand is 9,3 MB; de grens is 8 MB …".
pub fn too_large(bytes: usize) -> String {
    let mb = |b: usize| crate::core::text::format::number(b as f64 / 1_048_576.0, 1).replace(",0", "");
    // Just over the limit must not read as "8 MB; de grens is 8 MB".
    let size = if bytes > MAX_FILE_BYTES && mb(bytes) == mb(MAX_FILE_BYTES) {
        format!("meer dan {} MB", mb(MAX_FILE_BYTES))
    } else {
        format!("{} MB", mb(bytes))
    };
    format!(
        "het bestand is {size}; de grens is {} MB per bestand; verdeel de tabellen over meer bestanden, bijvoorbeeld één per tabel, en noem ze in manifest.json met \"tables\" (zie docs/data-format.md, \"Grote regio's\")",
        mb(MAX_FILE_BYTES)
    )
}

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Why a file could not be read as JSON at all.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Dutch name of this value's JSON type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "een waar/onwaar-waarde",
            Json::Number(_) => "een getal",
            Json::String(_) => "een tekst",
            Json::Array(_) => "een lijst",
            Json::Object(_) => "een object",
        }
    }
}

/// Parses `text`, in Dutch on failure.
pub fn parse_json(text: &str) -> Result<Json, SyntaxError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(SyntaxError { line: 0, column: 0, message: too_large(text.len()) });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Json>(text).map_err(|e| {
        let mut message = dutch_syntax_message(&e);
        if decimal_comma_before(text, e.line(), e.column()) {
            message = "hier staat een getal met een decimale komma; schrijf in JSON een punt (8.8, niet 8,8)".into();
        }
        SyntaxError { line: e.line(), column: e.column(), message }
    })
}

/// True when the text just before the error position looks like `8,8`: the most common mistake
/// when a figure is copied from a Dutch table.
fn decimal_comma_before(text: &str, line: usize, column: usize) -> bool {
    let Some(l) = text.lines().nth(line.saturating_sub(1)) else { return false };
    let chars: Vec<char> = l.chars().collect();
    let end = column.min(chars.len());
    let before: String = chars[..end].iter().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    let b = before.trim_end().as_bytes();
    // …digit , digit  (the error is reported at or just after the second digit)
    b.windows(3).rev().take(3).any(|w| w[0].is_ascii_digit() && w[1] == b',' && w[2].is_ascii_digit())
}

fn dutch_syntax_message(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    if let Some(key) = raw.strip_prefix("dubbele sleutel ") {
        let key = key.split(" at line").next().unwrap_or(key);
        return format!("de sleutel {key} komt twee keer voor in hetzelfde object");
    }
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "het bestand houdt onverwacht op (afgebroken of onvolledig)".into(),
        Category::Syntax if raw.contains("recursion limit") => {
            "de gegevens zijn te diep genest (meer dan 128 niveaus)".into()
        }
        Category::Syntax => syntax_in_dutch(raw.split(" at line").next().unwrap_or(&raw)).into(),
        Category::Data => format!("ongeldige waarde ({})", raw.split(" at line").next().unwrap_or(&raw)),
        Category::Io => "het bestand kon niet worden gelezen".into(),
    }
}

/// serde_json's syntax messages, in words a policy officer editing a file understands.
fn syntax_in_dutch(msg: &str) -> &'static str {
    const KNOWN: [(&str, &str); 14] = [
        ("expected `,` or `}`", "hier verwachtte ik een komma of een } (ontbreekt er een komma tussen twee velden?)"),
        (
            "expected `,` or `]`",
            "hier verwachtte ik een komma of een ] (ontbreekt er een komma tussen twee elementen?)",
        ),
        ("expected `:`", "hier verwachtte ik een dubbele punt tussen sleutel en waarde"),
        (
            "expected value",
            "hier verwachtte ik een waarde (een getal, tekst tussen aanhalingstekens, true, false, null, [ of {)",
        ),
        ("expected ident", "ongeldige waarde: bedoelde u true, false of null?"),
        ("trailing comma", "er staat een komma te veel voor een } of ]"),
        ("key must be a string", "een sleutel moet tussen dubbele aanhalingstekens staan"),
        ("trailing characters", "na het einde van de gegevens staat nog tekst"),
        ("invalid number", "ongeldig getal (gebruik een punt als decimaalteken en geen duizendtallen: 1490.5)"),
        ("number out of range", "dit getal is te groot"),
        (
            "control character",
            "een tekst bevat een ongeldig teken, bijvoorbeeld een regeleinde binnen aanhalingstekens",
        ),
        ("invalid escape", "een tekst bevat een ongeldige \\-reeks"),
        ("invalid unicode code point", "een tekst bevat een ongeldig Unicode-teken"),
        ("lone leading surrogate", "een tekst bevat een ongeldig Unicode-teken"),
    ];
    KNOWN.iter().find(|(en, _)| msg.starts_with(en)).map_or("geen geldige JSON", |(_, nl)| nl)
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("een JSON-waarde")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut fields: Vec<(String, Json)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(de::Error::custom(format!("dubbele sleutel \"{key}\"")));
            }
            let value = map.next_value()?;
            fields.push((key, value));
        }
        Ok(Json::Object(fields))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_with_position() {
        let err = parse_json("{\n \"a\": 1,\n \"a\": 2\n}").unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(err.message, "de sleutel \"a\" komt twee keer voor in hetzelfde object");
    }

    #[test]
    fn truncated_file_says_so() {
        let err = parse_json("{\"a\": [1, 2").unwrap_err();
        assert_eq!(err.message, "het bestand houdt onverwacht op (afgebroken of onvolledig)");
    }

    #[test]
    fn a_file_over_the_limit_says_its_size_and_the_limit() {
        let text = " ".repeat(9_751_756);
        let err = parse_json(&text).err().unwrap_or_else(|| panic!("accepted"));
        assert!(
            err.message.starts_with("het bestand is 9,3 MB; de grens is 8 MB per bestand; verdeel"),
            "{}",
            err.message
        );
        assert!(too_large(MAX_FILE_BYTES + 1).starts_with("het bestand is meer dan 8 MB;"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        let err = parse_json(&text).unwrap_err();
        assert!(err.message.contains("te diep genest"), "{}", err.message);
    }

    #[test]
    fn keeps_key_order_and_strips_bom() {
        let v = parse_json("\u{feff}{\"b\": 1, \"a\": \"x\"}").unwrap();
        match v {
            Json::Object(f) => assert_eq!(f.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["b", "a"]),
            other => panic!("{other:?}"),
        }
    }
}
