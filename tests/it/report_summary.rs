//! The summary page every report opens with, for the fixture plan on the small
//! questionnaire: the parts in their order (the checklist last), the page alone with
//! `Detail::Summary`, the top actions, the budget figures only when there are any, and
//! the same data in the JSON.

use std::path::Path;

use jiff::tz::TimeZone;
use outready::plan::store::load_path;
use outready::questionnaire::load::load_file;
use outready::report::{BudgetFigure, Detail, Format, Report};
use scraper::{Html, Selector};

fn fixture(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The fixture plan "Acme & Sons <Ltd>" on the small questionnaire, dates read in UTC.
fn report() -> Report {
    let questionnaire = load_file(&fixture("tests/fixtures/questionnaires/valid/small.json"))
        .expect("the small questionnaire loads")
        .questionnaire;
    let plan = load_path(&fixture("tests/fixtures/plans/acme.json")).expect("the plan loads");
    Report::build(&questionnaire, &plan, &TimeZone::UTC)
}

fn select<'a>(document: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    document.select(&selector).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

/// Where each heading of `headings` first stands in `text`, in that order.
fn positions(text: &str, headings: &[&str]) -> Vec<usize> {
    headings
        .iter()
        .map(|h| {
            text.find(h)
                .unwrap_or_else(|| panic!("no {h:?} in:\n{text}"))
        })
        .collect()
}

#[test]
fn the_summary_comes_first_and_the_checklist_last() {
    let report = report();
    let markdown = report.render(Format::Markdown).unwrap();
    let order = positions(
        &markdown,
        &[
            "\n## Summary\n",
            "\n### Verdict: ",
            "\n### Top actions\n",
            "\n### In numbers\n",
            "\n## Action plan\n",
            "\n## Gap report\n",
            "\n## Questions to ask providers\n",
            "\n## Readiness checklist\n",
        ],
    );
    assert!(order.is_sorted(), "{order:?}");
    let headings: Vec<String> = markdown
        .lines()
        .filter(|line| line.starts_with("## "))
        .map(String::from)
        .collect();
    assert_eq!(headings.last().unwrap(), "## Readiness checklist");

    let page = report.render(Format::Html).unwrap();
    let document = Html::parse_document(&page);
    let parts: Vec<String> = select(&document, "main > section > h2")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        parts,
        [
            "Summary",
            "Action plan",
            "Gap report",
            "Questions to ask providers",
            "Discuss later",
            "Readiness by section",
            "Answers kept from an earlier version",
            "Readiness checklist",
        ]
    );
}

#[test]
fn the_summary_alone_is_the_first_page_and_nothing_after_it() {
    let report = report();
    for format in [Format::Markdown, Format::Html] {
        let full = report.render(format).unwrap();
        let summary = report.render_detail(format, Detail::Summary).unwrap();
        // What follows the HTML's stylesheet, which is the same in both.
        let body = |page: &str| page.len() - page.find("<body").unwrap_or(0);
        assert!(body(&summary) * 3 < body(&full), "{format:?}");
        for part in ["Action plan", "Gap report", "Readiness checklist"] {
            assert!(full.contains(part) && !summary.contains(part), "{part}");
        }
        for words in ["Top actions", "In numbers", "Verdict: "] {
            assert!(summary.contains(words), "{format:?}: {words}");
        }
    }
    for format in [Format::Csv, Format::Json] {
        let error = report
            .render_detail(format, Detail::Summary)
            .unwrap_err()
            .to_string();
        assert!(error.contains("no summary page"), "{error}");
    }
}

#[test]
fn top_actions_put_the_accepted_first_soonest_due_then_gaps_not_yet_in_the_plan() {
    let report = report();
    let top = &report.summary.top_actions;
    let accepted: Vec<(&str, Option<&str>)> = top
        .iter()
        .take_while(|a| a.accepted)
        .map(|a| (a.recommendation_id.as_str(), a.owner.as_deref()))
        .collect();
    // The fixture's open actions (the done ones are left out), soonest due first.
    let open = report
        .actions
        .iter()
        .filter(|a| a.status != outready::plan::ActionStatus::Done)
        .count();
    assert_eq!(accepted.len(), open);
    let dues: Vec<_> = top.iter().take(open).map(|a| a.due).collect();
    assert!(dues.is_sorted_by_key(|d| (d.is_none(), *d)), "{dues:?}");
    assert!(accepted.contains(&("ask-dpa", None)), "{accepted:?}");
    // Then one recommendation per gap with none in the plan, in gap order.
    let suggested: Vec<&str> = top[open..].iter().map(|a| a.question_id.as_str()).collect();
    let expected: Vec<&str> = report
        .gaps
        .iter()
        .filter(|g| !g.recommendations.is_empty())
        .filter(|g| g.recommendations.iter().all(|r| !r.in_action_plan))
        .map(|g| g.question_id.as_str())
        .take(outready::report::Summary::TOP_ACTIONS - open)
        .collect();
    assert_eq!(suggested, expected);
    assert!(
        top[open..]
            .iter()
            .all(|a| !a.accepted && a.status.is_none())
    );
    assert!(top.len() <= outready::report::Summary::TOP_ACTIONS);
}

#[test]
fn budget_figures_show_on_the_summary_only_when_the_report_has_them() {
    let mut report = report();
    assert!(
        report.summary.budget.is_empty(),
        "no budget data, no figures"
    );
    for format in [Format::Markdown, Format::Html] {
        let page = report.render_detail(format, Detail::Summary).unwrap();
        assert!(!page.contains("Budget</h3>") && !page.contains("### Budget"));
    }
    report.summary.budget = vec![
        BudgetFigure {
            label: "Each month".to_string(),
            amount: "£1,200".to_string(),
        },
        BudgetFigure {
            label: "Set-up & moving".to_string(),
            amount: "£2,400".to_string(),
        },
    ];
    let markdown = report
        .render_detail(Format::Markdown, Detail::Summary)
        .unwrap();
    assert!(
        markdown
            .contains("### Budget\n\n- Each month: **£1,200**\n- Set-up & moving: **£2,400**\n"),
        "{markdown}"
    );
    let page = report.render_detail(Format::Html, Detail::Summary).unwrap();
    let document = Html::parse_document(&page);
    let figures: Vec<String> = select(&document, ".summary dl.budget dd")
        .iter()
        .map(text)
        .collect();
    assert_eq!(figures, ["£1,200", "£2,400"]);
}

#[test]
fn the_json_carries_the_summary() {
    let report = report();
    let value: serde_json::Value =
        serde_json::from_str(&report.render(Format::Json).unwrap()).unwrap();
    let summary = &value["summary"];
    assert_eq!(summary["why"], report.verdict.why.as_str());
    assert_eq!(
        summary["top_actions"].as_array().unwrap().len(),
        report.summary.top_actions.len()
    );
    assert_eq!(summary["counts"]["gaps"], report.gaps.len());
    assert_eq!(summary["budget"], serde_json::json!([]));
}
