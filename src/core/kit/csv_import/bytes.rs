//! Byte decoding: the bytes of an uploaded or read CSV file → text.

/// UTF-8 (with or without BOM) and UTF-16 with BOM ("Unicode-tekst") are read as such; anything
/// else as Windows-1252, which is what Dutch Excel writes for "CSV (gescheiden door
/// lijstscheidingsteken)".
///
/// Hand-written rather than `encoding_rs`: three encodings and a 32-entry table are all the
/// templates need, and `encoding_rs` would add its tables for every legacy encoding.
pub fn decode_bytes(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|byte| windows_1252(*byte)).collect(),
    }
}

/// UTF-16 code units (an odd last byte is padded with zero); unpaired surrogates become U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks(2).map(|pair| unit([pair[0], pair.get(1).copied().unwrap_or(0)]));
    char::decode_utf16(units).map(|decoded| decoded.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[(byte - 0x80) as usize],
        _ => byte as char,
    }
}

#[cfg(test)]
mod tests {
    use super::decode_bytes;

    #[test]
    fn encodings() {
        assert_eq!(decode_bytes(b"\xEF\xBB\xBFa;\xE2\x82\xAC"), "a;€");
        assert_eq!(decode_bytes(b"\xFF\xFEa\0;\0\xAC\x20"), "a;€");
        assert_eq!(decode_bytes(b"\xFE\xFF\0a\0;\x20\xAC"), "a;€");
        assert_eq!(decode_bytes(b"\x80 5;caf\xE9"), "€ 5;café");
        assert_eq!(decode_bytes(b"\xFF\xFEa"), "a");
    }
}
