//! The HTML report as people print it and as assistive technology reads it: one `<main>`
//! and every part inside a landmark (axe-core's `landmark-one-main` and `region`), text
//! colours at 7:1 on their backgrounds, the plan's name and the page number in the
//! page's margins, and tables that repeat their section's name on each printed page.

use std::collections::HashMap;
use std::path::Path;

use jiff::tz::TimeZone;
use outready::plan::store::load_path;
use outready::questionnaire::load::load_file;
use outready::report::{Detail, Format, Report};
use scraper::{ElementRef, Html, Selector};

const STYLESHEET: &str = include_str!("../../assets/report.css");

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn report(name: &str) -> Report {
    let questionnaire = load_file(&fixture("tests/fixtures/questionnaires/valid/small.json"))
        .expect("the small questionnaire loads")
        .questionnaire;
    let mut plan = load_path(&fixture("tests/fixtures/plans/acme.json")).expect("the plan loads");
    plan.name = name.to_string();
    Report::build(&questionnaire, &plan, &TimeZone::UTC)
}

fn select<'a>(document: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    document.select(&selector).collect()
}

/// The landmark an element is, if it is one at the top of the body.
fn landmark(element: &ElementRef<'_>) -> Option<&'static str> {
    match element.value().name() {
        "header" => Some("banner"),
        "main" => Some("main"),
        "footer" => Some("contentinfo"),
        "nav" => Some("navigation"),
        "aside" => Some("complementary"),
        _ => None,
    }
}

#[test]
fn one_main_and_every_part_inside_a_landmark() {
    for detail in [Detail::Full, Detail::Summary] {
        let page = report("Acme").render_detail(Format::Html, detail).unwrap();
        let document = Html::parse_document(&page);
        assert_eq!(select(&document, "main").len(), 1, "{detail:?}");
        let body = select(&document, "body");
        let top: Vec<ElementRef<'_>> = body[0].children().filter_map(ElementRef::wrap).collect();
        let landmarks: Vec<Option<&str>> = top.iter().map(landmark).collect();
        assert_eq!(
            landmarks,
            [Some("banner"), Some("main"), Some("contentinfo")],
            "{detail:?}: every element at the top of the body is a landmark"
        );
        // No text outside the landmarks either.
        let stray: String = body[0]
            .children()
            .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
            .collect();
        assert!(stray.trim().is_empty(), "{stray:?}");
        // Every part is in the main landmark, and the page's only h1 is in the banner.
        assert_eq!(
            select(&document, "main > section").len(),
            select(&document, "section").len()
        );
        assert_eq!(select(&document, "header > h1").len(), 1);
        assert_eq!(
            select(&document, "main h2").len(),
            select(&document, "h2").len()
        );
    }
}

/// A colour's relative luminance (WCAG 2).
fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    assert_eq!(hex.len(), 6, "colours are written #rrggbb: {hex}");
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The stylesheet's custom colours: `--name: #rrggbb`.
fn variables() -> HashMap<String, String> {
    STYLESHEET
        .lines()
        .filter_map(|line| line.trim().strip_prefix("--"))
        .filter_map(|rest| rest.split_once(':'))
        .map(|(name, value)| {
            (
                name.trim().to_string(),
                value.trim().trim_end_matches(';').to_string(),
            )
        })
        .collect()
}

/// Every colour the stylesheet writes text in: each `color:` and each text `fill:`
/// declaration, its variable resolved.
fn text_colours(vars: &HashMap<String, String>) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for declaration in STYLESHEET.split([';', '{', '}']) {
        let declaration = declaration.trim();
        let value = declaration.strip_prefix("color:").or_else(|| {
            declaration
                .strip_prefix("fill:")
                .filter(|_| !declaration.contains("--bar"))
        });
        let Some(value) = value.map(str::trim) else {
            continue;
        };
        if value == "currentColor" || value == "inherit" {
            continue;
        }
        let resolved = match value.strip_prefix("var(--") {
            Some(name) => vars[name.trim_end_matches(')')].clone(),
            None => value.to_string(),
        };
        found.push((declaration.to_string(), resolved));
    }
    found
}

#[test]
fn every_text_colour_reads_at_seven_to_one_on_the_page_and_the_panel() {
    let vars = variables();
    let colours = text_colours(&vars);
    // The ink, the muted text, and the tags' colours (a tag's text is its colour).
    assert!(colours.len() >= 12, "{colours:?}");
    for tag in ["bad", "warn", "good", "bar"] {
        assert!(
            STYLESHEET.contains(&format!("color: var(--{tag})")),
            "{tag}"
        );
    }
    for background in ["page", "panel"] {
        let behind = &vars[background];
        for (declaration, colour) in &colours {
            let ratio = contrast(colour, behind);
            assert!(
                ratio >= 7.0,
                "{declaration} is {ratio:.2}:1 on --{background} ({behind})"
            );
        }
    }
    // The check itself: the colours of the first version fell short.
    assert!(contrast("#5a6570", "#ffffff") < 7.0);
}

#[test]
fn every_printed_page_carries_the_plan_name_and_its_number() {
    assert!(STYLESHEET.contains("@bottom-right"));
    assert!(STYLESHEET.contains("counter(page)") && STYLESHEET.contains("counter(pages)"));
    let page = report("Acme \"North\" \\ </style><script>x</script>")
        .render(Format::Html)
        .unwrap();
    let document = Html::parse_document(&page);
    assert!(
        select(&document, "script").is_empty(),
        "a name ended the stylesheet"
    );
    let style: String = select(&document, "head style")[0].text().collect();
    assert!(
        style.contains(
            "@top-left { content: \"Readiness report: Acme \\\"North\\\" \\\\ \\3c /style\\3e \\3c script\\3e x\\3c /script\\3e \"; }"
        ),
        "{style}"
    );
}

#[test]
fn tables_that_run_on_repeat_their_section_name_and_headings_keep_with_what_follows() {
    let page = report("Acme").render(Format::Html).unwrap();
    let document = Html::parse_document(&page);
    let carried: Vec<String> = select(&document, "thead > tr.carried > th")
        .iter()
        .map(|th| th.text().collect())
        .collect();
    for name in [
        "Top actions",
        "Action plan",
        "Readiness by section",
        "Readiness checklist: Goals",
    ] {
        assert!(carried.iter().any(|c| c == name), "{name}: {carried:?}");
    }
    // Each carried row spans its table, and is the head's first row.
    for table in select(&document, "table") {
        let columns = table
            .select(&Selector::parse("thead tr:not(.carried) th").unwrap())
            .count();
        if let Some(row) = table.select(&Selector::parse("thead tr").unwrap()).next()
            && row.value().classes().any(|c| c == "carried")
        {
            let th = row.select(&Selector::parse("th").unwrap()).next().unwrap();
            assert_eq!(
                th.value().attr("colspan"),
                Some(columns.to_string().as_str())
            );
        }
    }
    let print = &STYLESHEET[STYLESHEET.find("@media print").expect("print rules")..];
    for rule in [
        "thead { display: table-header-group; }",
        "tr.carried { display: table-row; }",
        "h1, h2, h3, h4 { break-after: avoid;",
        "body.full .summary { break-after: page;",
    ] {
        assert!(print.contains(rule), "{rule}");
    }
    assert!(
        STYLESHEET.contains("tr.carried { display: none; }"),
        "not on screen"
    );
}
