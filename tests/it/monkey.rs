//! The monkey: a seeded random stream of 100,000 key presses, pastes, clicks and resizes
//! (down to 1x1) against the wizard on the built-in questionnaire, drawn on a TestBackend,
//! through the driver's own pieces (`to_message`, `update`, `Session::perform`). Quitting
//! starts the wizard again on the same data, as a user would. Nothing may panic, and
//! every plan saved at the end loads and holds what the wizard holds.
//!
//! Replay a failure with `OUTREADY_MONKEY_SEED=<seed> cargo test --test monkey`.

use std::time::{Duration, Instant};

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use outready::plan::PlanStore;
use outready::plan::store::load_path;
use outready::tui::app::App;
use outready::tui::message::Effect;
use outready::tui::session::{Options, Session};
use outready::tui::view::AppView;
use outready::tui::{to_message, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const EVENTS: usize = 100_000;

/// A small seeded random number generator (xorshift), so a run can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const TYPED: &[char] = &[
    'a', 'b', 'c', 'e', 'f', 'g', 'h', 'j', 'k', 'l', 'n', 'p', 'r', 's', 'u', 'w', 'x', 'y', 'z',
    '1', '2', '3', '4', '5', '9', '0', ' ', '?', '[', ']', '-', '.', ',', '/', 'é', 'ß', '中',
    '🙂', 'A', 'Z',
];

const CODES: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::F(1),
];

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// One random event; `size` is the terminal's size now.
fn event(rng: &mut Rng, size: Rect) -> Event {
    match rng.below(100) {
        0..45 => key(KeyCode::Char(rng.pick(TYPED)), KeyModifiers::NONE),
        45..80 => key(rng.pick(CODES), KeyModifiers::NONE),
        80..82 => {
            let mut release = KeyEvent::new(rng.pick(CODES), KeyModifiers::NONE);
            release.kind = KeyEventKind::Release;
            Event::Key(release)
        }
        // Quitting is rare: each one starts the wizard again.
        82 if rng.below(40) == 0 => match rng.below(2) {
            0 => key(KeyCode::Char('q'), KeyModifiers::NONE),
            _ => key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        },
        82..84 => key(KeyCode::Char(rng.pick(TYPED)), KeyModifiers::ALT),
        84..91 => Event::Paste(paste(rng)),
        91..93 => {
            let (w, h) = if rng.below(4) == 0 {
                (1 + rng.below(12), 1 + rng.below(6))
            } else {
                (20 + rng.below(180), 6 + rng.below(55))
            };
            Event::Resize(w as u16, h as u16)
        }
        _ => {
            let kind = match rng.below(4) {
                0 => MouseEventKind::ScrollUp,
                1 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::Down(MouseButton::Left),
            };
            Event::Mouse(MouseEvent {
                kind,
                column: rng.below(usize::from(size.width) + 2) as u16,
                row: rng.below(usize::from(size.height) + 2) as u16,
                modifiers: KeyModifiers::NONE,
            })
        }
    }
}

fn paste(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "Acme",
        " ",
        "\n",
        "\r\n",
        "\t",
        "12",
        "3.5",
        "2026-12-01",
        "-",
        "€",
        "\u{7}",
        "\u{1b}[2J",
        "..",
        "/",
        "\\",
        "\u{200b}",
        "🙂",
        "中文",
        "%",
        "1e9",
        "NaN",
    ];
    let mut text = String::new();
    for _ in 0..rng.below(40) {
        text.push_str(rng.pick(PIECES));
    }
    if rng.below(200) == 0 {
        text.push_str(&"long paste ".repeat(20_000));
    }
    text
}

/// A temporary folder in memory where there is one: the monkey is about the wizard, and
/// waiting for a disk to sync hundreds of saves would only make it slow.
fn scratch_dir() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().expect("test setup")
}

fn open(options: &Options) -> (Session, App) {
    let mut session = Session::open(options).expect("the plan opens");
    let app = session.app(Default::default()).expect("the wizard starts");
    (session, app)
}

#[test]
fn a_long_random_session_never_panics_and_every_saved_plan_loads() {
    let seed = std::env::var("OUTREADY_MONKEY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x00c0_ffee_u64);
    let mut rng = Rng(seed);
    let data = scratch_dir();
    let options = Options {
        data_dir: data.path().to_path_buf(),
        plan: Some("Monkey".into()),
        ..Options::default()
    };
    let (mut session, mut app) = open(&options);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let started = Instant::now();
    let (mut restarts, mut saves, mut skipped) = (0, 0, 0);
    for n in 0..EVENTS {
        let size = terminal.size().unwrap();
        app.area = Rect::new(0, 0, size.width, size.height);
        // Drawing every frame is what the terminal does; a sample keeps the test quick,
        // and every frame after a resize is drawn.
        // The smallest window there is, now and then for certain.
        let event = if n % 9973 == 0 {
            Event::Resize(1, 1)
        } else {
            event(&mut rng, app.area)
        };
        if let Event::Resize(w, h) = event {
            terminal.backend_mut().resize(w, h);
            terminal.resize(Rect::new(0, 0, w, h)).unwrap();
            app.area = Rect::new(0, 0, w, h);
            terminal
                .draw(|frame| frame.render_widget(AppView { app: &app }, frame.area()))
                .unwrap();
            continue;
        }
        if n % 20 == 0 || app.area.width < 20 {
            terminal
                .draw(|frame| frame.render_widget(AppView { app: &app }, frame.area()))
                .unwrap();
        }
        let Some(message) = to_message(&app, event) else {
            continue;
        };
        for effect in update::update(&mut app, message) {
            match effect {
                Effect::Quit => {
                    session.save(&mut app);
                    drop((session, app));
                    (session, app) = open(&options);
                    restarts += 1;
                    break;
                }
                // Every save goes to disk in the wizard; here one in twenty does (the
                // rest would be the same write again), and always before a switch.
                Effect::SavePlan if rng.below(20) != 0 => skipped += 1,
                effect => {
                    saves += usize::from(effect == Effect::SavePlan);
                    if matches!(effect, Effect::SwitchPlan(_) | Effect::CreatePlan(_)) {
                        session.perform(&mut app, Effect::SavePlan);
                    }
                    session.perform(&mut app, effect);
                }
            }
        }
    }
    session.save(&mut app);
    if app.saved_once && app.read_only.is_none() {
        let file = session.plan_file().expect("a saved plan has a file");
        assert_eq!(load_path(&file).unwrap(), app.plan, "seed {seed}");
    }
    let plans = PlanStore::in_data_dir(data.path()).list().unwrap();
    for entry in &plans {
        assert!(entry.plan.is_ok(), "seed {seed}: {:?}", entry.plan);
    }
    let answered = app.plan.answers.len();
    eprintln!(
        "{EVENTS} events in {:?}: {restarts} restarts, {saves} saves ({skipped} skipped), {} plans, {answered} answers in the last",
        started.elapsed(),
        plans.len()
    );
    assert!(
        !plans.is_empty(),
        "the monkey never named a plan (seed {seed})"
    );
    assert!(started.elapsed() < Duration::from_secs(120));
}
