//! DCAT-AP-DONL catalogue (JSON-LD) of a monitor's datasets; filled in below.
