//! Every CBS gemeente of the years the site knows (issue 27): code, the name of each year (the
//! spelling changes: "Hengelo" up to 2023, "Hengelo (O.)" from 2024), first and last year,
//! province, a point inside it, and for a gemeente that vanished in a herindeling the gemeente it
//! became part of. Read from `public/geo/gemeenten.json` by `core::read::gemeenten`.

/// A province (code `PV20`–`PV31`, name as CBS writes it: "Fryslân").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    pub code: String,
    pub name: String,
}

/// One CBS gemeente over the years it existed.
#[derive(Debug, Clone, PartialEq)]
pub struct Gemeente {
    pub code: String,
    /// (first year of this spelling, name), oldest first; the first one's year is the first year.
    pub names: Vec<(u16, String)>,
    /// The last year of its own (1 January of that year).
    pub last: u16,
    /// The province's code.
    pub province: String,
    /// A point inside it (longitude, latitude), for "nearby".
    pub point: [f64; 2],
    /// After its last year: the gemeente that got most of its land.
    pub part_of: Option<String>,
    /// Others that got a large part of it (a gemeente split up).
    pub also: Vec<String>,
}

impl Gemeente {
    pub fn first(&self) -> u16 {
        self.names.first().map_or(self.last, |n| n.0)
    }
    /// Whether it existed on 1 January of `year`.
    pub fn in_year(&self, year: u16) -> bool {
        (self.first()..=self.last).contains(&year)
    }
    /// Its name in `year` (the nearest spelling outside its years).
    pub fn name_in(&self, year: u16) -> &str {
        self.names.iter().rev().find(|n| n.0 <= year).or(self.names.first()).map_or("", |n| n.1.as_str())
    }
    /// Its latest name.
    pub fn name(&self) -> &str {
        self.names.last().map_or("", |n| n.1.as_str())
    }
}

/// The gemeenten of every year, in code order, and the provinces.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Gemeenten {
    /// First and last year covered.
    pub years: (u16, u16),
    pub provinces: Vec<Province>,
    pub gemeenten: Vec<Gemeente>,
}

impl Gemeenten {
    pub fn get(&self, code: &str) -> Option<&Gemeente> {
        self.gemeenten.binary_search_by(|g| g.code.as_str().cmp(code)).ok().and_then(|i| self.gemeenten.get(i))
    }
    /// The gemeenten of one year.
    pub fn of_year(&self, year: u16) -> impl Iterator<Item = &Gemeente> + '_ {
        self.gemeenten.iter().filter(move |g| g.in_year(year))
    }
    pub fn province(&self, code: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code == code)
    }
    /// Where a gemeente's land is now: following `part_of` to a gemeente of the last year.
    pub fn now_part_of(&self, code: &str) -> Option<&Gemeente> {
        let mut g = self.get(code)?;
        for _ in 0..self.gemeenten.len() {
            if g.last >= self.years.1 {
                return Some(g);
            }
            g = self.get(g.part_of.as_deref()?)?;
        }
        None
    }
}
