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
    round, typed_sign,
};
pub use currency::{Currency, CurrencyError, suggest_from_locale};
pub use rust_decimal::Decimal;

use crate::plan::Plan;
use crate::questionnaire::{QuestionType, Questionnaire};

/// The currency a plan counts in, or none while it has none (amounts then show without a
/// symbol). Never read from the machine, so a plan shows the same everywhere.
pub fn plan_currency(plan: &Plan) -> Currency {
    plan.currency
        .as_deref()
        .and_then(|code| Currency::from_code(code).ok())
        .unwrap_or_else(Currency::none)
}

/// The currency an amount typed in a plan is read in, and the one the plan takes with
/// it when it has none yet: the currency its sign or code names (`€1200.50` is in euro,
/// whatever the locale), else the locale's. Shared by every front end that stores an
/// amount (the wizard, plain mode, `answer` and `import`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountCurrency {
    /// What the amount is read in.
    pub currency: Currency,
    /// The plan's currency from this amount on, when it has none yet; and whether it was
    /// typed with the amount (else it is the locale's).
    pub taken: Option<(Currency, bool)>,
}

impl AmountCurrency {
    /// The currency for an amount typed in a plan whose currency is `plan_currency`.
    pub fn for_typed(plan_currency: Option<&str>, typed: &str) -> AmountCurrency {
        if let Some(currency) = plan_currency.and_then(|code| Currency::from_code(code).ok()) {
            return AmountCurrency {
                currency,
                taken: None,
            };
        }
        let locale = suggest_from_locale();
        let taken = match Currency::named_by(&typed_sign(typed), locale) {
            Some(named) => Some((named, true)),
            None => locale.map(|l| (l, false)),
        };
        AmountCurrency {
            currency: taken.map_or_else(Currency::none, |(c, _)| c),
            taken,
        }
    }

    /// Once the amount is accepted: gives the plan the currency it takes, and says so in
    /// one sentence (`None` when the plan had one already).
    pub fn take(&self, plan_currency: &mut Option<String>) -> Option<String> {
        let (currency, typed) = self.taken?;
        *plan_currency = Some(currency.code.to_string());
        Some(if typed {
            format!(
                "Amounts are in {} ({}), as the first amount was typed; the currency typed wins over the locale's.",
                currency.name, currency.code
            )
        } else {
            format!(
                "Amounts are in {} ({}), your locale's currency.",
                currency.name, currency.code
            )
        })
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

/// What the plan counts in, in a sentence: "Amounts are in euro (EUR)."; without a
/// currency, how the amounts typed are shown, or what the first amount will choose.
pub fn currency_sentence(plan: &Plan, questionnaire: &Questionnaire) -> String {
    if let Ok(c) = Currency::from_code(plan.currency.as_deref().unwrap_or("")) {
        return format!("Amounts are in {} ({}).", c.name, c.code);
    }
    let has_amounts = plan.answers.iter().any(|(id, answer)| {
        answer.value.is_some()
            && questionnaire
                .question(id)
                .is_some_and(|q| q.kind == QuestionType::Money)
    });
    if has_amounts {
        "No currency is chosen yet: the amounts typed are shown without a symbol.".to_string()
    } else {
        "No currency is chosen yet: the first amount takes the currency typed with it, or \
         your locale's."
            .to_string()
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
        let questionnaire = &Catalog::load(None)
            .find(DEFAULT_QUESTIONNAIRE)
            .unwrap()
            .questionnaire
            .clone();
        assert!(currency_sentence(&plan, questionnaire).starts_with("No currency is chosen yet"));
        let set = set_currency(&mut plan, " gbp ").unwrap();
        assert_eq!(plan.currency.as_deref(), Some("GBP"));
        assert_eq!(
            currency_changed(&set),
            "Amounts are now in pound sterling (GBP); the numbers stay as typed."
        );
        assert_eq!(
            currency_sentence(&plan, questionnaire),
            "Amounts are in pound sterling (GBP)."
        );
        let refused = set_currency(&mut plan, "pounds").unwrap_err();
        assert!(refused.to_string().contains("ISO 4217"), "{refused}");
        assert_eq!(plan.currency.as_deref(), Some("GBP"));
    }
}
