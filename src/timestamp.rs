//! `Timestamp`: an instant in whole seconds since the Unix epoch, parsed from an XML Schema
//! `dateTimeStamp` / RFC 3339 string. Parsing only; judging dates against `now` is in `checks`.
//! The core never reads the clock: `now` always comes in as an argument.

use core::fmt;

/// Seconds since 1970-01-01T00:00:00Z (fractional seconds are truncated).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The instant `seconds` after the Unix epoch.
    pub const fn from_unix_seconds(seconds: i64) -> Self {
        Self(seconds)
    }

    /// Seconds since the Unix epoch.
    pub const fn unix_seconds(self) -> i64 {
        self.0
    }

    /// This instant moved by `seconds` (saturating).
    pub const fn plus_seconds(self, seconds: i64) -> Self {
        Self(self.0.saturating_add(seconds))
    }

    /// Parses `YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`. A time zone is required (VC 2.0
    /// `dateTimeStamp`); a date without one names no single instant.
    ///
    /// # Errors
    /// `None` when the text is not such a date-time or names an impossible date.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let digits = |from: usize, len: usize| -> Option<i64> {
            let slice = bytes.get(from..from + len)?;
            slice.iter().try_fold(0i64, |acc, &b| b.is_ascii_digit().then(|| acc * 10 + i64::from(b - b'0')))
        };
        let at = |i: usize| bytes.get(i).copied();
        let year = digits(0, 4)?;
        let month = digits(5, 2)?;
        let day = digits(8, 2)?;
        let hour = digits(11, 2)?;
        let minute = digits(14, 2)?;
        let second = digits(17, 2)?;
        let separators_ok = at(4) == Some(b'-')
            && at(7) == Some(b'-')
            && matches!(at(10), Some(b'T' | b't'))
            && at(13) == Some(b':')
            && at(16) == Some(b':');
        if !separators_ok
            || !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let mut rest = bytes.get(19..)?;
        if let Some((b'.', fraction)) = rest.split_first() {
            let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if count == 0 {
                return None;
            }
            rest = fraction.get(count..)?;
        }
        let offset_seconds = match rest {
            [b'Z' | b'z'] => 0,
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let two = |a: u8, b: u8| -> Option<i64> {
                    (a.is_ascii_digit() && b.is_ascii_digit()).then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
                };
                let (h, m) = (two(*h1, *h2)?, two(*m1, *m2)?);
                if h > 23 || m > 59 {
                    return None;
                }
                let magnitude = h * 3600 + m * 60;
                if *sign == b'-' {
                    -magnitude
                } else {
                    magnitude
                }
            }
            _ => return None,
        };
        let days = days_from_civil(year, month, day);
        Some(Self(days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds))
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC, e.g. `2024-01-31T12:00:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.0.div_euclid(86_400);
        let seconds = self.0.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        write!(f, "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_offsets_and_fractions() {
        let t = |s| Timestamp::parse(s).map(Timestamp::unix_seconds);
        assert_eq!(t("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(t("2023-01-01T00:00:00Z"), Some(1_672_531_200));
        assert_eq!(t("2023-01-01T01:00:00+01:00"), Some(1_672_531_200));
        assert_eq!(t("2022-12-31T23:00:00-01:00"), Some(1_672_531_200));
        assert_eq!(t("2023-01-01T00:00:00.999Z"), Some(1_672_531_200));
        assert_eq!(t("2024-02-29T00:00:00z"), Some(1_709_164_800));
    }

    #[test]
    fn rejects_what_names_no_instant() {
        for bad in [
            "",
            "2023-01-01",
            "2023-01-01T00:00:00",
            "2023-02-29T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-01-01T24:00:00Z",
            "2023-01-01T00:00:00.Z",
            "2023-01-01T00:00:00+0100",
            "2023-01-01 00:00:00Z",
            "２０２３-01-01T00:00:00Z",
            "2023-01-01T00:00:00Zjunk",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn displays_as_rfc3339_utc_and_round_trips() {
        for s in ["1970-01-01T00:00:00Z", "2000-02-29T12:34:56Z", "1969-12-31T23:59:59Z"] {
            let parsed = Timestamp::parse(s).unwrap();
            assert_eq!(parsed.to_string(), s);
        }
    }
}
