//! Table tests of amounts typed and shown.

use super::*;

fn usd() -> Currency {
    Currency::from_code("USD").unwrap()
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

#[test]
fn amounts_are_read_as_people_type_them() {
    for (typed, wanted) in [
        ("1200", "1200"),
        ("1,200", "1200"),
        ("1200.50", "1200.5"),
        ("1,200.50", "1200.5"),
        ("$1,200.50", "1200.5"),
        ("1200 USD", "1200"),
        ("usd 95", "95"),
        (" 2 000 ", "2000"),
        ("1'200", "1200"),
        ("1.200,50", "1200.5"),
        ("1.200.000", "1200000"),
        ("1,200,000", "1200000"),
        ("12,00,000", "1200000"),
        ("+95", "95"),
        ("0", "0"),
        ("0.5", "0.5"),
    ] {
        assert_eq!(parse_amount(typed, &usd()), Ok(dec(wanted)), "{typed}");
    }
}

#[test]
fn what_reads_two_ways_is_refused_with_how_to_type_it() {
    for typed in ["1.200", "12,50", "1,20", "1,2345", "1.2.3"] {
        let refused = parse_amount(typed, &usd()).unwrap_err();
        assert_eq!(
            refused,
            AmountError::Ambiguous(typed.to_string()),
            "{typed}"
        );
        assert!(refused.to_string().contains("type the cents after a point"));
    }
}

#[test]
fn other_mistakes_say_what_to_do() {
    let cases: [(&str, AmountError); 9] = [
        ("", AmountError::Empty),
        ("-5", AmountError::Negative),
        ("$-5", AmountError::Negative),
        ("(300)", AmountError::Negative),
        ("twelve", AmountError::NotAnAmount("twelve".into())),
        // Three letters and no digits: a word, not an amount in another currency.
        ("abc", AmountError::NotAnAmount("abc".into())),
        ("EUR", AmountError::NotAnAmount("EUR".into())),
        ("€", AmountError::NotAnAmount("€".into())),
        ("99999999999999", AmountError::TooLarge),
    ];
    for (typed, wanted) in cases {
        assert_eq!(parse_amount(typed, &usd()), Err(wanted), "{typed}");
    }
    assert_eq!(
        parse_amount("€95", &usd()).unwrap_err().to_string(),
        "This plan counts in USD; type the amount in USD, without \"€\"."
    );
    assert_eq!(
        parse_amount("1.505", &usd()),
        Err(AmountError::Ambiguous("1.505".into()))
    );
    let yen = Currency::from_code("JPY").unwrap();
    assert_eq!(
        parse_amount("1200.5", &yen).unwrap_err().to_string(),
        "Amounts in JPY have at most 0 decimals; type it like ¥1,201."
    );
}

#[test]
fn a_plan_without_currency_takes_any_sign() {
    assert_eq!(parse_amount("€95", &Currency::none()), Ok(dec("95")));
}

#[test]
fn amounts_show_with_symbol_separators_and_decimals() {
    let eur = Currency::from_code("EUR").unwrap();
    let chf = Currency::from_code("CHF").unwrap();
    let yen = Currency::from_code("JPY").unwrap();
    for (amount, currency, wanted) in [
        ("1200.5", usd(), "$1,200.50"),
        ("95", eur, "€95.00"),
        ("-300", usd(), "-$300.00"),
        ("1234567.891", usd(), "$1,234,567.89"),
        ("0.005", usd(), "$0.01"),
        ("-0.005", usd(), "-$0.01"),
        ("1200", chf, "CHF 1,200.00"),
        ("1200.5", yen, "¥1,201"),
        ("100", Currency::none(), "100.00"),
    ] {
        assert_eq!(format_amount(dec(amount), &currency), wanted, "{amount}");
    }
    assert_eq!(format_decimal(dec("1200"), 2), "1,200");
    assert_eq!(format_decimal(dec("12.50"), 2), "12.5");
    assert_eq!(format_decimal(dec("2.125"), 2), "2.13");
    assert_eq!(format_decimal(dec("-1234.5"), 1), "-1,234.5");
}

#[test]
fn plan_numbers_come_back_as_the_decimals_typed() {
    for text in ["0.1", "1200.5", "9999999999999.99", "95", "0.07"] {
        let number = number_of(dec(text));
        assert_eq!(decimal_of(number), Some(dec(text)), "{text}");
    }
    assert_eq!(decimal_of(f64::NAN), None);
    assert_eq!(MAX_AMOUNT, dec("10000000000000"));
}
