//! CSV reading: text → the rows of the sheet as the spreadsheet numbers them.
//!
//! `csv-core` (the parser of the `csv` crate) splits records: quoted fields with separators,
//! doubled quotes and line breaks. Not the `csv` crate itself: its readers, records and serde
//! support add 12,4 kB to the WASM (3,3 kB brotli) against 3,9 kB (0,9 kB) for `csv-core`, and
//! reading from a `&str` needs none of them. Around the parser stays what a spreadsheet user
//! needs: the separator as Dutch Excel chooses it, Excel's row numbers (the parser skips empty
//! lines, Excel counts them), and the cell where a quote is never closed (the parser silently
//! reads it to the end of the file).

use crate::core::model::problem::Problems;
use crate::core::read::json::MAX_FILE_BYTES;
use crate::core::text::words::fold;

/// One record as the spreadsheet shows it.
#[derive(Debug, Clone)]
pub(super) struct SheetRow {
    /// Excel's row number (1-based).
    pub number: usize,
    pub cells: Vec<String>,
}

impl SheetRow {
    /// The trimmed text of a cell (0-based); empty beyond the row's end.
    pub fn get(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |cell| cell.trim())
    }
    /// The first cell as a keyword: lower case, no diacritics, no trailing colon.
    pub fn key(&self) -> String {
        fold(self.get(0)).trim_end_matches(':').trim().to_owned()
    }
    /// The 0-based index of the last cell with text.
    pub fn last_filled(&self) -> Option<usize> {
        self.cells.iter().rposition(|cell| !cell.trim().is_empty())
    }
    pub fn is_empty(&self) -> bool {
        self.last_filled().is_none()
    }
}

/// Text → rows without comments and empty lines, and the separator. `None` when the file can't
/// be read as CSV at all (the problem is recorded).
pub(super) fn read_sheet(text: &str, problems: &mut Problems) -> Option<(Vec<SheetRow>, u8)> {
    if text.len() > MAX_FILE_BYTES {
        problems.add_in_sheet(1, 1, crate::core::read::json::too_large(text.len()));
        return None;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Excel may write `sep=;` as the first line; it does not show it as a row.
    let first_line = text.split(['\r', '\n']).next().unwrap_or("");
    let explicit = first_line.trim().strip_prefix("sep=").and_then(|rest| match rest.as_bytes() {
        [byte] if byte.is_ascii() && !matches!(byte, b'"' | b'\r' | b'\n') => Some(*byte),
        _ => None,
    });
    let (separator, body) = match explicit {
        Some(byte) => {
            let rest = text[first_line.len()..].trim_start_matches('\r');
            (byte, rest.strip_prefix('\n').unwrap_or(rest))
        }
        None => (detect_separator(text), text),
    };
    let rows = match read_records(body, separator) {
        Ok(rows) => rows,
        Err((row, column)) => {
            problems.add_in_sheet(
                row,
                column,
                "het aanhalingsteken (\") aan het begin van deze cel wordt nergens gesloten; zet een \" aan het eind van de tekst, of schrijf een \" in een tekst dubbel (\"\")",
            );
            return None;
        }
    };
    let rows: Vec<SheetRow> = rows.into_iter().filter(|row| !row.is_empty() && !row.get(0).starts_with('#')).collect();
    if rows.is_empty() {
        problems.add_in_sheet(
            1,
            1,
            "het bestand is leeg; begin met een van de sjablonen uit public/sjablonen (per-gebied.csv of per-jaar.csv)",
        );
        return None;
    }
    Some((rows, separator))
}

/// The separator, from the first line that is not a comment and has one: `;` (Dutch Excel)
/// when it occurs outside quotes, else a tab, else `,`.
pub(super) fn detect_separator(text: &str) -> u8 {
    let (mut semicolons, mut tabs, mut commas, mut quoted) = (0, 0, 0, false);
    let mut line_start = String::new();
    let mut lines_seen = 0;
    for character in text.chars().chain(std::iter::once('\n')) {
        match character {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => {
                let comment = line_start.trim_start().trim_start_matches('"').starts_with('#');
                if !comment && semicolons + tabs + commas > 0 {
                    break;
                }
                (semicolons, tabs, commas) = (0, 0, 0);
                line_start.clear();
                lines_seen += 1;
                if lines_seen > 50 {
                    break;
                }
                continue;
            }
            ';' if !quoted => semicolons += 1,
            '\t' if !quoted => tabs += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
        if line_start.len() < 8 {
            line_start.push(character);
        }
    }
    if semicolons > 0 {
        b';'
    } else if tabs > 0 {
        b'\t'
    } else if commas > 0 {
        b','
    } else {
        b';'
    }
}

/// Splits CSV into records numbered as Excel numbers rows. `Err((row, column))` when a quote is
/// never closed.
pub(super) fn read_records(text: &str, separator: u8) -> Result<Vec<SheetRow>, (usize, usize)> {
    use csv_core::ReadFieldResult;
    let mut reader = csv_core::ReaderBuilder::new().delimiter(separator).build();
    let bytes = text.as_bytes();
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut buffer = [0u8; 1024];
    // Excel's row number of the previous record, and where its text ended.
    let (mut number, mut previous_end) = (0, 0);
    let (mut consumed, mut record_start, mut last_start) = (0, 0, 0);
    loop {
        let (result, read, written) = reader.read_field(&bytes[consumed..], &mut buffer);
        consumed += read;
        field.extend_from_slice(&buffer[..written]);
        match result {
            ReadFieldResult::InputEmpty | ReadFieldResult::OutputFull => continue,
            ReadFieldResult::Field { record_end } => {
                cells.push(String::from_utf8_lossy(&field).into_owned());
                field.clear();
                if record_end {
                    let start = skip_line_breaks(text, record_start.max(previous_end));
                    let breaks = line_breaks(text.get(previous_end..start).unwrap_or(""));
                    number = if rows.is_empty() { 1 + breaks } else { number + breaks.max(1) };
                    rows.push(SheetRow { number, cells: std::mem::take(&mut cells) });
                    last_start = start;
                    previous_end = end_of_record(text, start, consumed);
                    record_start = consumed;
                }
            }
            ReadFieldResult::End => break,
        }
    }
    match rows.last() {
        Some(last) if ends_inside_quotes(text.get(last_start..).unwrap_or(""), separator) => {
            Err((last.number, last.cells.len()))
        }
        _ => Ok(rows),
    }
}

fn skip_line_breaks(text: &str, from: usize) -> usize {
    let rest = text.get(from..).unwrap_or("");
    from + (rest.len() - rest.trim_start_matches(['\r', '\n']).len())
}

/// Where a record's text ends: before the line breaks that precede `next` (a record's text
/// never ends in a line break outside quotes, and a quoted field ends with its quote).
fn end_of_record(text: &str, start: usize, next: usize) -> usize {
    let slice = text.get(start..next.max(start)).unwrap_or("");
    start + slice.trim_end_matches(['\r', '\n']).len()
}

/// Line breaks as Excel counts them: `\r\n`, `\r` and `\n` each end one row.
fn line_breaks(text: &str) -> usize {
    text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count()
}

/// Whether a quote opened at the start of a field in this (last) record is never closed.
fn ends_inside_quotes(record: &str, separator: u8) -> bool {
    let (mut quoted, mut field_start) = (false, true);
    let mut bytes = record.bytes().peekable();
    while let Some(byte) = bytes.next() {
        if quoted {
            if byte == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match byte {
            b'"' if field_start => {
                quoted = true;
                field_start = false;
            }
            b'\r' | b'\n' => field_start = true,
            byte if byte == separator => field_start = true,
            _ => field_start = false,
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_rows_and_separators() {
        let rows = read_records("a;\"b;\"\"c\"\"\"\r\n\r\nx;\"y\nz\"\rq", b';').unwrap();
        let numbered: Vec<(usize, Vec<String>)> = rows.into_iter().map(|row| (row.number, row.cells)).collect();
        assert_eq!(
            numbered,
            [
                (1, vec!["a".to_owned(), "b;\"c\"".to_owned()]),
                (3, vec!["x".to_owned(), "y\nz".to_owned()]),
                (4, vec!["q".to_owned()]),
            ]
        );
        let numbers =
            |text: &str| -> Vec<usize> { read_records(text, b';').unwrap().iter().map(|row| row.number).collect() };
        assert_eq!(numbers("\n\na\r\rb\r\n\r\nc\n"), [3, 5, 7]);
        assert_eq!(numbers("a;\"\n\n\"\nb"), [1, 2]);
        assert_eq!(numbers("a;\"x\"\"\n\"\r\n\nb\n"), [1, 3]);
        assert_eq!(read_records("a;\"b\nc", b';').unwrap_err(), (1, 2));
        assert_eq!(read_records("a\n\nb;c;\"d\"\"", b';').unwrap_err(), (3, 3));
        assert!(read_records("a;\"b\"\"\"", b';').is_ok());
        assert_eq!(detect_separator("titel,\"a; b\"\n"), b',');
        assert_eq!(detect_separator("titel;a, b\n"), b';');
        assert_eq!(detect_separator("# uitleg, met komma\r\ntitel;a, b\r\n"), b';');
        assert_eq!(detect_separator("\"# uitleg, met komma\",,\ntitel,\"a; b\"\n"), b',');
        assert_eq!(detect_separator("titel\r\nthema;jeugd\r\n"), b';');
    }
}
