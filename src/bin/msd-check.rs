//! `cargo run --bin msd-check -- public/data`: checks a data folder and reports every problem
//! in Dutch. Exit code 0 when the data are valid, 1 when not, 2 when the folder can't be read.

use monitor_sociaal_domein::core::model::narrative::{FindingKind, Grade};
use monitor_sociaal_domein::core::{check::contradictions, check::crosscheck, check::report, present::dcat};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list_inconsistencies = args.iter().any(|a| a == "--inconsistenties");
    let flag_values: Vec<usize> = args
        .iter()
        .enumerate()
        .filter(|(_, a)| matches!(a.as_str(), "--basis" | "--uitgever" | "--email"))
        .map(|(i, _)| i + 1)
        .collect();
    let dir = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && !flag_values.contains(i))
        .map(|(_, a)| a.clone())
        .unwrap_or_else(|| "public/data".into());
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
    if args.iter().any(|a| a == "--dcat") {
        // `--dcat [--basis https://…/monitor/] [--uitgever NAAM]`: the DCAT-AP-DONL catalogue.
        let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
        let publisher = dcat::Publisher {
            name: value("--uitgever").unwrap_or_else(|| "Monitor Sociaal Domein".into()),
            email: value("--email"),
        };
        let Some(m) = r.manifest.as_ref() else {
            eprintln!("manifest.json ontbreekt of is ongeldig");
            return ExitCode::from(1);
        };
        if !r.problems.is_empty() {
            for p in &r.problems {
                eprintln!("{p}");
            }
            eprintln!("Geen catalogus gemaakt: los eerst de {} problemen op.", r.problems.len());
            return ExitCode::from(1);
        }
        print!("{}", dcat::catalogue_text(m, &r.datasets, &publisher, &value("--basis").unwrap_or_default()));
        return ExitCode::SUCCESS;
    }
    let cross = r.manifest.as_ref().map(|m| crosscheck::run(&r.datasets, m)).unwrap_or_default();
    if list_inconsistencies {
        print!("{}", contradictions::markdown(&cross));
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
    println!(
        "{} uitspraken uit de lopende tekst, {} beweringen, {} koppelingen; {} bevestigd door een tweede plaats, {} beweringen kloppen, {} cijfers uit de tekst nagerekend",
        cross.statements, cross.claims, cross.links, cross.confirmed, cross.claims_hold, cross.recomputed
    );
    println!(
        "{} tegenstrijdigheden: {} duidelijk, {} klein (binnen afronding), {} formulering of mogelijk",
        cross.findings.len(),
        cross.count(Grade::Duidelijk),
        cross.count(Grade::Klein),
        cross.count(Grade::Formulering)
    );
    for kind in FindingKind::ALL {
        let n = cross.findings.iter().filter(|f| f.kind == kind).count();
        if n > 0 {
            println!("  {}: {n}", kind.name());
        }
    }
    if r.problems.is_empty() {
        println!("Geen problemen gevonden.");
        ExitCode::SUCCESS
    } else {
        println!("{} problemen gevonden.", r.problems.len());
        ExitCode::from(1)
    }
}
