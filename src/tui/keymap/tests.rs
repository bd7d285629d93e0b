//! The key tables: every key shown does what its line says, and labels come from the
//! keys.

use super::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn digits_pick_their_option() {
    assert_eq!(
        message_for(Context::Question, &key(KeyCode::Char('1'))),
        Some(Message::Pick(0))
    );
    assert_eq!(
        message_for(Context::Question, &key(KeyCode::Char('9'))),
        Some(Message::Pick(8))
    );
    assert_eq!(
        message_for(Context::Question, &key(KeyCode::Char('0'))),
        None
    );
}

#[test]
fn letters_are_commands_outside_text_fields_and_text_inside() {
    assert_eq!(
        message_for(Context::Question, &key(KeyCode::Char('q'))),
        Some(Message::Quit)
    );
    assert_eq!(
        message_for(Context::Question, &key(KeyCode::Char('j'))),
        Some(Message::Down)
    );
    assert_eq!(
        message_for(Context::Typing, &key(KeyCode::Char('q'))),
        Some(Message::Type('q'))
    );
    assert_eq!(
        message_for(Context::Typing, &key(KeyCode::Char('j'))),
        Some(Message::Type('j'))
    );
    assert_eq!(
        message_for(Context::Note, &key(KeyCode::Char('?'))),
        Some(Message::Type('?'))
    );
}

#[test]
fn ctrl_c_quits_everywhere() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for context in [
        Context::Welcome,
        Context::Question,
        Context::Typing,
        Context::TypingLong,
        Context::Note,
        Context::NewPlanName,
        Context::ActionField,
        Context::Jump,
        Context::Gaps,
        Context::Actions,
        Context::Review,
        Context::Summary,
        Context::Plans,
        Context::Help,
        Context::Damaged,
        Context::Busy,
        Context::Currency,
    ] {
        assert_eq!(
            message_for(context, &ctrl_c),
            Some(Message::Quit),
            "{context:?}"
        );
    }
}

const EVERY: [Context; 26] = [
    Context::Agenda,
    Context::PositionEntry,
    Context::Currency,
    Context::Compare,
    Context::Since,
    Context::Positions,
    Context::Team,
    Context::Welcome,
    Context::WelcomeNamed,
    Context::Question,
    Context::Typing,
    Context::TypingLong,
    Context::Note,
    Context::NewPlanName,
    Context::Jump,
    Context::Reading,
    Context::ActionField,
    Context::Review,
    Context::Summary,
    Context::Gaps,
    Context::Actions,
    Context::Plans,
    Context::Help,
    Context::Damaged,
    Context::Busy,
    Context::TooSmall,
];

#[test]
fn arrows_move_the_selection_on_every_list() {
    for context in [
        Context::Question,
        Context::Jump,
        Context::Reading,
        Context::Review,
        Context::Summary,
        Context::Gaps,
        Context::Actions,
        Context::Plans,
    ] {
        assert_eq!(
            message_for(context, &key(KeyCode::Down)),
            Some(Message::Down),
            "{context:?}"
        );
        assert_eq!(
            message_for(context, &key(KeyCode::Up)),
            Some(Message::Up),
            "{context:?}"
        );
    }
}

#[test]
fn page_keys_scroll_every_long_screen() {
    for context in [
        Context::Reading,
        Context::Summary,
        Context::Gaps,
        Context::Actions,
        Context::Plans,
    ] {
        assert_eq!(
            message_for(context, &key(KeyCode::PageDown)),
            Some(Message::PageDown),
            "{context:?}"
        );
        assert_eq!(
            message_for(context, &key(KeyCode::PageUp)),
            Some(Message::PageUp),
            "{context:?}"
        );
    }
}

#[test]
fn the_footer_always_offers_help_and_quit_last() {
    let footer = hints(Context::Question, |_| true, true);
    let labels: Vec<String> = footer.iter().map(|b| b.footer_label()).collect();
    assert_eq!(labels.first().map(String::as_str), Some("1-9"));
    assert_eq!(&labels[labels.len() - 2..], ["?", "q"]);
    let typed = hints(Context::Question, |only| only != Only::Choice, true);
    assert!(typed.iter().all(|b| b.footer_label() != "1-9"));
}

#[test]
fn labels_are_made_from_the_keys_themselves() {
    let help = |context, message: Message| {
        hints(context, |_| true, false)
            .into_iter()
            .find(|b| b.message == message)
            .map(|b| b.help_label())
    };
    // Every key that moves on or back is named, not only the first.
    assert_eq!(
        help(Context::Question, Message::NextQuestion).as_deref(),
        Some("→/l/Tab")
    );
    assert_eq!(
        help(Context::Question, Message::PrevQuestion).as_deref(),
        Some("←/h/Shift-Tab")
    );
    assert_eq!(
        help(Context::Typing, Message::Confirm).as_deref(),
        Some("Enter/Tab")
    );
    assert_eq!(
        help(Context::Help, Message::Close).as_deref(),
        Some("Esc/?/Enter/F1")
    );
    // The footer shows the first key, or the pair read together.
    let footer = |context| -> Vec<String> {
        hints(context, |_| true, true)
            .iter()
            .map(|b| b.footer_label())
            .collect()
    };
    assert_eq!(footer(Context::Review)[0], "↑/↓");
    assert!(footer(Context::Summary).contains(&"e".to_string()));
    assert!(footer(Context::Summary).contains(&"q".to_string()));
}

/// The key event a `Key` stands for.
fn event_for(k: Key) -> KeyEvent {
    match k {
        Key::Char(c) => key(KeyCode::Char(c)),
        Key::Code(code) => key(code),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Digits => key(KeyCode::Char('3')),
    }
}

#[test]
fn every_key_shown_does_what_its_line_says() {
    for context in EVERY {
        for binding in hints(context, |_| true, false) {
            assert!(!binding.keys.is_empty(), "{context:?} {}", binding.label);
            for k in binding.keys {
                let wanted = match k {
                    Key::Digits => Message::Pick(2),
                    _ => binding.message.clone(),
                };
                assert_eq!(
                    message_for(context, &event_for(*k)),
                    Some(wanted),
                    "{context:?}: {} {}",
                    binding.help_label(),
                    binding.label
                );
            }
        }
    }
}

#[test]
fn a_fixed_welcome_types_nothing() {
    assert_eq!(
        message_for(Context::WelcomeNamed, &key(KeyCode::Char('1'))),
        None
    );
    assert_eq!(
        message_for(Context::Welcome, &key(KeyCode::Char('1'))),
        Some(Message::Type('1'))
    );
    assert_eq!(
        message_for(Context::WelcomeNamed, &key(KeyCode::Enter)),
        Some(Message::Confirm)
    );
}

#[test]
fn dollar_opens_the_currency_box_where_amounts_show_and_types_inside_fields() {
    let dollar = key(KeyCode::Char('$'));
    for context in [Context::Question, Context::Summary] {
        assert_eq!(
            message_for(context, &dollar),
            Some(Message::EditCurrency),
            "{context:?}"
        );
    }
    // Typing an amount, `$` is a character of it; in the box, letters type the code.
    assert_eq!(
        message_for(Context::Typing, &dollar),
        Some(Message::Type('$'))
    );
    assert_eq!(
        message_for(Context::Currency, &key(KeyCode::Char('q'))),
        Some(Message::Type('q'))
    );
    assert_eq!(
        message_for(Context::Currency, &key(KeyCode::Enter)),
        Some(Message::Confirm)
    );
    assert_eq!(
        message_for(Context::Currency, &key(KeyCode::Esc)),
        Some(Message::Close)
    );
    // The `?` list of the question screen names the key where there are amounts.
    let listed = |amounts: bool| -> Vec<String> {
        hints(
            Context::Question,
            |only| only != Only::Amounts || amounts,
            false,
        )
        .iter()
        .filter(|b| b.message == Message::EditCurrency)
        .map(|b| b.help_label())
        .collect()
    };
    assert_eq!(listed(true), ["$"]);
    assert!(listed(false).is_empty());
}

#[test]
fn in_the_positions_box_unbound_keys_type_and_commands_stay_commands() {
    // Typing starts a typed position: a key no binding takes is passed on as typed.
    for c in ['0', '$', '.', 'D'] {
        assert_eq!(
            message_for(Context::Positions, &key(KeyCode::Char(c))),
            Some(Message::Type(c)),
            "{c}"
        );
    }
    assert_eq!(
        message_for(Context::Positions, &key(KeyCode::Char('u'))),
        Some(Message::Unsure)
    );
    assert_eq!(
        message_for(Context::Positions, &key(KeyCode::Char('1'))),
        Some(Message::Pick(0))
    );
    // Inside the entry every letter types; Enter records, Esc cancels.
    assert_eq!(
        message_for(Context::PositionEntry, &key(KeyCode::Char('u'))),
        Some(Message::Type('u'))
    );
    assert_eq!(
        message_for(Context::PositionEntry, &key(KeyCode::Enter)),
        Some(Message::Confirm)
    );
    assert_eq!(
        message_for(Context::PositionEntry, &key(KeyCode::Esc)),
        Some(Message::Close)
    );
}
