//! The data version a baked page records and `public/gebakken.js` checks: FNV-1a (32 bits)
//! over each file's bytes. Not a security measure — it tells "this is the file the page was
//! baked from" from "a council replaced it", in a few lines of JavaScript, on any host (Web
//! Crypto needs a secure context, and a council's test server may be plain http).

/// FNV-1a, 32 bits, as `public/gebakken.js` computes it (`Math.imul`).
pub fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in bytes {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// `path:hash path:hash …` (hash in lowercase hex, 8 digits): the `data-gebakken` attribute.
pub fn hashes_attribute(files: &[(&str, &[u8])]) -> String {
    files.iter().map(|(p, b)| format!("{p}:{:08x}", fnv1a(b))).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_reference_values() {
        // From the FNV reference: "" and "a".
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(hashes_attribute(&[("a.json", b"a")]), "a.json:e40c292c");
    }
}
