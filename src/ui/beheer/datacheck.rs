//! The data check page (`beheer.html?pagina=datacheck`, linked from the docs, not from the public
//! navigation): a policy officer drops CSV and JSON files; they are checked in the browser with
//! the same readers the monitor uses, every problem is listed with row and column, and the guided
//! flow (`ui::guided`) makes the dataset files and the updated `manifest.json` (issue 15).

use leptos::prelude::*;

#[component]
pub fn DataCheckPage() -> impl IntoView {
    view! {
        <h1>"Gegevenscontrole"</h1>
        <p>"Controleer ingevulde sjablonen (CSV), "<code>"manifest.json"</code>", "<code>"config.json"</code>" en gegevensbestanden voordat u ze op de site zet, "
           "en maak in vijf stappen de bestanden voor de map "<code>"data"</code>". "
           "De bestanden blijven op uw computer: ze worden in deze browser gecontroleerd en nergens naartoe gestuurd. "
           "Uitleg met een volledig voorbeeld: docs/hosten.md, hoofdstuk 4."</p>
        <p>"Sjablonen: "<a href="sjablonen/per-gebied.csv" download>"per gebied (CSV)"</a>" en "<a href="sjablonen/per-jaar.csv" download>"per jaar (CSV)"</a>"."</p>
        <crate::ui::guided::GuidedFlow/>
    }
}
