//! Money: the plan's currency (an ISO 4217 code), amounts as exact decimals, typed as
//! people write them (`1200`, `1,200`, `$1,200.50`) and shown with the currency's
//! symbol and thousands separators. No binary floating point in any sum.
//!
//! Why `rust_decimal`: a 96-bit integer with a decimal scale, so `0.1 + 0.2` is `0.3`
//! and an amount typed in cents stays in cents; it is well kept, has no unsafe in the
//! paths used here, and its checked operations let an overflow become "not known"
//! instead of a panic.

mod amount;
mod currency;

pub use amount::{
    AmountError, MAX_AMOUNT, decimal_of, format_amount, format_decimal, number_of, parse_amount,
    round,
};
pub use currency::{Currency, CurrencyError, suggest_from_locale};
pub use rust_decimal::Decimal;

use crate::plan::Plan;

/// The currency a plan counts in, or none while it has none (amounts then show without a
/// symbol). Never read from the machine, so a plan shows the same everywhere.
pub fn plan_currency(plan: &Plan) -> Currency {
    plan.currency
        .as_deref()
        .and_then(|code| Currency::from_code(code).ok())
        .unwrap_or_else(Currency::none)
}

/// Gives the plan a currency if it has none yet, from the locale (called when the first
/// amount is typed, so a plan keeps the currency it was answered in).
pub fn pin_currency(plan: &mut Plan) {
    if plan.currency.is_none() {
        plan.currency = suggest_from_locale().map(|c| c.code.to_string());
    }
}

/// Changes the plan's currency to the one a typed ISO 4217 code names (any case); the
/// amounts stay as typed. The one way every front end changes it (plain mode's
/// `currency CODE`, the wizard's currency box); an unknown code changes nothing.
pub fn set_currency(plan: &mut Plan, typed: &str) -> Result<Currency, CurrencyError> {
    let currency = Currency::from_code(typed)?;
    plan.currency = Some(currency.code.to_string());
    Ok(currency)
}

/// What the plan counts in, in a sentence: "Amounts are in euro (EUR)."
pub fn currency_sentence(plan: &Plan) -> String {
    match Currency::from_code(plan.currency.as_deref().unwrap_or("")) {
        Ok(c) => format!("Amounts are in {} ({}).", c.name, c.code),
        Err(_) => "No currency is chosen yet: the first amount takes your locale's.".to_string(),
    }
}

/// What is said once the currency is changed.
pub fn currency_changed(currency: &Currency) -> String {
    format!(
        "Amounts are now in {} ({}); the numbers stay as typed.",
        currency.name, currency.code
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::PlanName;
    use crate::questionnaire::{Catalog, DEFAULT_QUESTIONNAIRE};

    fn plan() -> Plan {
        let catalog = Catalog::load(None);
        let loaded = catalog.find(DEFAULT_QUESTIONNAIRE).unwrap();
        let now = "2026-12-01T09:00:00Z".parse().unwrap();
        Plan::new(&PlanName::new("Money").unwrap(), loaded, now)
    }

    #[test]
    fn a_known_code_sets_the_currency_and_an_unknown_one_changes_nothing() {
        let mut plan = plan();
        assert!(currency_sentence(&plan).starts_with("No currency is chosen yet"));
        let set = set_currency(&mut plan, " gbp ").unwrap();
        assert_eq!(plan.currency.as_deref(), Some("GBP"));
        assert_eq!(
            currency_changed(&set),
            "Amounts are now in pound sterling (GBP); the numbers stay as typed."
        );
        assert_eq!(
            currency_sentence(&plan),
            "Amounts are in pound sterling (GBP)."
        );
        let refused = set_currency(&mut plan, "pounds").unwrap_err();
        assert!(refused.to_string().contains("ISO 4217"), "{refused}");
        assert_eq!(plan.currency.as_deref(), Some("GBP"));
    }
}
