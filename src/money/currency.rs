//! Currencies: the ISO 4217 codes a plan may count in, with symbol and decimals, and the
//! suggestion from the locale (`LC_ALL`, `LC_MONETARY`, `LANG`).

/// A currency: its code, the symbol amounts are shown with, and its decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    /// The ISO 4217 code (`EUR`); empty for "no currency chosen".
    pub code: &'static str,
    /// Shown before an amount (`€`), or the code and a space where there is no symbol.
    pub symbol: &'static str,
    pub name: &'static str,
    /// Digits after the decimal point (2 for most, 0 for the yen).
    pub decimals: u32,
}

/// A code that is not a currency this build knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a currency code outready knows: type a three-letter ISO 4217 code such \
     as USD, EUR, GBP, CAD, AUD or CHF"
)]
pub struct CurrencyError(pub String);

/// The currencies outready knows, by code.
const KNOWN: &[Currency] = &[
    c("AUD", "A$", "Australian dollar", 2),
    c("BRL", "R$", "Brazilian real", 2),
    c("CAD", "CA$", "Canadian dollar", 2),
    c("CHF", "CHF ", "Swiss franc", 2),
    c("CNY", "CN¥", "Chinese yuan", 2),
    c("CZK", "CZK ", "Czech koruna", 2),
    c("DKK", "DKK ", "Danish krone", 2),
    c("EUR", "€", "euro", 2),
    c("GBP", "£", "pound sterling", 2),
    c("HKD", "HK$", "Hong Kong dollar", 2),
    c("HUF", "HUF ", "Hungarian forint", 2),
    c("ILS", "₪", "Israeli new shekel", 2),
    c("INR", "₹", "Indian rupee", 2),
    c("JPY", "¥", "Japanese yen", 0),
    c("KRW", "₩", "South Korean won", 0),
    c("MXN", "MX$", "Mexican peso", 2),
    c("NOK", "NOK ", "Norwegian krone", 2),
    c("NZD", "NZ$", "New Zealand dollar", 2),
    c("PLN", "PLN ", "Polish złoty", 2),
    c("SEK", "SEK ", "Swedish krona", 2),
    c("SGD", "S$", "Singapore dollar", 2),
    c("TRY", "TRY ", "Turkish lira", 2),
    c("USD", "$", "US dollar", 2),
    c("ZAR", "R ", "South African rand", 2),
];

const fn c(
    code: &'static str,
    symbol: &'static str,
    name: &'static str,
    decimals: u32,
) -> Currency {
    Currency {
        code,
        symbol,
        name,
        decimals,
    }
}

/// Which currency a country (the region of a locale, `en_GB`) uses.
const BY_REGION: &[(&str, &str)] = &[
    ("AT", "EUR"),
    ("AU", "AUD"),
    ("BE", "EUR"),
    ("BR", "BRL"),
    ("CA", "CAD"),
    ("CH", "CHF"),
    ("CN", "CNY"),
    ("CY", "EUR"),
    ("CZ", "CZK"),
    ("DE", "EUR"),
    ("DK", "DKK"),
    ("EE", "EUR"),
    ("ES", "EUR"),
    ("FI", "EUR"),
    ("FR", "EUR"),
    ("GB", "GBP"),
    ("GR", "EUR"),
    ("HK", "HKD"),
    ("HR", "EUR"),
    ("HU", "HUF"),
    ("IE", "EUR"),
    ("IL", "ILS"),
    ("IN", "INR"),
    ("IT", "EUR"),
    ("JP", "JPY"),
    ("KR", "KRW"),
    ("LT", "EUR"),
    ("LU", "EUR"),
    ("LV", "EUR"),
    ("MT", "EUR"),
    ("MX", "MXN"),
    ("NL", "EUR"),
    ("NO", "NOK"),
    ("NZ", "NZD"),
    ("PL", "PLN"),
    ("PT", "EUR"),
    ("SE", "SEK"),
    ("SG", "SGD"),
    ("SI", "EUR"),
    ("SK", "EUR"),
    ("TR", "TRY"),
    ("UK", "GBP"),
    ("US", "USD"),
    ("ZA", "ZAR"),
];

impl Currency {
    /// The currency with this ISO 4217 code (any case).
    pub fn from_code(code: &str) -> Result<Currency, CurrencyError> {
        let wanted = code.trim().to_ascii_uppercase();
        KNOWN
            .iter()
            .find(|c| c.code == wanted)
            .copied()
            .ok_or_else(|| CurrencyError(code.trim().to_string()))
    }

    /// No currency chosen: amounts show with two decimals and no symbol.
    pub fn none() -> Currency {
        c("", "", "no currency", 2)
    }

    /// Every currency outready knows.
    pub fn all() -> &'static [Currency] {
        KNOWN
    }

    /// Whether a sign typed with an amount can name this currency: its code (any
    /// case), its symbol, or one character of its symbol (`$` for `CA$`).
    pub fn is_named_by(&self, sign: &str) -> bool {
        sign.eq_ignore_ascii_case(self.code)
            || self.symbol.trim() == sign
            || (sign.chars().count() == 1 && self.symbol.contains(sign))
    }

    /// The one currency a sign typed with an amount names (`€`, `eur`, `CA$`): among
    /// several it could name (`$`, `¥`), the locale's if it is one of them, else the one
    /// whose code or symbol it is exactly (`$` the US dollar, `¥` the yen).
    pub fn named_by(sign: &str, locale: Option<Currency>) -> Option<Currency> {
        let sign = sign.trim();
        if sign.is_empty() {
            return None;
        }
        let could: Vec<&Currency> = KNOWN.iter().filter(|c| c.is_named_by(sign)).collect();
        if let Some(locale) = locale.filter(|l| could.contains(&l)) {
            return Some(locale);
        }
        let exact: Vec<&Currency> = could
            .iter()
            .copied()
            .filter(|c| sign.eq_ignore_ascii_case(c.code) || c.symbol.trim() == sign)
            .collect();
        match (exact.as_slice(), could.as_slice()) {
            ([one], _) | ([], [one]) => Some(**one),
            _ => None,
        }
    }

    /// The currency a locale name (`en_GB.UTF-8`, `de-CH`) suggests, if its region is known.
    pub fn for_locale(locale: &str) -> Option<Currency> {
        let base = locale.split(['.', '@']).next()?;
        let region = base.split(['_', '-']).nth(1)?.to_ascii_uppercase();
        let code = BY_REGION.iter().find(|(r, _)| *r == region)?.1;
        Currency::from_code(code).ok()
    }
}

/// The currency the environment's locale suggests: the first of `LC_ALL`,
/// `LC_MONETARY` and `LANG` that is set and names a known region.
pub fn suggest_from_locale() -> Option<Currency> {
    ["LC_ALL", "LC_MONETARY", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|locale| Currency::for_locale(&locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_in_any_case_and_unknown_ones_refused() {
        assert_eq!(Currency::from_code("eur").map(|c| c.symbol), Ok("€"));
        assert_eq!(Currency::from_code(" GBP ").map(|c| c.code), Ok("GBP"));
        let refused = Currency::from_code("EURO").unwrap_err();
        assert!(refused.to_string().contains("ISO 4217"), "{refused}");
    }

    #[test]
    fn a_typed_sign_names_one_currency_and_the_locale_settles_a_shared_one() {
        let named = |sign: &str, locale: Option<&str>| {
            let locale = locale.and_then(|l| Currency::from_code(l).ok());
            Currency::named_by(sign, locale).map(|c| c.code)
        };
        assert_eq!(named("€", None), Some("EUR"));
        assert_eq!(named("eur", Some("GBP")), Some("EUR"), "the sign wins");
        assert_eq!(named("CA$", None), Some("CAD"));
        assert_eq!(named("$", None), Some("USD"));
        assert_eq!(named("$", Some("CAD")), Some("CAD"));
        assert_eq!(named("$", Some("EUR")), Some("USD"));
        assert_eq!(named("¥", Some("CNY")), Some("CNY"));
        assert_eq!(named("¥", None), Some("JPY"));
        assert_eq!(named("kr", None), None);
        assert_eq!(named("", Some("EUR")), None);
    }

    #[test]
    fn locales_suggest_their_country_currency() {
        for (locale, code) in [
            ("en_GB.UTF-8", Some("GBP")),
            ("de_DE", Some("EUR")),
            ("de-CH", Some("CHF")),
            ("en_US.UTF-8@x", Some("USD")),
            ("ja_JP", Some("JPY")),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("xx_ZZ", None),
        ] {
            assert_eq!(
                Currency::for_locale(locale).map(|c| c.code),
                code,
                "{locale}"
            );
        }
    }

    #[test]
    fn every_known_currency_has_a_region_or_a_symbol_and_a_unique_code() {
        let mut codes: Vec<_> = KNOWN.iter().map(|c| c.code).collect();
        codes.dedup();
        assert_eq!(codes.len(), KNOWN.len(), "codes are sorted and unique");
        for (_, code) in BY_REGION {
            assert!(Currency::from_code(code).is_ok(), "{code}");
        }
    }
}
