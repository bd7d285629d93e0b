//! Table tests of the agenda's arithmetic and of reading it as the command line gives it.

use super::*;

fn loads(shown: &[(&'static str, usize)]) -> Vec<SectionLoad<'static>> {
    shown
        .iter()
        .map(|(id, shown)| SectionLoad { id, shown: *shown })
        .collect()
}

#[test]
fn the_time_left_rounds_up_and_the_time_over_down() {
    // (minutes planned, seconds used, standing, words)
    let cases = [
        (10, 0, Standing::Left(10), "10 min left"),
        (10, 1, Standing::Left(10), "10 min left"),
        (10, 59, Standing::Left(10), "10 min left"),
        (10, 60, Standing::Left(9), "9 min left"),
        (10, 361, Standing::Left(4), "4 min left"),
        (10, 599, Standing::Left(1), "1 min left"),
        (10, 600, Standing::TimeUp, "time is up"),
        (10, 659, Standing::TimeUp, "time is up"),
        (10, 660, Standing::Over(1), "1 min over"),
        (10, 780, Standing::Over(3), "3 min over"),
        (0, 0, Standing::TimeUp, "time is up"),
    ];
    for (minutes, used, standing, words) in cases {
        let got = Standing::of(minutes, used);
        assert_eq!(got, standing, "{minutes} min, {used} s used");
        assert_eq!(got.words(), words);
        assert_eq!(got.is_up(), !matches!(standing, Standing::Left(_)));
    }
}

#[test]
fn what_the_clock_shows_changes_at_most_once_a_minute() {
    for (used, wait) in [(0, 60), (1, 59), (59, 1), (60, 60), (125, 55)] {
        assert_eq!(until_next_change(used), wait, "{used}");
        // The wait ends where the minutes shown change, and not before.
        let before = Standing::of(10, used);
        assert_eq!(Standing::of(10, used + wait - 1), before);
        assert_ne!(Standing::of(10, used + wait), before);
    }
}

#[test]
fn a_session_is_spread_by_questions_and_adds_up() {
    // (total minutes, questions shown per section, minutes per section)
    let cases: [(u32, &[usize], &[u32]); 6] = [
        (90, &[10, 20, 30], &[15, 30, 45]),
        (10, &[1, 1, 1], &[4, 3, 3]),
        (90, &[9, 7, 7, 23], &[17, 14, 14, 45]),
        (30, &[5, 0, 5], &[15, 0, 15]),
        (1, &[3, 2], &[1, 0]),
        (60, &[0, 0], &[0, 0]),
    ];
    for (total, shown, want) in cases {
        let ids = ["a", "b", "c", "d"];
        let loads: Vec<SectionLoad> = shown
            .iter()
            .zip(ids)
            .map(|(shown, id)| SectionLoad { id, shown: *shown })
            .collect();
        let got = spread(total, &loads);
        assert_eq!(got, want, "{total} over {shown:?}");
        if shown.iter().any(|s| *s > 0) {
            assert_eq!(got.iter().sum::<u32>(), total);
        }
    }
}

#[test]
fn the_planned_minutes_come_from_the_sections_or_the_spread_session() {
    let loads = loads(&[("goal", 10), ("scope", 10), ("budget", 20)]);
    let session = Agenda {
        session: Some(80),
        ..Agenda::default()
    };
    assert!(session.is_spread());
    assert_eq!(session.planned(&loads), [Some(20), Some(20), Some(40)]);
    let mut split = Agenda::default();
    split.sections.insert("goal".into(), 10);
    split.sections.insert("budget".into(), 15);
    assert!(!split.is_spread());
    assert_eq!(split.planned(&loads), [Some(10), None, Some(15)]);
    assert_eq!(split.total(&loads), 25);
}

#[test]
fn changing_one_section_of_a_spread_session_keeps_the_others() {
    let loads = loads(&[("goal", 10), ("scope", 10), ("budget", 20)]);
    let mut agenda = Agenda {
        session: Some(80),
        ..Agenda::default()
    };
    agenda.set_minutes(&loads, 1, 5);
    assert_eq!(agenda.session, None);
    assert_eq!(agenda.planned(&loads), [Some(20), Some(5), Some(40)]);
    agenda.set_minutes(&loads, 0, 0);
    assert_eq!(agenda.planned(&loads), [None, Some(5), Some(40)]);
}

#[test]
fn the_next_section_is_the_next_that_shows_a_question() {
    let loads = loads(&[("a", 3), ("b", 0), ("c", 2), ("d", 0)]);
    for (current, next) in [(0, Some(2)), (1, Some(2)), (2, None), (3, None)] {
        assert_eq!(next_section(&loads, current), next, "{current}");
    }
}

#[test]
fn used_time_is_banked_per_section() {
    let mut agenda = Agenda::default();
    agenda.bank("goal", 90);
    agenda.bank("goal", 30);
    agenda.bank("scope", 0);
    assert_eq!(agenda.used("goal"), 120);
    assert_eq!(agenda.used("scope"), 0);
    assert!(!agenda.used.contains_key("scope"));
    let since: Timestamp = "2027-01-04T09:00:00Z".parse().unwrap();
    let now: Timestamp = "2027-01-04T09:04:30Z".parse().unwrap();
    assert_eq!(elapsed(since, now), 270);
    assert_eq!(elapsed(now, since), 0, "a clock set back counts nothing");
}

#[test]
fn minutes_are_read_as_people_write_them() {
    let cases = [
        ("90m", Ok(90)),
        ("90", Ok(90)),
        ("90 min", Ok(90)),
        ("1h30m", Ok(90)),
        ("1h30", Ok(90)),
        ("2h", Ok(120)),
        ("1H", Ok(60)),
        ("0m", Err(())),
        ("", Err(())),
        ("ten", Err(())),
        ("25h", Err(())),
        ("-5m", Err(())),
    ];
    for (text, want) in cases {
        assert_eq!(parse_minutes(text).map_err(|_| ()), want, "{text:?}");
    }
}

#[test]
fn the_command_line_gives_a_session_or_sections_and_ids_are_checked() {
    assert_eq!(parse_spec("90m"), Ok(AgendaSpec::Session(90)));
    let spec = parse_spec("goal=10m, budget=15").unwrap();
    assert_eq!(
        spec,
        AgendaSpec::Sections(vec![("goal".into(), 10), ("budget".into(), 15)])
    );
    let known = ["goal", "scope", "budget"];
    let agenda = Agenda::from_spec(&spec, &known).unwrap();
    assert_eq!(agenda.sections.len(), 2);
    let error = Agenda::from_spec(&parse_spec("goals=10m").unwrap(), &known).unwrap_err();
    assert_eq!(
        error.to_string(),
        "there is no section \"goals\" in this questionnaire; its sections are: goal, scope, budget"
    );
    assert_eq!(
        parse_spec("goal=,scope=5"),
        Err(AgendaError::NoTime("goal=".into()))
    );
    assert_eq!(
        parse_spec("goal=5,goal=6"),
        Err(AgendaError::Twice("goal".into()))
    );
    assert!(matches!(
        parse_spec("goal=soon"),
        Err(AgendaError::NotATime(_))
    ));
}

#[test]
fn a_new_plan_keeps_the_time_used() {
    let mut agenda = Agenda::default();
    agenda.bank("goal", 300);
    agenda.running = true;
    agenda.replan(Agenda {
        session: Some(60),
        ..Agenda::default()
    });
    assert_eq!(
        (agenda.session, agenda.used("goal"), agenda.running),
        (Some(60), 300, true)
    );
}
