//! The built-in questionnaire `it-outsourcing`: it loads, it is well formed on its own terms
//! (checked here as well as by the validator), every gap it can find comes with a next step,
//! the profile switches the right questions on and off, and its question ids stay stable.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use outready::answer::{Answer, AnswerState, Answers, Value};
use outready::questionnaire::load::load_file;
use outready::questionnaire::text::Text;
use outready::questionnaire::{
    Catalog, Condition, Facts, Question, QuestionType, Questionnaire, Test, Visibility,
};

const FILE: &str = "questionnaires/it-outsourcing.json";
const RELEASED_IDS: &str = "questionnaires/released/it-outsourcing.ids";
const MIGRATIONS: &str = "questionnaires/released/it-outsourcing.migrations";

/// The tags every mistake the product guards against must be tied to.
const REQUIRED_TAGS: [&str; 17] = [
    "goals",
    "due-diligence",
    "red-flags",
    "contract",
    "sla",
    "communication",
    "supervision",
    "testing",
    "training",
    "backup-plan",
    "exit",
    "budget",
    "culture",
    "authority",
    "security",
    "transition",
    "growth",
];

/// The blockers the specialist's review argues for, and no more: each answered badly means
/// signing is unsafe. The worst warning signs and a contract nobody has read at signing join
/// the specialist's core.
const BLOCKERS: [&str; 14] = [
    "goal-problem",
    "scope-service-list",
    "select-warning-signs",
    "contract-written",
    "contract-schedule",
    "contract-review",
    "sla-targets",
    "gov-admin-access",
    "sec-dpa",
    "sec-ownership",
    "people-legal-advice",
    "backup-copies",
    "backup-own-access",
    "exit-data-return",
];

/// Blockers that a not-known-yet answer does not set off: whether the provider showed a
/// warning sign is found out, not assumed.
const NOT_BLOCKED_BY_UNSURE: [&str; 1] = ["select-warning-signs"];

/// Whether a question is critical for some answers: always, or under its `critical_if`.
fn can_be_critical(question: &Question) -> bool {
    question.critical || question.critical_if.is_some()
}

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

pub(crate) fn questionnaire() -> Questionnaire {
    match load_file(&path(FILE)) {
        Ok(loaded) => std::sync::Arc::unwrap_or_clone(loaded.questionnaire),
        Err(problems) => {
            let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("{FILE} does not load:\n{}", list.join("\n"));
        }
    }
}

/// Answers as conditions see them when every answer counts (no visibility involved).
struct Plain<'a> {
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
}

impl Facts for Plain<'_> {
    fn question(&self, id: &str) -> Option<&Question> {
        self.questionnaire.question(id)
    }

    fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.get(id)
    }
}

fn one(id: &str, answer: Answer) -> Answers {
    BTreeMap::from([(id.to_string(), answer)])
}

pub(crate) fn text(value: &str) -> Answer {
    Answer::answered(Value::Text(value.to_string()))
}

fn list(values: &[&str]) -> Answer {
    Answer::answered(Value::List(values.iter().map(|v| v.to_string()).collect()))
}

/// Every answer worth trying on a question: each option on its own, a number inside each
/// score band, and "I don't know yet" when allowed.
fn candidate_answers(question: &Question) -> Vec<(String, Answer)> {
    let mut out = Vec::new();
    for option in &question.options {
        let answer = if question.kind == QuestionType::Multi {
            list(&[option.value.as_str()])
        } else {
            text(&option.value)
        };
        out.push((format!("\"{}\"", option.value), answer));
    }
    for band in &question.score_bands {
        let number = match (band.min, band.max) {
            (Some(min), _) => min,
            (None, Some(max)) => max - 1.0,
            (None, None) => 0.0,
        };
        out.push((format!("{number}"), Answer::answered(Value::Number(number))));
    }
    if question.allow_unsure {
        out.push((
            "\"I don't know yet\"".to_string(),
            Answer::in_state(AnswerState::Unsure),
        ));
    }
    out
}

/// The score an answer gives, as the scoring rules count it: "I don't know yet" is 0.
fn score(question: &Question, answer: &Answer) -> Option<f64> {
    match answer.state {
        AnswerState::Unsure => Some(0.0),
        _ => answer.given_value().and_then(|v| question.score_of(v)),
    }
}

/// Whether a recommendation applies to this answer: its `when`, or by default whenever the
/// question scores below 1.
fn applies(
    questionnaire: &Questionnaire,
    question: &Question,
    when: Option<&Condition>,
    answer: &Answer,
) -> bool {
    let answers = one(&question.id, answer.clone());
    let facts = Plain {
        questionnaire,
        answers: &answers,
    };
    match when {
        Some(condition) => condition.holds(&facts),
        None => score(question, answer).is_some_and(|s| s < 1.0),
    }
}

/// Every condition in the file with a label saying where it is.
fn conditions(questionnaire: &Questionnaire) -> Vec<(String, &Condition)> {
    let mut out = Vec::new();
    for section in &questionnaire.sections {
        if let Some(c) = &section.show_if {
            out.push((format!("section {} show_if", section.id), c));
        }
        for question in &section.questions {
            if let Some(c) = &question.show_if {
                out.push((format!("{} show_if", question.id), c));
            }
            if let Some(c) = &question.blocker_if {
                out.push((format!("{} blocker_if", question.id), c));
            }
            for r in &question.recommendations {
                if let Some(c) = &r.when {
                    out.push((format!("{} recommendation {} when", question.id, r.id), c));
                }
            }
        }
    }
    out
}

#[test]
fn it_loads_and_is_the_default_built_in_questionnaire() {
    let q = questionnaire();
    assert_eq!(q.id, "it-outsourcing");
    assert_eq!(q.version, "2.0.0");
    let catalog = Catalog::load(None);
    let builtin = catalog
        .find(outready::questionnaire::DEFAULT_QUESTIONNAIRE)
        .expect("the default questionnaire is built in");
    assert!(builtin.builtin);
    assert_eq!(builtin.questionnaire.id, q.id);
    assert!(
        catalog.problems.is_empty(),
        "built-in questionnaires have problems: {:?}",
        catalog.problems
    );
}

#[test]
fn ids_are_unique_kebab_case_and_prefixed_by_their_section() {
    let q = questionnaire();
    let kebab = |id: &str| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.starts_with('-')
            && !id.ends_with('-')
            && !id.contains("--")
    };
    let mut sections = HashSet::new();
    let mut questions = HashSet::new();
    let mut recommendations = HashSet::new();
    for section in &q.sections {
        assert!(kebab(&section.id), "section id {:?}", section.id);
        assert!(
            sections.insert(&section.id),
            "section id {} twice",
            section.id
        );
        for question in &section.questions {
            assert!(kebab(&question.id), "question id {:?}", question.id);
            assert!(
                question.id.starts_with(&format!("{}-", section.id)),
                "question {} is not prefixed by its section id {}",
                question.id,
                section.id
            );
            assert!(
                questions.insert(&question.id),
                "question id {} twice",
                question.id
            );
            for r in &question.recommendations {
                assert!(kebab(&r.id), "recommendation id {:?}", r.id);
                assert!(
                    recommendations.insert(&r.id),
                    "recommendation id {} twice",
                    r.id
                );
            }
        }
    }
}

#[test]
fn conditions_name_existing_questions_and_options() {
    let q = questionnaire();
    let order: BTreeMap<&str, usize> = q
        .questions()
        .enumerate()
        .map(|(i, (_, question))| (question.id.as_str(), i))
        .collect();
    for (place, condition) in conditions(&q) {
        for (id, test) in condition.tests() {
            let Some(target) = q.question(id) else {
                panic!("{place}: names unknown question {id}");
            };
            if let Test::Contains(option) = test {
                assert_eq!(
                    target.kind,
                    QuestionType::Multi,
                    "{place}: contains on {id}"
                );
                assert!(
                    target.option(option).is_some(),
                    "{place}: {id} has no {option}"
                );
            }
            if matches!(
                test,
                Test::Gt(_) | Test::Gte(_) | Test::Lt(_) | Test::Lte(_)
            ) {
                assert!(target.kind.is_ordered(), "{place}: order test on {id}");
            }
            for value in test.values() {
                match value {
                    Value::Text(v) if target.kind.is_choice() => {
                        assert!(
                            target.option(v).is_some(),
                            "{place}: {id} has no option {v}"
                        )
                    }
                    Value::Number(_) => {
                        assert!(target.kind.is_numeric(), "{place}: number on {id}")
                    }
                    other => panic!("{place}: {other:?} cannot match question {id}"),
                }
            }
        }
    }
    // A question is only switched on or off by questions asked before it, so the wizard
    // never hides a question because of an answer the owner has not reached yet.
    for (_, question) in q.questions() {
        if let Some(condition) = &question.show_if {
            for id in condition.questions() {
                assert!(
                    order[id] < order[question.id.as_str()],
                    "{} is shown or hidden by {id}, which comes later",
                    question.id
                );
            }
        }
    }
}

#[test]
fn the_shape_is_fifteen_sections_in_life_cycle_order_with_a_profile_first() {
    let q = questionnaire();
    let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "profile",
            "goal",
            "scope",
            "budget",
            "select",
            "fit",
            "contract",
            "sla",
            "gov",
            "sec",
            "transition",
            "people",
            "backup",
            "exit",
            "growth"
        ]
    );
    let count = q.question_count();
    // The budget's amounts (issue 13) are quick to type and feed the calculated figures.
    assert!((120..=165).contains(&count), "{count} questions");
    for section in &q.sections {
        assert!(
            section.questions.len() >= 5,
            "section {} has only {} questions",
            section.id,
            section.questions.len()
        );
        assert!(
            !section.intro.is_empty(),
            "section {} has no intro",
            section.id
        );
        assert!(
            section.show_if.is_none(),
            "section {} can be hidden",
            section.id
        );
    }
    let profile = &q.sections[0];
    assert_eq!(profile.weight, 0.0);
    for question in &profile.questions {
        assert!(
            !question.is_scored(),
            "profile question {} is scored",
            question.id
        );
        assert!(
            question.show_if.is_none(),
            "profile question {} is conditional",
            question.id
        );
        assert!(!can_be_critical(question) && question.blocker_if.is_none());
    }
}

#[test]
fn section_weights_follow_what_hurts_most_when_missing() {
    let q = questionnaire();
    let weight = |id: &str| {
        q.sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.weight)
            .expect("section exists")
    };
    for heavy in ["exit", "contract", "sec", "scope"] {
        for light in ["people", "fit", "growth"] {
            assert!(
                weight(heavy) > weight(light),
                "{heavy} should weigh more than {light}"
            );
        }
    }
    for section in &q.sections[1..] {
        assert!(
            section.weight > 0.0,
            "section {} does not count",
            section.id
        );
    }
}

#[test]
fn levels_run_from_do_not_sign_to_ready() {
    let q = questionnaire();
    let labels: Vec<&str> = q.levels.iter().map(|l| l.label.as_str()).collect();
    // The names read in order: from "do not sign" up to "ready".
    assert_eq!(
        labels,
        ["Not safe to sign", "Not ready yet", "Nearly ready", "Ready"]
    );
    // A critical gap caps the level at the second lowest: its text must not let an owner
    // with an open critical gap think they can sign.
    assert!(!q.levels[1].description.to_lowercase().contains("sign"));
    assert_eq!(q.levels[0].min, 0.0);
    assert!(q.levels.windows(2).all(|w| w[0].min < w[1].min));
    assert!(
        q.levels[0]
            .description
            .to_lowercase()
            .contains("do not sign yet")
    );
    for level in &q.levels {
        let sentences = level.description.matches(". ").count();
        assert!(
            !level.description.is_empty() && sentences == 0,
            "{}",
            level.id
        );
    }
}

#[test]
fn every_question_is_short_explained_and_tagged() {
    let q = questionnaire();
    let mut long = Vec::new();
    let mut used = BTreeSet::new();
    for (_, question) in q.questions() {
        let words = question.text.split_whitespace().count();
        assert!(words <= 30, "{} has {words} words", question.id);
        if words >= 25 {
            long.push(&question.id);
        }
        assert!(
            question.text.ends_with('?'),
            "{} is not a question",
            question.id
        );
        assert!(
            !question.why.trim().is_empty(),
            "{} has no why",
            question.id
        );
        assert!(!question.tags.is_empty(), "{} has no tags", question.id);
        used.extend(question.tags.iter().map(Text::as_str));
        if question.kind.is_choice() {
            assert!(
                question.options.len() >= 2,
                "{} has too few options",
                question.id
            );
        }
    }
    assert!(
        long.len() * 10 <= q.question_count(),
        "too many long questions: {long:?}"
    );
    let missing: Vec<&str> = REQUIRED_TAGS
        .iter()
        .copied()
        .filter(|t| !used.contains(t))
        .collect();
    assert!(missing.is_empty(), "tags never used: {missing:?}");
}

#[test]
fn terms_of_art_are_explained_in_help() {
    let q = questionnaire();
    let terms = [
        "SLA", "MSP", "DPA", "RPO", "RTO", "MFA", "VPN", "escrow", "TUPE",
    ];
    for term in terms {
        let mentioned: Vec<&Question> = q
            .questions()
            .map(|(_, question)| question)
            .filter(|question| question.help.contains(term) || question.text.contains(term))
            .collect();
        assert!(!mentioned.is_empty(), "{term} is never explained");
    }
    for (_, question) in q.questions() {
        for term in ["SLA", "RPO", "escrow", "data processing agreement"] {
            if question.text.contains(term) {
                assert!(
                    question.help.contains(term),
                    "{} uses {term} without explaining it",
                    question.id
                );
            }
        }
    }
}

#[test]
fn questions_touching_the_law_say_they_are_not_legal_advice() {
    let q = questionnaire();
    let laws = [
        "GDPR",
        "TUPE",
        "data protection law",
        "employment law",
        "employment-law",
        "intellectual property",
    ];
    for (_, question) in q.questions() {
        let all = format!("{} {} {}", question.text, question.help, question.why);
        let touches_law = laws.iter().any(|law| all.contains(law));
        let tagged = question.tags.iter().any(|t| t == "legal");
        assert!(
            !touches_law || tagged,
            "{} touches the law but is not tagged `legal`",
            question.id
        );
        if tagged {
            assert!(
                question.help.contains("Not legal advice") && question.help.contains("ask"),
                "{} needs a not-legal-advice note saying whom to ask",
                question.id
            );
        }
    }
}

#[test]
fn every_gap_answer_has_a_recommendation() {
    let q = questionnaire();
    for (_, question) in q.questions() {
        if !question.is_scored() {
            continue;
        }
        for (label, answer) in candidate_answers(question) {
            let gap = score(question, &answer).is_some_and(|s| s < 1.0);
            if !gap {
                continue;
            }
            let found = question
                .recommendations
                .iter()
                .any(|r| applies(&q, question, r.when.as_ref(), &answer));
            assert!(
                found,
                "{}: no recommendation for the answer {label}",
                question.id
            );
        }
    }
}

#[test]
fn every_recommendation_applies_to_some_answer_and_is_a_concrete_step() {
    let q = questionnaire();
    for (_, question) in q.questions() {
        for r in &question.recommendations {
            let reachable = candidate_answers(question)
                .iter()
                .any(|(_, answer)| applies(&q, question, r.when.as_ref(), answer));
            assert!(reachable, "recommendation {} never applies", r.id);
            assert!(
                r.text.split_whitespace().count() >= 6,
                "{} is too thin",
                r.id
            );
            assert!(
                r.due_in_days > 0 && r.due_in_days <= 365,
                "{} due date",
                r.id
            );
        }
    }
}

#[test]
fn blockers_are_the_ones_domain_research_argues_for_and_mean_do_not_sign() {
    let q = questionnaire();
    let found: BTreeSet<&str> = q
        .questions()
        .filter(|(_, question)| question.blocker_if.is_some())
        .map(|(_, question)| question.id.as_str())
        .collect();
    let expected: BTreeSet<&str> = BLOCKERS.into_iter().collect();
    assert_eq!(found, expected);
    // With every profile fact at its most demanding, a blocker fires on some bad answer and on
    // "I don't know yet", and never on an answer that scores half or better.
    let mut base: Answers = q.sections[0]
        .questions
        .iter()
        .filter(|question| question.kind == QuestionType::YesNo)
        .map(|question| (question.id.to_string(), text("yes")))
        .collect();
    for id in BLOCKERS {
        let question = q.question(id).expect("blocker exists");
        assert!(
            can_be_critical(question),
            "{id} is a blocker but never critical"
        );
        let blocker = question.blocker_if.as_ref().expect("has blocker_if");
        let mut fired = false;
        for (label, answer) in candidate_answers(question) {
            base.insert(id.to_string(), answer.clone());
            let facts = Plain {
                questionnaire: &q,
                answers: &base,
            };
            let holds = blocker.holds(&facts);
            let s = score(question, &answer).unwrap_or(0.0);
            assert!(
                !holds || s < 0.5,
                "{id} blocks on {label}, which scores {s}"
            );
            if answer.state == AnswerState::Unsure {
                let expected = !NOT_BLOCKED_BY_UNSURE.contains(&id);
                assert_eq!(holds, expected, "{id} on \"I don't know yet\"");
            }
            fired |= holds && answer.state == AnswerState::Answered;
        }
        assert!(fired, "{id} never blocks on a real answer");
        base.remove(id);
    }
}

/// Whether the question blocks with these answers.
fn blocks(q: &Questionnaire, id: &str, answers: &Answers) -> bool {
    let facts = Plain {
        questionnaire: q,
        answers,
    };
    q.question(id)
        .and_then(|question| question.blocker_if.as_ref())
        .is_some_and(|blocker| blocker.holds(&facts))
}

#[test]
fn contract_terms_not_known_yet_block_only_once_there_is_a_draft() {
    let q = questionnaire();
    let terms = [
        "contract-schedule",
        "sla-targets",
        "sec-dpa",
        "sec-ownership",
        "exit-data-return",
    ];
    for (stage, expected) in [
        ("exploring", false),
        ("comparing", false),
        ("draft", true),
        ("signing", true),
    ] {
        for id in terms {
            let answers: Answers = BTreeMap::from([
                ("profile-stage".to_string(), text(stage)),
                (id.to_string(), Answer::in_state(AnswerState::Unsure)),
            ]);
            assert_eq!(blocks(&q, id, &answers), expected, "{id} at {stage}");
        }
    }
    // A provider that refuses a written contract is a blocker at any stage; not knowing yet
    // is one only once a draft should say.
    for stage in ["exploring", "comparing", "draft", "signing"] {
        let refused = BTreeMap::from([
            ("profile-stage".to_string(), text(stage)),
            ("contract-written".to_string(), text("no")),
        ]);
        assert!(
            blocks(&q, "contract-written", &refused),
            "refused at {stage}"
        );
    }
    // Nobody having read the contract blocks only when about to sign.
    for (stage, expected) in [("draft", false), ("signing", true)] {
        let answers = BTreeMap::from([
            ("profile-stage".to_string(), text(stage)),
            ("contract-review".to_string(), text("no")),
        ]);
        assert_eq!(blocks(&q, "contract-review", &answers), expected, "{stage}");
    }
}

#[test]
fn the_worst_warning_signs_block_and_the_others_only_count() {
    let q = questionnaire();
    let signs =
        |values: &[&str]| BTreeMap::from([("select-warning-signs".to_string(), list(values))]);
    for worst in ["not-in-writing", "pressure"] {
        assert!(
            blocks(&q, "select-warning-signs", &signs(&[worst, "slow"])),
            "{worst}"
        );
    }
    for milder in ["vague-security", "no-references", "slow"] {
        assert!(
            !blocks(&q, "select-warning-signs", &signs(&[milder])),
            "{milder}"
        );
    }
    let question = q.question("select-warning-signs").expect("exists");
    let exclusive: Vec<&str> = question
        .options
        .iter()
        .filter(|o| o.exclusive)
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(exclusive, ["none"]);
}

#[test]
fn critical_questions_are_scored_and_have_recommendations() {
    let q = questionnaire();
    for (_, question) in q.questions() {
        if can_be_critical(question) {
            assert!(
                question.is_scored(),
                "{} is critical but unscored",
                question.id
            );
            assert!(!question.recommendations.is_empty(), "{}", question.id);
            assert!(
                question.weight >= 2.0,
                "{} is critical but light",
                question.id
            );
        }
    }
}

// ---------------------------------------------------------------- what the profile switches

/// The ids of the questions shown for these profile answers.
fn shown(q: &Questionnaire, answers: &Answers) -> BTreeSet<String> {
    let visibility = Visibility::compute(q, answers);
    q.questions()
        .filter(|(_, question)| visibility.shows(q, &question.id))
        .map(|(_, question)| question.id.to_string())
        .collect()
}

pub(crate) fn answers(pairs: &[(&str, Answer)]) -> Answers {
    pairs
        .iter()
        .map(|(id, answer)| (id.to_string(), answer.clone()))
        .collect()
}

fn assert_hidden(shown: &BTreeSet<String>, ids: &[&str], who: &str) {
    for id in ids {
        assert!(!shown.contains(*id), "{who}: {id} should be hidden");
    }
}

fn assert_shown(shown: &BTreeSet<String>, ids: &[&str], who: &str) {
    for id in ids {
        assert!(shown.contains(*id), "{who}: {id} should be shown");
    }
}

#[test]
fn with_no_profile_answers_only_follow_up_questions_are_hidden() {
    let q = questionnaire();
    let seen = shown(&q, &Answers::new());
    let hidden: BTreeSet<&str> = q
        .questions()
        .map(|(_, question)| question.id.as_str())
        .filter(|id| !seen.contains(*id))
        .collect();
    // Each waits for the answer before it: a name once there is an owner, a date once a
    // restore was tested, a quality goal once the reason is only cost, the fee once the
    // kind of quote is known.
    assert_eq!(
        hidden,
        BTreeSet::from([
            "gov-owner-person",
            "backup-restore-date",
            "goal-service-outcome",
            "budget-fee-per-user",
            "budget-fee-flat"
        ])
    );
}

#[test]
fn no_personal_data_hides_the_data_processing_agreement() {
    let q = questionnaire();
    let no = shown(&q, &answers(&[("profile-personal-data", text("no"))]));
    assert_hidden(&no, &["sec-dpa"], "no personal data");
    let unsure = shown(
        &q,
        &answers(&[(
            "profile-personal-data",
            Answer::in_state(AnswerState::Unsure),
        )]),
    );
    assert_shown(&unsure, &["sec-dpa"], "personal data unknown");
}

#[test]
fn time_zone_and_language_questions_need_a_provider_abroad() {
    let q = questionnaire();
    let local = shown(
        &q,
        &answers(&[
            ("profile-abroad", text("no")),
            ("profile-services", list(&["managed"])),
        ]),
    );
    assert_hidden(&local, &["fit-overlap", "fit-language"], "local provider");
    let abroad = shown(
        &q,
        &answers(&[
            ("profile-abroad", text("yes")),
            ("profile-services", list(&["managed"])),
        ]),
    );
    assert_shown(
        &abroad,
        &["fit-overlap", "fit-language", "sec-data-location"],
        "provider abroad",
    );
}

#[test]
fn staff_transfer_questions_need_duties_to_move() {
    let q = questionnaire();
    let staying = shown(&q, &answers(&[("profile-staff-move", text("no"))]));
    assert_hidden(
        &staying,
        &["people-legal-advice", "people-affected-plan"],
        "no duties move",
    );
    let moving = shown(&q, &answers(&[("profile-staff-move", text("yes"))]));
    assert_shown(
        &moving,
        &["people-legal-advice", "people-affected-plan"],
        "duties move",
    );
}

#[test]
fn a_project_only_engagement_skips_ongoing_service_levels() {
    let q = questionnaire();
    let project = shown(&q, &answers(&[("profile-services", list(&["project"]))]));
    assert_hidden(
        &project,
        &[
            "sla-priorities",
            "sla-targets",
            "sla-after-hours",
            "sla-reports",
            "sla-remedies",
            "contract-min-term",
            "exit-assistance",
            "backup-copies",
        ],
        "project only",
    );
    assert_shown(
        &project,
        &[
            "contract-milestones",
            "sla-project-progress",
            "transition-acceptance",
            "transition-user-tests",
        ],
        "project only",
    );
    let ongoing = shown(&q, &answers(&[("profile-services", list(&["support"]))]));
    assert_hidden(
        &ongoing,
        &["contract-milestones", "sla-project-progress"],
        "support",
    );
    assert_shown(&ongoing, &["sla-targets", "backup-copies"], "support");
}

// ---------------------------------------------------------------- three owners read it through

#[test]
fn a_six_person_accounting_firm_with_client_data() {
    let q = questionnaire();
    let seen = shown(
        &q,
        &answers(&[
            ("profile-headcount", Answer::answered(Value::Number(6.0))),
            ("profile-services", list(&["managed", "cloud", "backup"])),
            ("profile-it-today", text("provider")),
            ("profile-personal-data", text("yes")),
            ("profile-regulated", text("yes")),
            ("profile-staff-move", text("no")),
            ("profile-abroad", text("no")),
        ]),
    );
    let who = "accounting firm";
    assert_shown(
        &seen,
        &[
            "sec-dpa",
            "sec-rules-list",
            "sec-data-location",
            "transition-knowledge",
            "sla-uptime-target",
            "fit-hours",
        ],
        who,
    );
    assert_hidden(
        &seen,
        &[
            "fit-overlap",
            "fit-language",
            "people-legal-advice",
            "people-keep-key",
            "contract-milestones",
            "sec-code-account",
        ],
        who,
    );
}

#[test]
fn a_thirty_person_shop_moving_to_a_managed_provider_abroad() {
    let q = questionnaire();
    let seen = shown(
        &q,
        &answers(&[
            ("profile-headcount", Answer::answered(Value::Number(30.0))),
            ("profile-services", list(&["managed", "security", "backup"])),
            ("profile-it-today", text("staff")),
            ("profile-personal-data", text("yes")),
            ("profile-regulated", text("yes")),
            ("profile-staff-move", text("yes")),
            ("profile-abroad", text("yes")),
        ]),
    );
    let who = "shop";
    assert_shown(
        &seen,
        &[
            "fit-overlap",
            "fit-language",
            "sec-data-location",
            "people-legal-advice",
            "people-keep-key",
            "transition-knowledge",
        ],
        who,
    );
    assert_hidden(
        &seen,
        &[
            "fit-hours",
            "contract-milestones",
            "sec-code-account",
            "exit-handover-files",
        ],
        who,
    );
}

#[test]
fn a_twelve_person_agency_outsourcing_a_website_build() {
    let q = questionnaire();
    let seen = shown(
        &q,
        &answers(&[
            ("profile-headcount", Answer::answered(Value::Number(12.0))),
            ("profile-services", list(&["build"])),
            ("profile-it-today", text("nobody")),
            ("profile-personal-data", text("yes")),
            ("profile-regulated", text("no")),
            ("profile-staff-move", text("no")),
            ("profile-abroad", text("no")),
        ]),
    );
    let who = "agency";
    assert_shown(
        &seen,
        &[
            "contract-milestones",
            "sec-code-account",
            "exit-handover-files",
            "exit-registrations",
            "people-handover-training",
            "sec-dpa",
        ],
        who,
    );
    assert_hidden(
        &seen,
        &[
            "sla-targets",
            "budget-today-invoices",
            "budget-extras",
            "goal-baseline",
            "scope-asset-list",
            "transition-knowledge",
            "fit-hours",
            "growth-end-of-support",
        ],
        who,
    );
    // A one-off build is a much shorter read than ongoing support, and no section is empty.
    assert!(
        seen.len() * 5 < q.question_count() * 3,
        "agency sees {}",
        seen.len()
    );
    let visibility = Visibility::compute(&q, &answers(&[("profile-services", list(&["build"]))]));
    for (s, section) in q.sections.iter().enumerate() {
        let count = (0..section.questions.len())
            .filter(|&i| visibility.question(s, i))
            .count();
        assert!(
            count >= 1,
            "section {} is empty for a website build",
            section.id
        );
    }
}

// ---------------------------------------------------------------- id stability

/// `old-id -> new-id: note` or `old-id -> removed: note`; `#` starts a comment.
fn migrations() -> BTreeMap<String, String> {
    let Ok(text) = std::fs::read_to_string(path(MIGRATIONS)) else {
        return BTreeMap::new();
    };
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parsed = line.split_once("->").and_then(|(old, rest)| {
            let (new, note) = rest.split_once(':')?;
            let (old, new, note) = (old.trim(), new.trim(), note.trim());
            (!old.is_empty() && !new.is_empty() && !note.is_empty())
                .then(|| (old.to_string(), new.to_string()))
        });
        let Some((old, new)) = parsed else {
            panic!(
                "{MIGRATIONS} line {}: expected `old-id -> new-id: note` or `old-id -> removed: note`, got {line:?}",
                n + 1
            );
        };
        assert!(
            out.insert(old.clone(), new).is_none(),
            "{old} migrated twice"
        );
    }
    out
}

#[test]
fn released_question_ids_stay_or_are_migrated() {
    let q = questionnaire();
    let text = std::fs::read_to_string(path(RELEASED_IDS)).expect("the released id list exists");
    let released: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let released_set: BTreeSet<&str> = released.iter().copied().collect();
    assert_eq!(released.len(), released_set.len(), "an id is listed twice");
    let migrations = migrations();
    let mut problems = Vec::new();
    for id in &released {
        match (q.question(id), migrations.get(*id)) {
            (Some(_), None) => {}
            (Some(_), Some(_)) => problems.push(format!("{id} is still present but migrated")),
            (None, None) => problems.push(format!(
                "released question {id} is gone: add `{id} -> new-id: why` or `{id} -> removed: why` to {MIGRATIONS}"
            )),
            (None, Some(new)) if new == "removed" => {}
            (None, Some(new)) => {
                if q.question(new).is_none() {
                    problems.push(format!("{id} migrates to {new}, which does not exist"));
                }
            }
        }
    }
    for old in migrations.keys() {
        if !released_set.contains(old.as_str()) {
            problems.push(format!("{old} is migrated but was never released"));
        }
    }
    let unreleased: Vec<&str> = q
        .questions()
        .map(|(_, question)| question.id.as_str())
        .filter(|id| !released_set.contains(id))
        .collect();
    if !unreleased.is_empty() {
        problems.push(format!(
            "questions not yet in {RELEASED_IDS}; releasing them is a promise to keep their ids, so add these lines:\n{}",
            unreleased.join("\n")
        ));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------- a version-1 plan opens

/// Whether version 2 can use this answer to its own question of that id.
fn usable(question: &Question, answer: &Answer) -> bool {
    match answer.given_value() {
        None => true,
        Some(Value::List(chosen)) => {
            question.kind == QuestionType::Multi
                && chosen.iter().all(|v| question.option(v).is_some())
        }
        Some(Value::Text(v)) if question.kind.is_choice() => question.option(v).is_some(),
        Some(Value::Text(_)) => question.kind.is_textual(),
        Some(value) => question.score_of(value).is_some() || !question.is_scored(),
    }
}

#[test]
fn a_full_version_1_plan_keeps_every_answer_on_version_2() {
    let q = questionnaire();
    let plan =
        outready::plan::read::load_path(&path("tests/fixtures/plans/it-outsourcing-v1.json"))
            .expect("the version-1 plan reads");
    // The fixture answers every question version 1 released.
    let released = std::fs::read_to_string(path(RELEASED_IDS)).expect("released ids");
    let v1: Vec<&str> = released
        .split("# Released in it-outsourcing 2.0.0.")
        .next()
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(v1.len(), 125);
    assert_eq!(plan.questionnaire.version, "1.0.0");
    for id in &v1 {
        let given = plan
            .answer(id)
            .unwrap_or_else(|| panic!("the fixture skips {id}"));
        assert_eq!(given.state, AnswerState::Answered, "{id}");
    }

    let mut answers = plan.answers.clone();
    let moved = outready::questionnaire::moved::apply(&q, &mut answers);
    let moved_from: BTreeMap<&str, &str> = moved
        .iter()
        .map(|m| (m.from.as_str(), m.to.as_str()))
        .collect();
    assert_eq!(answers.len(), plan.answers.len(), "an answer was lost");
    for id in &v1 {
        let old = plan.answer(id).expect("answered");
        if let Some(to) = moved_from.get(id) {
            // Moved: the new question holds it, usable, with its note and flag.
            let new = &answers[*to];
            let question = q.question(to).expect("moved to a question");
            assert!(
                usable(question, new),
                "{id} moved to {to} unusable: {new:?}"
            );
            assert_eq!((&new.note, new.discuss), (&old.note, old.discuss), "{id}");
            assert!(!answers.contains_key(*id), "{id} moved but still there");
        } else {
            // Kept: under its own id, usable where version 2 still asks it, kept aside
            // (for the owner to see, never scored) where it does not.
            assert_eq!(answers.get(*id), Some(old), "{id} changed without moving");
            if let Some(question) = q.question(id) {
                assert!(usable(question, old), "{id} is kept but unusable: {old:?}");
            }
        }
    }
    // The scales whose top changed move, "in use" becoming "agreed".
    for (from, to) in [
        ("goal-outcomes", "goal-outcome-list"),
        ("backup-data-loss", "backup-loss-limit"),
    ] {
        assert_eq!(moved_from.get(from), Some(&to));
        assert_eq!(answers[to].value, Some(Value::Text("agreed".into())));
    }
    assert_eq!(
        answers["scope-asset-list"].value,
        Some(Value::Text("complete".into()))
    );
    // The decision owner meets an answered relationship owner: that answer stays, and the
    // old one (with its note) is kept aside.
    assert!(!moved_from.contains_key("goal-decision-owner"));
    assert!(answers["goal-decision-owner"].note.is_some());
    // A changed question keeps its old answer aside, unscored: the warning signs were asked
    // of every provider considered, with options other questions ask now.
    assert!(answers.contains_key("select-red-flags"));
    assert!(q.question("select-red-flags").is_none());
    // The budget's "do you know" questions gave way to the amounts: their old answers are
    // kept aside the same way, never read as an amount.
    for old in ["budget-today", "budget-onboarding", "budget-exit-cost"] {
        assert!(q.question(old).is_none(), "{old} is still asked");
        assert_eq!(
            answers.get(old),
            plan.answer(old),
            "{old} is not kept aside"
        );
        assert!(answers.contains_key(old), "{old} is lost");
    }
    // What moved counts on version 2: no moved answer is unusable.
    let assessment = outready::scoring::assess(&q, &answers);
    for m in &moved {
        let assessed = assessment
            .questions
            .iter()
            .find(|a| a.id == m.to)
            .expect("assessed");
        assert!(!assessed.unusable_answer, "{} is unusable", m.to);
    }
}

#[test]
fn every_renamed_question_whose_meaning_stayed_moves() {
    let q = questionnaire();
    let lines = migrations();
    let moved: BTreeMap<&str, &str> = q
        .moved
        .iter()
        .map(|m| (m.from.as_str(), m.to.as_str()))
        .collect();
    let text = std::fs::read_to_string(path(MIGRATIONS)).expect("migrations");
    for (old, new) in &lines {
        // The migration note says "(moved" exactly when the questionnaire moves it.
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{old} ->")))
            .expect("line");
        assert_eq!(
            line.contains("(moved"),
            moved.get(old.as_str()) == Some(&new.as_str()),
            "{line}"
        );
    }
    assert!(moved.len() >= 10, "{moved:?}");
}

#[test]
fn the_stage_caps_the_verdict_until_there_are_offers_and_says_what_comes_next() {
    let q = questionnaire();
    let stage = q.stage.as_ref().expect("the questionnaire has a stage");
    assert_eq!(stage.question, "profile-stage");
    let question = q
        .question(&stage.question)
        .expect("the stage question exists");
    assert_eq!(question.kind, QuestionType::Single);
    assert!(
        !question.allow_unsure,
        "everyone knows how far they have got"
    );
    let values: Vec<&str> = question.options.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(values, ["exploring", "comparing", "draft", "signing"]);
    let caps: Vec<Option<&str>> = values
        .iter()
        .map(|v| stage.by_value[*v].caps_at.as_deref())
        .collect();
    // Without offers a verdict cannot say "sign"; with offers but no draft it stops short
    // of "ready"; with a draft the answers decide.
    assert_eq!(caps, [Some("basics"), Some("nearly"), None, None]);
    // Each note says what to do at that stage.
    for (value, step) in [
        ("exploring", "Next: send your list of needs"),
        ("comparing", "Next: get each provider's answers in writing"),
        ("draft", "check each contract gap below"),
        ("signing", "sign only when no blocker is open"),
    ] {
        let note = &stage.by_value[value].note;
        assert!(note.contains(step), "{value}: {note}");
    }
    let exploring = &stage.by_value["exploring"].note;
    assert!(exploring.contains("not ready to sign yet") && exploring.contains("expected"));
}
