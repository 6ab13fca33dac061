//! The shape of the code, checked like a test (as rust-analyzer keeps a `tidy` test):
//! - the layers of `src/core/` (its folders, in the order `src/core/mod.rs` declares them) only
//!   import from their own layer or the layers below;
//! - no two units of the core (a file or folder directly under a layer) import each other in a
//!   circle;
//! - every Rust file under `src/` stays under 600 lines and every function under 120.
//!
//! The checker works on (path, text) pairs so the tests below can plant a violation and see it
//! fail, which proves the real check can.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 120;

/// One source file of the core: its path below `src/core/` and its text.
struct Source {
    rel: String,
    text: String,
}

fn read_tree(dir: &Path, base: &Path, out: &mut Vec<Source>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).expect("readable source folder").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            read_tree(&p, base, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            let rel = p.strip_prefix(base).expect("below base").to_string_lossy().replace('\\', "/");
            out.push(Source { rel, text: std::fs::read_to_string(&p).expect("UTF-8 source") });
        }
    }
}

/// The module path of a file below `src/core/` (`present/charts/mod.rs` → `present::charts`).
fn module_of(rel: &str) -> Vec<String> {
    let mut parts: Vec<String> = rel.trim_end_matches(".rs").split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The text without comments, string literals and char literals, so that a path in a doc
/// comment or a brace in a string neither counts as an import nor unbalances a function.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i += 2;
            while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                if b[i] == b'\n' {
                    out.push('\n');
                }
                i += 1;
            }
            i += 2;
        } else if c == b'r' && (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#')) && !ident_before(b, i) {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push(c as char);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'"' && (0..hashes).all(|h| b.get(j + 1 + h) == Some(&b'#')) {
                    j += 1 + hashes;
                    break;
                }
                if b[j] == b'\n' {
                    out.push('\n');
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                if i < b.len() && b[i] == b'\n' {
                    out.push('\n');
                }
                i += 1;
            }
            out.push_str("\"\"");
            i += 1;
        } else if c == b'\'' && is_char_literal(b, i) {
            let mut j = i + 1;
            if b[j] == b'\\' {
                j += 1;
            }
            j += 1;
            while j < b.len() && b[j] != b'\'' {
                j += 1;
            }
            out.push_str("' '");
            i = j + 1;
        } else {
            // Copy one whole UTF-8 character.
            let len = utf8_len(c);
            out.push_str(&text[i..i + len]);
            i += len;
        }
    }
    out
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

fn ident_before(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// `'x'`, `'\n'` or `'{'` — not a lifetime such as `'a`.
fn is_char_literal(b: &[u8], i: usize) -> bool {
    match (b.get(i + 1), b.get(i + 2)) {
        (Some(b'\\'), _) => true,
        (Some(_), Some(b'\'')) => true,
        (Some(&c), _) if c >= 0x80 => {
            let len = utf8_len(c);
            b.get(i + 1 + len) == Some(&b'\'')
        }
        _ => false,
    }
}

/// Every core path a file names: `crate::core::a::b…`, `super::…` resolved against the file's
/// module, and the members of `crate::core::{a, b::c}` groups. Each comes back as its segments
/// below `core`.
fn core_paths(module: &[String], is_mod_rs: bool, code: &str) -> Vec<Vec<String>> {
    let _ = is_mod_rs; // a mod.rs names its own folder's module, which `module_of` already gives
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        if ident_before(bytes, i) {
            i += 1;
            continue;
        }
        let rest = &code[i..];
        let (base, skip): (Vec<String>, usize) = if let Some(r) = rest.strip_prefix("crate::core::") {
            (Vec::new(), rest.len() - r.len())
        } else if rest.starts_with("super::") {
            let mut n = 0;
            let mut r = rest;
            while let Some(next) = r.strip_prefix("super::") {
                n += 1;
                r = next;
            }
            if n > module.len() {
                i += 1;
                continue;
            }
            (module[..module.len() - n].to_vec(), rest.len() - r.len())
        } else {
            i += 1;
            continue;
        };
        let after = &rest[skip..];
        if let Some(group) = after.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for member in group[..end].split(',') {
                let segs = segments(member.trim());
                if !segs.is_empty() {
                    out.push(base.iter().cloned().chain(segs).collect());
                }
            }
        } else {
            let segs = segments(after);
            if !segs.is_empty() {
                out.push(base.iter().cloned().chain(segs).collect());
            }
        }
        i += skip;
    }
    out
}

/// The leading `a::b::c` of a path (identifiers only).
fn segments(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for seg in s.split("::") {
        let ident: String = seg.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if ident.is_empty() {
            break;
        }
        let whole = ident.len() == seg.len();
        out.push(ident);
        if !whole {
            break;
        }
    }
    out
}

/// The layers in the order `mod.rs` declares them, bottom first.
fn layers(core_mod: &str) -> Vec<String> {
    code_only(core_mod)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';').trim().to_string())
        .collect()
}

#[derive(Debug, Default)]
struct Findings {
    upward: Vec<String>,
    cycles: Vec<String>,
}

/// Checks the layer order and the unit graph of a core tree given as (path below `src/core/`,
/// text) pairs, `mod.rs` included.
fn check_core(files: &[Source]) -> Findings {
    let root = files.iter().find(|f| f.rel == "mod.rs").expect("src/core/mod.rs");
    let order = layers(&root.text);
    let rank = |layer: &str| order.iter().position(|l| l == layer);
    // A layer's units: the files and folders directly under it.
    let mut units: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let m = module_of(&f.rel);
        if m.len() >= 2 {
            units.entry(m[0].clone()).or_default().insert(m[1].clone());
        }
    }
    // Items a layer's mod.rs re-exports with `pub use unit::*`: the unit that defines them.
    let defined_in = |layer: &str, item: &str| -> Option<String> {
        let us = units.get(layer)?;
        us.iter()
            .find(|u| {
                files.iter().any(|f| {
                    let m = module_of(&f.rel);
                    m.len() >= 2
                        && m[0] == layer
                        && &m[1] == *u
                        && ["pub struct ", "pub enum ", "pub type ", "pub fn ", "pub const ", "pub trait "]
                            .iter()
                            .any(|k| f.text.contains(&format!("{k}{item}")))
                })
            })
            .cloned()
    };
    let mut f = Findings::default();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let m = module_of(&file.rel);
        if m.is_empty() {
            continue;
        }
        let from_layer = &m[0];
        let Some(from_rank) = rank(from_layer) else { continue };
        let from_unit = m.get(1).map(|u| format!("{from_layer}::{u}"));
        for path in core_paths(&m, file.rel.ends_with("mod.rs"), &code_only(&file.text)) {
            let to_layer = &path[0];
            let Some(to_rank) = rank(to_layer) else { continue };
            if to_rank > from_rank {
                f.upward.push(format!(
                    "src/core/{} ({from_layer}) uses {} ({to_layer}, a layer above)",
                    file.rel,
                    path.join("::")
                ));
            }
            let to_unit = match path.get(1) {
                Some(u) if units.get(to_layer).is_some_and(|us| us.contains(u)) => Some(u.clone()),
                Some(item) => defined_in(to_layer, item),
                None => None,
            };
            if let (Some(a), Some(b)) = (&from_unit, to_unit) {
                let b = format!("{to_layer}::{b}");
                if *a != b {
                    edges.entry(a.clone()).or_default().insert(b);
                }
            }
        }
    }
    f.cycles = cycles(&edges);
    f
}

/// Every circle in a directed graph, one per strongly connected component, named by its members.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let nodes: BTreeSet<&String> = edges.keys().chain(edges.values().flatten()).collect();
    let reach = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(n) = stack.pop() {
            for next in edges.get(&n).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> = nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for n in &nodes {
        if done.contains(*n) || !reaches[n].contains(*n) {
            continue;
        }
        let component: Vec<String> = nodes
            .iter()
            .filter(|m| reaches[n].contains(**m) && reaches[*m].contains(*n))
            .map(|m| (*m).clone())
            .collect();
        done.extend(component.iter().cloned());
        out.push(component.join(" ⇄ "));
    }
    out
}

/// Functions longer than the limit, as `file:line name (n lines)`.
fn long_functions(rel: &str, text: &str) -> Vec<String> {
    let code = code_only(text);
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let Some(pos) = t.find("fn ") else { continue };
        let head = &t[..pos];
        let is_fn = head.split_whitespace().all(|w| {
            w == "pub" || w.starts_with("pub(") || w == "const" || w == "async" || w == "unsafe" || w == "extern"
        });
        if !is_fn || (pos > 0 && !head.ends_with(' ')) {
            continue;
        }
        let name: String = t[pos + 3..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        // From the signature to the brace that closes the body.
        let mut depth = 0i32;
        let mut opened = false;
        let mut end = None;
        'scan: for (k, l) in lines.iter().enumerate().skip(start) {
            for c in l.chars() {
                match c {
                    ';' if !opened && depth == 0 => break 'scan,
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => {
                        depth -= 1;
                        if opened && depth == 0 {
                            end = Some(k);
                            break 'scan;
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(end) = end {
            let n = end - start + 1;
            if n > MAX_FN_LINES {
                out.push(format!("{rel}:{} {name} ({n} lines)", start + 1));
            }
        }
    }
    out
}

fn all_sources(dir: &str) -> Vec<Source> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    read_tree(&base, &base, &mut out);
    out
}

#[test]
fn core_layers_import_only_downwards_and_in_no_circle() {
    let files = all_sources("src/core");
    let f = check_core(&files);
    assert!(
        f.upward.is_empty() && f.cycles.is_empty(),
        "imports from a layer above:\n{}\nimport circles in src/core:\n{}",
        f.upward.join("\n"),
        f.cycles.join("\n")
    );
}

#[test]
fn files_and_functions_stay_short() {
    let mut problems = Vec::new();
    for s in all_sources("src") {
        let n = s.text.lines().count();
        if n > MAX_FILE_LINES {
            problems.push(format!("src/{}: {n} lines (at most {MAX_FILE_LINES})", s.rel));
        }
        problems.extend(long_functions(&format!("src/{}", s.rel), &s.text));
    }
    assert!(problems.is_empty(), "too long:\n{}", problems.join("\n"));
}

fn src(rel: &str, text: &str) -> Source {
    Source { rel: rel.to_string(), text: text.to_string() }
}

fn planted_tree(extra: &[(&str, &str)]) -> Vec<Source> {
    let mut files = vec![
        src("mod.rs", "pub mod low;\npub mod high;\n"),
        src("low/mod.rs", "pub mod a;\npub mod b;\npub use a::*;\n"),
        src("low/a.rs", "pub struct Thing;\n"),
        src("low/b.rs", "use super::a::Thing;\n// crate::core::high::x in a comment is no import\n"),
        src("high/mod.rs", "pub mod x;\n"),
        src("high/x.rs", "use crate::core::low::Thing;\nuse crate::core::{low::b};\n"),
    ];
    files.extend(extra.iter().map(|(r, t)| src(r, t)));
    files
}

#[test]
fn the_checker_passes_a_clean_tree() {
    let f = check_core(&planted_tree(&[]));
    assert!(f.upward.is_empty() && f.cycles.is_empty(), "{f:?}");
}

#[test]
fn the_checker_finds_a_planted_upward_import() {
    let mut files = planted_tree(&[]);
    files[3] = src("low/b.rs", "use crate::core::high::x;\n");
    let f = check_core(&files);
    assert_eq!(f.upward.len(), 1, "{f:?}");
    assert!(f.upward[0].contains("low/b.rs"), "{f:?}");
}

#[test]
fn the_checker_finds_a_planted_cycle_through_a_re_export() {
    // a uses b by path; b uses `Thing`, which the layer re-exports from a.
    let mut files = planted_tree(&[]);
    files[2] = src("low/a.rs", "use super::b::Other;\npub struct Thing;\n");
    files[3] = src("low/b.rs", "use crate::core::low::Thing;\npub struct Other;\n");
    let f = check_core(&files);
    assert_eq!(f.cycles, vec!["low::a ⇄ low::b".to_string()], "{f:?}");
}

#[test]
fn the_checker_measures_functions_past_strings_and_chars() {
    let body: String = (0..130).map(|_| "    let s = \"}\"; let c = '{';\n").collect();
    let text = format!("pub fn long() {{\n{body}}}\nfn short() {{ '}}'; }}\n");
    let found = long_functions("x.rs", &text);
    assert_eq!(found, vec!["x.rs:1 long (132 lines)".to_string()]);
}

/// Browser tests wait on the app's own signals (a painted chart, the first-chart mark, a DOM
/// state, network idle), never on a clock: a fixed sleep is slow where the machine is fast and
/// flaky where it is slow.
#[test]
fn browser_tests_never_sleep() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let mut sleeps = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/browser").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".mjs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("UTF-8 test file");
        for (i, line) in text.lines().enumerate() {
            if line.contains("waitForTimeout(") || line.contains("setTimeout(r") {
                sleeps.push(format!("tests/browser/{name}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(sleeps.is_empty(), "fixed sleeps in browser tests:\n{}", sleeps.join("\n"));
}
