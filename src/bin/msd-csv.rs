//! `cargo run --bin msd-csv -- FILE.csv [--regio ID] [--manifest public/data/manifest.json]`:
//! converts a filled-in CSV template (`public/sjablonen/`) into a dataset file. Prints the JSON
//! to stdout; or every problem, in Dutch with row and column, to stderr with exit code 1.
//! Exit code 2 when a file can't be read or the arguments are wrong.

use monitor_sociaal_domein::core::kit::csv_import;
use std::process::ExitCode;

const USAGE: &str = "gebruik: msd-csv BESTAND.csv [--regio ID] [--manifest public/data/manifest.json]";

fn main() -> ExitCode {
    let mut file = None;
    let mut region = None;
    let mut manifest_path = "public/data/manifest.json".to_owned();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--regio" | "--region" => region = args.next(),
            "--manifest" => match args.next() {
                Some(m) => manifest_path = m,
                None => return usage("--manifest zonder bestandsnaam"),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => return usage(&format!("onbekende optie {s}")),
            _ if file.is_some() => return usage("geef één CSV-bestand op"),
            _ => file = Some(a),
        }
    }
    let Some(file) = file else { return usage("geen CSV-bestand opgegeven") };

    let manifest_text = match std::fs::read(&manifest_path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("{manifest_path} kan niet worden gelezen: {e}");
            return ExitCode::from(2);
        }
    };
    let manifest = match monitor_sociaal_domein::core::check::strict::manifest_file("manifest.json", &manifest_text) {
        Ok(m) => m,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{manifest_path} is niet in orde; los dat eerst op (cargo run --bin msd-check).");
            return ExitCode::from(2);
        }
    };
    let bytes = match std::fs::read(&file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{file} kan niet worden gelezen: {e}");
            return ExitCode::from(2);
        }
    };
    let name = std::path::Path::new(&file).file_name().map_or(file.clone(), |n| n.to_string_lossy().into_owned());
    let text = csv_import::decode_bytes(&bytes);
    let table = match csv_import::convert(&name, &text, &manifest) {
        Ok(t) => t,
        Err(problems) => {
            for p in &problems {
                eprintln!("{name}: {}", p.without_file());
            }
            eprintln!(
                "{} {} gevonden; er is niets omgezet.",
                problems.len(),
                if problems.len() == 1 { "probleem" } else { "problemen" }
            );
            return ExitCode::from(1);
        }
    };
    let region = match region {
        Some(r) if manifest.regions.iter().any(|x| x.id == r) => r,
        Some(r) => {
            let known: Vec<&str> = manifest.regions.iter().map(|x| x.id.as_str()).collect();
            eprintln!("onbekende regio \"{r}\"; bekend zijn: {}", known.join(", "));
            return ExitCode::from(2);
        }
        None => match csv_import::guess_region(&table, &manifest) {
            Some(r) => r,
            None => {
                let known: Vec<&str> = manifest.regions.iter().map(|x| x.id.as_str()).collect();
                eprintln!(
                    "de regio is niet af te leiden uit de gebieden in de tabel; geef haar op met --regio ({})",
                    known.join(", ")
                );
                return ExitCode::from(2);
            }
        },
    };
    print!("{}", csv_import::to_dataset_json(&table, &region));
    eprintln!(
        "{name}: in orde; tabel {} met {} waarden. Bewaar de uitvoer als {region}-{}.json in public/data (of voeg de tabel toe aan dat bestand) en zet het in manifest.json.",
        table.id,
        table.values.len(),
        table.theme.id()
    );
    ExitCode::SUCCESS
}

fn usage(why: &str) -> ExitCode {
    eprintln!("{why}\n{USAGE}");
    ExitCode::from(2)
}
