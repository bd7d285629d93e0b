//! The built-in questionnaire's statistics, printed (`cargo test --test questionnaire_stats
//! -- --nocapture`) and held within the bounds its review set: how many questions are
//! critical or block, which answer types it uses, how plainly the whys read, and how the
//! recommendations spread over effort, impact and due days.

use std::collections::BTreeMap;
use std::path::Path;

use outready::questionnaire::load::load_file;
use outready::questionnaire::{Question, QuestionType, Questionnaire, Recommendation};

fn questionnaire() -> Questionnaire {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires/it-outsourcing.json");
    match load_file(&file) {
        Ok(loaded) => std::sync::Arc::unwrap_or_clone(loaded.questionnaire),
        Err(problems) => panic!("the built-in questionnaire does not load: {problems:?}"),
    }
}

/// Syllables in a word, by the usual heuristic: groups of vowels, less a silent final "e".
fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if letters.is_empty() {
        return 0;
    }
    let vowel = |c: &char| "aeiouy".contains(*c);
    let groups = letters
        .iter()
        .enumerate()
        .filter(|(i, c)| vowel(c) && (*i == 0 || !vowel(&letters[i - 1])))
        .count();
    let silent_e = letters.ends_with(&['e']) && !letters.ends_with(&['l', 'e']) && groups > 1;
    (groups - usize::from(silent_e)).max(1)
}

/// The Flesch-Kincaid grade of a text: 0.39 × words per sentence + 11.8 × syllables per
/// word − 15.59.
fn grade(text: &str) -> f64 {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_alphanumeric()))
        .collect();
    if words.is_empty() {
        return 0.0;
    }
    let mut sentences = 0usize;
    let mut in_sentence = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            in_sentence = true;
        }
        let ends = ".!?".contains(*c) && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if ends && in_sentence {
            sentences += 1;
            in_sentence = false;
        }
    }
    sentences += usize::from(in_sentence);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    0.39 * words.len() as f64 / sentences.max(1) as f64
        + 11.8 * syllables as f64 / words.len() as f64
        - 15.59
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return 0.0;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

fn questions(q: &Questionnaire) -> Vec<&Question> {
    q.questions().map(|(_, question)| question).collect()
}

fn recommendations(q: &Questionnaire) -> Vec<&Recommendation> {
    questions(q)
        .into_iter()
        .flat_map(|question| &question.recommendations)
        .collect()
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

#[test]
fn the_grade_heuristic_reads_plain_and_hard_text_apart() {
    assert_eq!(syllables("the"), 1);
    assert_eq!(syllables("provider"), 3);
    assert_eq!(syllables("table"), 2);
    assert_eq!(syllables("outsourcing"), 3);
    assert!(grade("You own your data. Get it back.") < 3.0);
    let hard = "Comprehensive organisational accountability necessitates contractual \
                stipulations regarding subcontractor authorisation and notification.";
    assert!(grade(hard) > 16.0, "{}", grade(hard));
}

#[test]
fn critical_and_blocker_shares_stay_within_the_review_bounds() {
    let q = questionnaire();
    let all = questions(&q);
    let scored: Vec<&Question> = all.iter().copied().filter(|x| x.is_scored()).collect();
    let critical = scored
        .iter()
        .filter(|x| x.critical || x.critical_if.is_some())
        .count();
    let blockers = all.iter().filter(|x| x.blocker_if.is_some()).count();
    let mut types: BTreeMap<&str, usize> = BTreeMap::new();
    for question in &all {
        *types.entry(question.kind.name()).or_default() += 1;
    }
    println!(
        "{} questions, {} scored; critical {} ({:.1}% of scored), blockers {}",
        all.len(),
        scored.len(),
        critical,
        100.0 * share(critical, scored.len()),
        blockers
    );
    println!("types: {types:?}");
    let quick = all.iter().filter(|x| x.quick).count();
    // The figures the README and the review quote; a change here is a change there.
    assert_eq!(
        (all.len(), scored.len(), critical, blockers, quick),
        (158, 136, 21, 14, 23),
        "questions, scored, critical, blockers, quick"
    );
    let critical_share = share(critical, scored.len());
    assert!(
        (0.08..=0.20).contains(&critical_share),
        "critical on {:.1}% of scored questions",
        100.0 * critical_share
    );
    assert!((1..=15).contains(&blockers), "{blockers} blockers");
    // Facts are asked with the type that fits them.
    let count = |kind: QuestionType| all.iter().filter(|x| x.kind == kind).count();
    assert!(count(QuestionType::Number) >= 5, "numbers {types:?}");
    assert!(count(QuestionType::Percent) >= 2, "percentages {types:?}");
    assert!(count(QuestionType::Date) >= 3, "dates {types:?}");
    assert!(count(QuestionType::Text) >= 1, "text {types:?}");
    assert!(
        share(count(QuestionType::YesNo), all.len()) <= 0.75,
        "too many yes/no: {types:?}"
    );
}

#[test]
fn questions_ask_for_facts_not_intent_or_awareness() {
    let q = questionnaire();
    for question in questions(&q) {
        let text = question.text.as_str();
        assert!(
            !text.starts_with("Will ") && !text.starts_with("Do you know"),
            "{} asks for intent or awareness: {text}",
            question.id
        );
    }
    // A scale's top answer is one an owner can reach before signing.
    for question in questions(&q) {
        if question.kind != QuestionType::Scale {
            continue;
        }
        for option in &question.options {
            let label = option.label.to_lowercase();
            assert!(
                !label.contains("in use") && !label.contains("tested"),
                "{}: {:?} cannot be reached before signing",
                question.id,
                option.label
            );
        }
    }
}

#[test]
fn whys_read_plainly_and_cite_nothing_inside_the_sentence() {
    let q = questionnaire();
    let all = questions(&q);
    let whys: Vec<f64> = all.iter().map(|x| grade(&x.why)).collect();
    let texts: Vec<f64> = all.iter().map(|x| grade(&x.text)).collect();
    let longest = all
        .iter()
        .map(|x| x.why.split_whitespace().count())
        .max()
        .unwrap_or(0);
    let hardest = whys.iter().copied().fold(f64::MIN, f64::max);
    println!(
        "why grade: median {:.1}, max {:.1}; why words max {longest}; question grade: median {:.1}, max {:.1}",
        median(whys.clone()),
        hardest,
        median(texts.clone()),
        texts.iter().copied().fold(f64::MIN, f64::max)
    );
    assert!(median(whys) <= 8.0);
    assert!(median(texts) <= 9.0);
    let citations = [
        "NIST",
        "CISA",
        "NCSC",
        "GDPR",
        "ISO ",
        "advisory",
        "survey",
        "study",
        "studies",
        "research",
        "Barth",
        "Deloitte",
        "EquaTerra",
        "LSE",
        "according to",
        "guidance",
    ];
    for question in &all {
        let why = &question.why;
        assert!(
            grade(why) <= 9.0,
            "{} why reads at grade {:.1}: {why}",
            question.id,
            grade(why)
        );
        assert!(
            why.split_whitespace().count() <= 30,
            "{} why is long",
            question.id
        );
        for citation in citations {
            assert!(
                !why.contains(citation),
                "{} why cites {citation:?}: put it in `source`",
                question.id
            );
        }
        let years = why
            .split(|c: char| !c.is_ascii_digit())
            .any(|n| n.len() == 4 && (n.starts_with("19") || n.starts_with("20")));
        assert!(!years, "{} why cites a year", question.id);
        assert!(
            !question.source.trim().is_empty(),
            "{} names no source",
            question.id
        );
    }
}

#[test]
fn recommendations_are_steps_with_a_realistic_spread() {
    let q = questionnaire();
    let recs = recommendations(&q);
    let tally = |key: &dyn Fn(&Recommendation) -> String| {
        let mut out: BTreeMap<String, usize> = BTreeMap::new();
        for r in &recs {
            *out.entry(key(r)).or_default() += 1;
        }
        out
    };
    let effort = tally(&|r| format!("{:?}", r.effort));
    let impact = tally(&|r| format!("{:?}", r.impact));
    let due = tally(&|r| format!("{:03}", r.due_in_days));
    println!(
        "{} recommendations; effort {effort:?}; impact {impact:?}; due days {due:?}",
        recs.len()
    );
    for spread in [&effort, &impact] {
        assert_eq!(spread.len(), 3, "{spread:?}");
        assert!(
            spread.values().all(|&n| share(n, recs.len()) >= 0.04),
            "{spread:?}"
        );
        assert!(
            spread.values().all(|&n| share(n, recs.len()) <= 0.75),
            "{spread:?}"
        );
    }
    assert!(due.len() >= 6, "{due:?}");
    assert!(
        due.values().all(|&n| share(n, recs.len()) <= 0.45),
        "{due:?}"
    );
    // Each starts with a verb, as an instruction.
    let verbs = [
        "Add",
        "Agree",
        "Ask",
        "Attach",
        "Book",
        "Build",
        "Call",
        "Check",
        "Complete",
        "Create",
        "Do",
        "Estimate",
        "Fill",
        "Finish",
        "Get",
        "Give",
        "Go",
        "Hold",
        "Keep",
        "List",
        "Log",
        "Look",
        "Make",
        "Move",
        "Name",
        "Negotiate",
        "Open",
        "Propose",
        "Put",
        "Require",
        "Say",
        "Search",
        "Send",
        "Set",
        "Share",
        "Spend",
        "Tell",
        "Transfer",
        "Turn",
        "Write",
    ];
    for r in &recs {
        let first = r.text.split_whitespace().next().unwrap_or_default();
        assert!(verbs.contains(&first), "{} starts with {first:?}", r.id);
    }
}
