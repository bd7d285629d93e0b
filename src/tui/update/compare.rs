//! Plans that meet: the plans screen's marks, putting the marked plans side by side
//! (the compare screen, scrolled, Esc back to the plans), and the offer to merge a sync
//! tool's conflicting copy into its plan. The reading and merging are effects the
//! session carries out; what they found comes back here.

use super::switch_screen;
use crate::tui::app::{App, Opened, ReviewFilter, ReviewState, Screen};
use crate::tui::layout;
use crate::tui::message::{Effect, Message};

/// Marks the selected plan to compare, or unmarks it.
pub(super) fn toggle_mark(app: &mut App) -> Vec<Effect> {
    let Screen::Plans(state) = &mut app.screen else {
        return Vec::new();
    };
    let Some(row) = state.rows.get(state.selected) else {
        return Vec::new();
    };
    if let Some(problem) = &row.problem {
        let problem = format!("This plan cannot be compared: {problem}");
        app.warn(problem);
        return Vec::new();
    }
    let file = row.file.clone();
    let name = row.name.clone();
    let marked = if let Some(at) = state.marked.iter().position(|f| *f == file) {
        state.marked.remove(at);
        false
    } else {
        state.marked.push(file);
        true
    };
    let count = state.marked.len();
    let said = match (marked, count) {
        (true, 1) => {
            format!("Marked \"{name}\": mark another with Space, then press c to compare.")
        }
        (true, _) => format!("Marked \"{name}\": {count} plans marked, c compares them."),
        (false, _) => format!("Unmarked \"{name}\": {count} marked."),
    };
    app.say(said);
    Vec::new()
}

/// Asks for the marked plans side by side; two at least.
pub(super) fn open_compare(app: &mut App) -> Vec<Effect> {
    let Screen::Plans(state) = &app.screen else {
        return Vec::new();
    };
    if state.marked.len() < 2 {
        let count = state.marked.len();
        app.warn(format!(
            "Mark two or more plans with Space to compare them ({count} marked)."
        ));
        return Vec::new();
    }
    vec![Effect::LoadComparison(state.marked.clone())]
}

/// Asks to merge the conflicting copies of the plan selected on the plans screen, or
/// elsewhere of the plan open.
pub(super) fn merge_copies(app: &mut App) -> Vec<Effect> {
    let target = match &app.screen {
        Screen::Plans(state) => {
            let Some(row) = state.rows.get(state.selected) else {
                return Vec::new();
            };
            if !state.conflicts.iter().any(|(file, _)| *file == row.file) {
                app.warn(format!(
                    "There is no conflicting copy of \"{}\" to merge.",
                    row.name
                ));
                return Vec::new();
            }
            row.file.clone()
        }
        _ => match &app.plan_file {
            Some(file) => file.clone(),
            None => {
                app.warn("This plan has no file yet, so there is no copy of it to merge.");
                return Vec::new();
            }
        },
    };
    if app.read_only.is_some() && app.plan_file.as_ref() == Some(&target) {
        app.warn("Read-only: this plan is open in another outready, so nothing can be merged into it here.");
        return Vec::new();
    }
    vec![Effect::MergeCopies(target)]
}

/// The compare screen: scrolled by line or page; Esc goes back to the plans as left.
pub(super) fn update_compare(app: &mut App, message: Message) -> Vec<Effect> {
    let page = u16::try_from(layout::page(app)).unwrap_or(1);
    let Screen::Compare(state) = &app.screen else {
        return Vec::new();
    };
    let max = crate::tui::screens::compare::max_scroll(app, state, layout::body(app));
    let scroll = state.scroll.min(max);
    let to = match message {
        Message::Up | Message::ScrollUp => scroll.saturating_sub(1),
        Message::Down | Message::ScrollDown => scroll.saturating_add(1).min(max),
        Message::PageUp => scroll.saturating_sub(page),
        Message::PageDown => scroll.saturating_add(page).min(max),
        Message::Close => {
            let back = state.back.clone();
            app.screen = Screen::Plans(back);
            return Vec::new();
        }
        other => return switch_screen(app, &other).unwrap_or_default(),
    };
    if let Screen::Compare(state) = &mut app.screen {
        state.scroll = to;
    }
    Vec::new()
}

/// A merge done: the open plan reloads with the merged answers, and its disputed
/// questions are listed; a merge into another plan lists the plans again.
pub(super) fn merged(
    app: &mut App,
    opened: Option<Box<Opened>>,
    said: String,
    disputes: usize,
) -> Vec<Effect> {
    let Some(opened) = opened else {
        app.say(said);
        return vec![Effect::LoadPlanList];
    };
    super::results::reopen(app, *opened);
    if disputes > 0 {
        let review = ReviewState {
            filter: ReviewFilter::Disputed,
            selected: 0,
        };
        app.places.review = review.clone();
        app.screen = Screen::Review(review);
    }
    app.say(said);
    Vec::new()
}
