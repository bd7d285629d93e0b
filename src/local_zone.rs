//! The local time zone, for the dates people read (due dates, "last changed"). Found
//! once, from `/etc/localtime` read directly where it can be: asking for the zone's name
//! instead makes the date library scan the whole zoneinfo folder, which costs the wizard
//! a visible part of its start.

use std::sync::OnceLock;

use jiff::tz::TimeZone;

/// The local time zone (UTC when none can be found).
pub fn local_zone() -> TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(find).clone()
}

fn find() -> TimeZone {
    // `TZ` can name any zone or rule; the date library reads it properly.
    #[cfg(unix)]
    if std::env::var_os("TZ").is_none()
        && let Ok(data) = std::fs::read("/etc/localtime")
        && let Ok(zone) = TimeZone::tzif("localtime", &data)
    {
        return zone;
    }
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_zone_agrees_with_the_system_one_on_offsets() {
        let at: jiff::Timestamp = "2026-07-01T12:00:00Z".parse().unwrap();
        let system = TimeZone::try_system().unwrap_or(TimeZone::UTC);
        assert_eq!(local_zone().to_offset(at), system.to_offset(at));
    }
}
