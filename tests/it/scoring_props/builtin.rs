//! Laws of the verdict, checked on every built-in questionnaire with random answers:
//! best answers reach the top level, three minor answers at their worst still leave the
//! second highest, any blocker gives the lowest (and a critical answer below half at most
//! the second lowest), and raising an answer never lowers the level or the score. Written for any sound questionnaire, not for one file's content.
//!
//! "Best answers" are, for a random profile (the unscored questions answered at random),
//! the highest-scoring answer of every shown scored question, with the stage question at
//! the latest stage that caps nothing ("about to sign"). "Minor" questions are the ones
//! that are never critical and never block.

use std::collections::BTreeSet;
use std::path::Path;

use outready::answer::{Answer, AnswerState, Answers, Value};
use outready::questionnaire::load::load_file;
use outready::questionnaire::{Question, Questionnaire, Visibility};

use super::answers::{any_answer, best, profile, scored_values, worst};
use outready::scoring::{Assessment, HoldReason, assess};
use proptest::prelude::*;
use proptest::sample::Index;

/// Every built-in questionnaire, as the file on disk says it.
fn builtins() -> Vec<Questionnaire> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the questionnaires folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            std::sync::Arc::unwrap_or_clone(
                load_file(p)
                    .expect("a built-in questionnaire loads")
                    .questionnaire,
            )
        })
        .collect()
}

/// Random numbers enough to answer every question of the largest built-in.
fn rolls() -> impl Strategy<Value = Vec<u32>> {
    let most = builtins()
        .iter()
        .map(Questionnaire::question_count)
        .max()
        .unwrap_or(0);
    proptest::collection::vec(any::<u32>(), most)
}

/// Gives every shown scored question without an answer its best one (except `keep`),
/// until answering reveals nothing more.
fn fill_best(questionnaire: &Questionnaire, answers: &mut Answers, keep: &BTreeSet<String>) {
    loop {
        let visibility = Visibility::compute(questionnaire, answers);
        let open: Vec<(String, Answer)> = questionnaire
            .questions()
            .filter(|(_, q)| q.is_scored() && visibility.shows(questionnaire, &q.id))
            .filter(|(_, q)| !answers.contains_key(q.id.as_str()) && !keep.contains(q.id.as_str()))
            .filter_map(|(_, q)| Some((q.id.to_string(), best(q)?)))
            .collect();
        if open.is_empty() {
            return;
        }
        answers.extend(open);
    }
}

fn best_answers(questionnaire: &Questionnaire, rolls: &[u32]) -> Answers {
    let mut answers = profile(questionnaire, rolls);
    fill_best(questionnaire, &mut answers, &BTreeSet::new());
    answers
}

fn level(assessment: &Assessment) -> usize {
    assessment.level.as_ref().map_or(0, |l| l.index)
}

/// What went wrong, for a failure message.
fn explain(questionnaire: &Questionnaire, assessment: &Assessment) -> String {
    let holds: Vec<String> = assessment
        .holds
        .iter()
        .map(|h| format!("{} ({:?})", h.question, h.reason))
        .collect();
    format!(
        "{}: score {:?}, level {:?}, held by [{}], first gaps [{}]",
        questionnaire.id,
        assessment.score,
        assessment.level.as_ref().map(|l| &l.id),
        holds.join(", "),
        assessment
            .gaps
            .iter()
            .take(5)
            .map(|g| format!("{} {:?}", g.question, g.score))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Question ids any condition or the stage reads: changing them may show, hide, block or
/// make critical something else.
fn read_by_conditions(questionnaire: &Questionnaire) -> BTreeSet<String> {
    let mut read: BTreeSet<String> = questionnaire
        .stage
        .iter()
        .map(|s| s.question.clone())
        .collect();
    let conditions = questionnaire
        .sections
        .iter()
        .filter_map(|s| s.show_if.as_ref())
        .chain(questionnaire.questions().flat_map(|(_, q)| {
            [
                q.show_if.as_ref(),
                q.blocker_if.as_ref(),
                q.critical_if.as_ref(),
            ]
            .into_iter()
            .flatten()
        }));
    for condition in conditions {
        read.extend(condition.questions().into_iter().map(str::to_string));
    }
    read
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn best_answers_give_the_top_level(rolls in rolls()) {
        for questionnaire in builtins() {
            let assessment = assess(&questionnaire, &best_answers(&questionnaire, &rolls));
            prop_assert_eq!(
                level(&assessment) + 1,
                questionnaire.levels.len(),
                "{}",
                explain(&questionnaire, &assessment)
            );
        }
    }

    #[test]
    fn three_minor_answers_at_their_worst_leave_the_second_highest_level(
        rolls in rolls(),
        picks in proptest::collection::vec(any::<Index>(), 3),
    ) {
        for questionnaire in builtins() {
            let mut answers = best_answers(&questionnaire, &rolls);
            let assessed = assess(&questionnaire, &answers);
            let minor: Vec<&Question> = questionnaire
                .questions()
                .zip(&assessed.questions)
                .filter(|((_, q), a)| a.shown && q.is_scored())
                .filter(|((_, q), _)| !q.may_be_critical() && q.blocker_if.is_none())
                .map(|((_, q), _)| q)
                .collect();
            if minor.len() < 3 {
                continue;
            }
            let mut kept = BTreeSet::new();
            for pick in &picks {
                // Three different questions: step on from a repeat.
                let start = pick.index(minor.len());
                let question = (0..minor.len())
                    .map(|k| minor[(start + k) % minor.len()])
                    .find(|q| !kept.contains(q.id.as_str()))
                    .expect("three minor questions");
                kept.insert(question.id.to_string());
                if let Some(answer) = worst(question) {
                    answers.insert(question.id.to_string(), answer);
                }
            }
            fill_best(&questionnaire, &mut answers, &kept);
            let assessment = assess(&questionnaire, &answers);
            prop_assert!(
                level(&assessment) + 2 >= questionnaire.levels.len(),
                "worst on {:?}: {}",
                kept,
                explain(&questionnaire, &assessment)
            );
        }
    }

    #[test]
    fn any_blocker_gives_the_lowest_level(rolls in rolls()) {
        for questionnaire in builtins() {
            let answers: Answers = questionnaire
                .questions()
                .zip(&rolls)
                .filter_map(|((_, q), roll)| Some((q.id.to_string(), any_answer(q, *roll)?)))
                .collect();
            let assessment = assess(&questionnaire, &answers);
            if assessment.questions.iter().any(|q| q.blocker) {
                prop_assert_eq!(level(&assessment), 0, "{}", explain(&questionnaire, &assessment));
            }
            // And no level above the second lowest while a critical answer is below half,
            // so no level text that says "you can sign" is shown with one open.
            let critical_low = assessment
                .holds
                .iter()
                .any(|h| matches!(h.reason, HoldReason::CriticalLow | HoldReason::CriticalUnsure));
            if critical_low {
                prop_assert!(level(&assessment) <= 1, "{}", explain(&questionnaire, &assessment));
            }
        }
    }

    #[test]
    fn raising_an_answer_never_lowers_the_level_or_the_score(
        rolls in rolls(),
        pick in any::<Index>(),
        low in any::<Index>(),
        high in any::<Index>(),
    ) {
        for questionnaire in builtins() {
            let read = read_by_conditions(&questionnaire);
            let answers: Answers = questionnaire
                .questions()
                .zip(&rolls)
                .filter_map(|((_, q), roll)| Some((q.id.to_string(), any_answer(q, *roll)?)))
                .collect();
            let free: Vec<&Question> = questionnaire
                .questions()
                .map(|(_, q)| q)
                .filter(|q| q.is_scored() && !read.contains(q.id.as_str()))
                .collect();
            if free.is_empty() {
                continue;
            }
            let question = pick.get(&free);
            let mut values = scored_values(question);
            values.sort_by(|a, b| a.1.total_cmp(&b.1));
            if values.is_empty() {
                continue;
            }
            let (a, b) = (low.index(values.len()), high.index(values.len()));
            let (lower, higher) = (&values[a.min(b)], &values[a.max(b)]);
            let with = |value: &Value| {
                let mut answers = answers.clone();
                answers.insert(question.id.to_string(), Answer::answered(value.clone()));
                assess(&questionnaire, &answers)
            };
            let (before, after) = (with(&lower.0), with(&higher.0));
            prop_assert!(
                after.score >= before.score && level(&after) >= level(&before),
                "{} from {:?} to {:?}: {} then {}",
                question.id,
                lower.0,
                higher.0,
                explain(&questionnaire, &before),
                explain(&questionnaire, &after)
            );
        }
    }
}

/// Every blocker of every built-in, triggered from best answers by each of its
/// question's answers in turn, gives the lowest level.
#[test]
fn each_blocker_alone_gives_the_lowest_level() {
    for questionnaire in builtins() {
        let rolls = vec![0; questionnaire.question_count()];
        let base = best_answers(&questionnaire, &rolls);
        for (_, question) in questionnaire
            .questions()
            .filter(|(_, q)| q.blocker_if.is_some())
        {
            let mut tries: Vec<Answer> = scored_values(question)
                .into_iter()
                .map(|(v, _)| Answer::answered(v))
                .collect();
            tries.extend(
                question
                    .allow_unsure
                    .then(|| Answer::in_state(AnswerState::Unsure)),
            );
            for answer in tries {
                let mut answers = base.clone();
                answers.insert(question.id.to_string(), answer);
                let assessment = assess(&questionnaire, &answers);
                if assessment.questions.iter().any(|q| q.blocker) {
                    assert_eq!(
                        level(&assessment),
                        0,
                        "{}",
                        explain(&questionnaire, &assessment)
                    );
                }
            }
        }
    }
}
