//! `cargo run --bin msd-check -- public/data`: checks a data folder and reports every problem
//! in Dutch. Exit code 0 when the data are valid, 1 when not, 2 when the folder can't be read.

use monitor_sociaal_domein::core::report;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list_inconsistencies = args.iter().any(|a| a == "--inconsistenties");
    let dir = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "public/data".into());
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("De map {dir} kan niet worden gelezen: {e}");
            return ExitCode::from(2);
        }
    };
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".json") {
            continue;
        }
        match std::fs::read(entry.path()) {
            Ok(bytes) => files.push((name, String::from_utf8_lossy(&bytes).into_owned())),
            Err(e) => eprintln!("{name}: kan niet worden gelezen: {e}"),
        }
    }
    files.sort();
    let r = report::check_folder(&files);
    if list_inconsistencies {
        print!("{}", report::inconsistencies_markdown(&r));
        return if r.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) };
    }
    for p in &r.problems {
        println!("{p}");
    }
    let tables: usize = r.per_seed.values().map(|x| x.0).sum();
    let values: usize = r.per_seed.values().map(|x| x.1).sum();
    println!("{} bestanden, {tables} tabellen, {values} waarden", files.len());
    for (seed, (t, v)) in &r.per_seed {
        println!("  bron {seed}: {t} tabellen, {v} waarden");
    }
    println!(
        "{} gepubliceerde afgeleide cijfers en totalen herberekend; {} wijken af zonder gedocumenteerde inconsistentie; {} gedocumenteerde inconsistenties",
        r.recomputed, r.undocumented_differences, r.inconsistencies
    );
    if r.problems.is_empty() {
        println!("Geen problemen gevonden.");
        ExitCode::SUCCESS
    } else {
        println!("{} problemen gevonden.", r.problems.len());
        ExitCode::from(1)
    }
}
