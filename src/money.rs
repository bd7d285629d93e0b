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
