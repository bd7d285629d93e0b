//! The terminal front end: sets the terminal up (and always restores it), turns keys,
//! mouse, pastes and signals into messages, runs `update`, carries out its effects, and
//! draws only when something happened, so an idle wizard uses no CPU.

mod ahead;
pub mod app;
#[cfg(unix)]
mod hang_up;
pub mod keymap;
pub mod layout;
pub mod message;
pub mod screens;
pub mod session;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;

use std::io::{self, BufWriter, IsTerminal, Stdout};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use anyhow::{Context as _, Result};
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use ahead::Ahead;
use app::App;
use message::{Effect, Message};
use session::Session;

pub use session::Options;

/// What reached the loop: a terminal event, or a signal asking us to stop.
enum Input {
    Terminal(Event),
    /// The window changed size (the frame is drawn again at its new size).
    Resized,
    Stop,
    Failed(io::Error),
    /// The agenda's minute passed with nothing else to wake for.
    Tick,
}

/// What the terminal can show, read from the environment alone (no query to the
/// terminal, no file read), so finding out costs nothing at start-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    /// Whether it can draw full screens at all (not `TERM=dumb`).
    pub screens: bool,
    /// Whether it shows colour (a VT100 or a `-mono` terminal does not).
    pub colour: bool,
    /// Whether it shows UTF-8 (the locale says so, or says nothing).
    pub utf8: bool,
}

impl Capabilities {
    /// The terminal described by these environment variables (`TERM`, `LC_ALL`,
    /// `LC_CTYPE`, `LANG`).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Capabilities {
        let term = var("TERM").filter(|t| !t.is_empty());
        // Windows consoles set no TERM and draw well; elsewhere no TERM is as dumb.
        let screens = match term.as_deref() {
            Some("dumb") => false,
            Some(_) => true,
            None => cfg!(windows),
        };
        let term = term.unwrap_or_default().to_ascii_lowercase();
        let vt = term.starts_with("vt");
        let colour = !vt && !term.ends_with("-mono") && !term.ends_with("-m");
        // The first locale variable set decides, as the C library reads them.
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        let utf8 = !vt
            && locale.is_none_or(|l| {
                let l = l.to_ascii_lowercase();
                l.contains("utf-8") || l.contains("utf8")
            });
        Capabilities {
            screens,
            colour,
            utf8,
        }
    }

    /// Fits the wizard to the terminal: no colour, or ASCII only, where it has none.
    /// Done once, before the first message: every screen (the damaged-plan and
    /// plan-in-use ones too) is drawn with it, and a plan opened later keeps it.
    pub fn fit(self, app: &mut App) {
        if !self.colour {
            app.theme = theme::Theme::monochrome();
        }
        app.ascii = !self.utf8;
    }
}

/// What a terminal that cannot draw screens is told, in one sentence, naming its `TERM`.
pub fn cannot_draw(term: Option<&str>) -> String {
    let which = match term.filter(|t| !t.is_empty()) {
        Some(term) => format!("TERM={term}"),
        None => "TERM is not set".to_string(),
    };
    format!(
        "this terminal ({which}) cannot draw the wizard's screens: use `outready --plain` to answer line by line, or `outready report` for a report"
    )
}

/// Runs the wizard until the user quits; returns what to tell them afterwards.
pub fn run(options: Options) -> Result<String> {
    if !io::stdout().is_terminal() {
        // The plan and questionnaire are checked first, so a mistake in them is what the
        // user hears about, not only the missing terminal.
        Session::open(&options)?;
        anyhow::bail!(
            "standard output is not a terminal, so the wizard cannot draw its screens: use `outready --plain` to answer line by line, or `outready report` for a report"
        );
    }
    let capabilities = Capabilities::from_env(|name| std::env::var(name).ok());
    if !capabilities.screens {
        Session::open(&options)?;
        anyhow::bail!(cannot_draw(std::env::var("TERM").ok().as_deref()));
    }
    // The terminal's screens of cells are made on another core while the plan opens
    // here. The plan is opened before the terminal is touched, so a plan that cannot be
    // opened is told on a normal screen.
    let screens = Ahead::start(new_terminal);
    let session = Session::start(&options)?;
    // Signals are caught from before the terminal is changed, so a stop asked for at
    // any moment after restores it; they are read once the first screen is up.
    let signals = Signals::catch();
    let mut terminal = start_terminal(screens)?;
    let result = wizard(&mut terminal, session, signals, &options, capabilities);
    stop_terminal();
    result
}

/// Runs the wizard on the session's plan (on the damaged-plan or plan-in-use screen
/// first when it cannot be opened as it is), fitted to the terminal.
fn wizard(
    terminal: &mut WizardTerminal,
    mut session: Session,
    signals: Signals,
    options: &Options,
    capabilities: Capabilities,
) -> Result<String> {
    let mut app = session.app(options.theme)?;
    capabilities.fit(&mut app);
    // An agenda that was running when the plan was last closed starts its clock now.
    let effects = update::update(&mut app, Message::Tick);
    session.carry_out(&mut app, false, effects);
    // The first screen, then the threads that feed the loop: keys pressed meanwhile
    // wait in the terminal, and the first screen waits for nothing.
    draw(terminal, &mut app)?;
    let inputs = inputs(signals);
    event_loop(terminal, &inputs, &mut session, &mut app)?;
    session.farewell(&app)
}

/// The terminal the wizard draws on: standard output through a buffer that holds a
/// whole frame, so each frame leaves in one write instead of in 1 KB pieces.
pub type WizardTerminal = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// The terminal to draw on, not set up yet: its size read and its two screens of cells
/// made (the back one that was drawn, the front one being drawn). Changes nothing.
fn new_terminal() -> io::Result<WizardTerminal> {
    let output = BufWriter::with_capacity(1 << 16, io::stdout());
    Terminal::new(CrosstermBackend::new(output))
}

/// Sets the terminal up to draw on: raw mode, the alternate screen, mouse and paste.
fn start_terminal(screens: Ahead<io::Result<WizardTerminal>>) -> Result<WizardTerminal> {
    let failed = "the terminal could not be set up";
    // A panic restores the terminal (raw mode, alternate screen, mouse and paste modes)
    // before its message is printed.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        stop_terminal();
        previous(info);
    }));
    enable_raw_mode().context(failed)?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
    .context(failed)?;
    screens
        .wait()
        .context(failed)
        .inspect_err(|_| stop_terminal())
}

fn stop_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// The signals the wizard answers, caught (and held until read) from the moment this
/// is made: a stop (TERM, HUP, INT) saves and quits, a window change (WINCH) redraws.
struct Signals {
    #[cfg(unix)]
    caught: Option<signal_hook::iterator::Signals>,
}

impl Signals {
    fn catch() -> Signals {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGWINCH};
            Signals {
                caught: signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGWINCH])
                    .ok(),
            }
        }
        #[cfg(not(unix))]
        Signals {}
    }

    /// Tells the loop of each signal caught, those held since [`Signals::catch`] first,
    /// on a thread of its own that ends with the first stop.
    fn read_into(self, sender: mpsc::Sender<Input>) {
        #[cfg(unix)]
        if let Some(mut caught) = self.caught {
            use signal_hook::consts::SIGWINCH;
            thread::spawn(move || {
                for signal in caught.forever() {
                    let input = if signal == SIGWINCH {
                        Input::Resized
                    } else {
                        Input::Stop
                    };
                    let stop = matches!(input, Input::Stop);
                    if sender.send(input).is_err() || stop {
                        break;
                    }
                }
            });
        }
        #[cfg(not(unix))]
        drop(sender);
    }
}

/// Starts the threads that feed the loop: one blocked on terminal events, one on
/// signals, one waiting for the terminal to hang up. None wakes the loop unless
/// something happened.
fn inputs(signals: Signals) -> mpsc::Receiver<Input> {
    let (sender, receiver) = mpsc::channel();
    let events = sender.clone();
    thread::spawn(move || {
        loop {
            let input = match event::read() {
                Ok(event) => Input::Terminal(event),
                Err(error) => Input::Failed(error),
            };
            let failed = matches!(input, Input::Failed(_));
            if events.send(input).is_err() || failed {
                break;
            }
        }
    });
    signals.read_into(sender.clone());
    #[cfg(unix)]
    thread::spawn(move || {
        if hang_up::wait() {
            let _ = sender.send(Input::Stop);
        }
    });
    #[cfg(not(unix))]
    drop(sender);
    receiver
}

fn event_loop(
    terminal: &mut WizardTerminal,
    inputs: &mpsc::Receiver<Input>,
    session: &mut Session,
    app: &mut App,
) -> Result<()> {
    // The caller has drawn the first screen.
    let mut stale = false;
    loop {
        if stale {
            draw(terminal, app)?;
        }
        stale = true;
        let Some(input) = next_input(inputs, app.agenda_wait()) else {
            return Ok(());
        };
        let message = match input {
            Input::Tick => Message::Tick,
            // Only the redraw this loop does next.
            Input::Resized => continue,
            Input::Terminal(event) => match to_message(app, event) {
                Some(message) => message,
                None => continue,
            },
            Input::Stop => Message::Terminate,
            Input::Failed(error) => {
                // Keep the answers: save, then report.
                update::update(app, Message::Terminate);
                session.save(app);
                return Err(error).context("the terminal stopped sending keys");
            }
        };
        let asked_to_quit = message == Message::Quit;
        let effects = update::update(app, message);
        if effects == [Effect::SavePlan] {
            // The frame first, then the disk: a key press never waits for a sync. A save
            // that fails changes the status line, and only then is the frame drawn again.
            draw(terminal, app)?;
            let before = app.status.clone();
            session.carry_out(app, false, effects);
            stale = app.status != before;
            continue;
        }
        if session.carry_out(app, asked_to_quit, effects) {
            return Ok(());
        }
    }
}

/// The next input: blocked on input alone without a `wait` (no agenda's clock runs),
/// else a tick once `wait` passes with nothing else; none when the inputs are gone.
fn next_input(inputs: &mpsc::Receiver<Input>, wait: Option<Duration>) -> Option<Input> {
    match wait {
        None => inputs.recv().ok(),
        Some(wait) => match inputs.recv_timeout(wait) {
            Ok(input) => Some(input),
            Err(mpsc::RecvTimeoutError::Timeout) => Some(Input::Tick),
            Err(mpsc::RecvTimeoutError::Disconnected) => None,
        },
    }
}

/// Lays the frame out for the terminal's size and draws the app.
fn draw(terminal: &mut WizardTerminal, app: &mut App) -> Result<()> {
    let size = terminal
        .size()
        .context("the terminal size could not be read")?;
    app.area = Rect::new(0, 0, size.width, size.height);
    terminal
        .draw(|frame| view::draw(app, frame))
        .context("the screen could not be drawn")?;
    Ok(())
}

/// The message a terminal event means, if any. Only key presses count (some platforms
/// report releases too); a click becomes the message of what it lands on.
pub fn to_message(app: &App, event: Event) -> Option<Message> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::message_for(app.context(), &as_typed(key))
        }
        Event::Paste(text) if app.context().is_text() => Some(Message::Paste(text)),
        Event::Mouse(mouse) => match mouse.kind {
            // A click is named by what it lands on, in the layout the frame was drawn in.
            MouseEventKind::Down(MouseButton::Left) => layout::click(app, mouse.column, mouse.row),
            MouseEventKind::ScrollUp => Some(Message::ScrollUp),
            MouseEventKind::ScrollDown => Some(Message::ScrollDown),
            _ => None,
        },
        // Anything else (a resize, say) needs only the redraw the loop does next.
        _ => None,
    }
}

/// The key as the person pressed it. A line feed is read as Ctrl-J in raw mode, and an
/// Enter typed while the wizard was starting reaches it as one (the terminal was still
/// turning Enter into a line feed): it is Enter.
fn as_typed(key: KeyEvent) -> KeyEvent {
    if key.code == KeyCode::Char('j') && key.modifiers == KeyModifiers::CONTROL {
        KeyEvent {
            code: KeyCode::Enter,
            modifiers: KeyModifiers::NONE,
            ..key
        }
    } else {
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(vars: &[(&str, &str)]) -> Capabilities {
        Capabilities::from_env(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[cfg(unix)]
    #[test]
    fn a_window_change_before_the_loop_reads_signals_is_still_told() {
        // Caught from the start, told once the first screen is up: a resize in between
        // is not lost (the terminal library only listens from its first read).
        let signals = Signals::catch();
        signal_hook::low_level::raise(signal_hook::consts::SIGWINCH).expect("raised");
        let (sender, inputs) = mpsc::channel();
        signals.read_into(sender);
        assert!(matches!(
            inputs.recv_timeout(Duration::from_secs(10)),
            Ok(Input::Resized)
        ));
    }

    #[test]
    fn a_terminal_that_cannot_draw_is_named_by_its_term() {
        assert!(cannot_draw(Some("dumb")).starts_with("this terminal (TERM=dumb) cannot draw"));
        for unset in [None, Some("")] {
            assert!(
                cannot_draw(unset).starts_with("this terminal (TERM is not set) cannot draw"),
                "{unset:?}"
            );
        }
    }

    #[test]
    fn the_key_as_typed_reads_a_line_feed_as_enter_and_nothing_else_changes() {
        let line_feed = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL);
        assert_eq!(
            as_typed(line_feed),
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)
        );
        for key in [
            KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE),
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
        ] {
            assert_eq!(as_typed(key), key);
        }
    }

    #[test]
    fn the_loop_ticks_only_when_told_to_wait_and_nothing_came() {
        let (sender, inputs) = mpsc::channel();
        let short = Some(Duration::from_millis(5));
        assert!(matches!(next_input(&inputs, short), Some(Input::Tick)));
        sender.send(Input::Stop).unwrap();
        assert!(matches!(next_input(&inputs, short), Some(Input::Stop)));
        // No wait: it blocks until something comes, and never ticks.
        sender.send(Input::Stop).unwrap();
        assert!(matches!(next_input(&inputs, None), Some(Input::Stop)));
        drop(sender);
        assert!(next_input(&inputs, None).is_none());
        assert!(next_input(&inputs, short).is_none());
    }

    #[test]
    fn a_dumb_terminal_gets_no_screens_and_a_vt100_no_colour_and_no_utf8() {
        let dumb = caps(&[("TERM", "dumb"), ("LANG", "en_GB.UTF-8")]);
        assert!(!dumb.screens);
        let vt100 = caps(&[("TERM", "vt100"), ("LANG", "en_GB.UTF-8")]);
        assert_eq!(
            (vt100.screens, vt100.colour, vt100.utf8),
            (true, false, false)
        );
        let xterm = caps(&[("TERM", "xterm-256color"), ("LANG", "en_GB.UTF-8")]);
        assert_eq!(
            (xterm.screens, xterm.colour, xterm.utf8),
            (true, true, true)
        );
        assert!(!caps(&[("TERM", "xterm-mono")]).colour);
    }

    #[test]
    fn the_first_locale_variable_set_decides_utf8() {
        let term = ("TERM", "xterm-256color");
        assert!(!caps(&[term, ("LANG", "C")]).utf8);
        assert!(!caps(&[term, ("LANG", "de_DE.ISO-8859-1")]).utf8);
        assert!(caps(&[term, ("LANG", "C"), ("LC_ALL", "en_US.utf8")]).utf8);
        assert!(!caps(&[term, ("LANG", "en_US.UTF-8"), ("LC_CTYPE", "POSIX")]).utf8);
        // Nothing said: most terminals today are UTF-8.
        assert!(caps(&[term]).utf8);
    }

    #[test]
    fn fitting_takes_colour_and_unicode_away_where_the_terminal_has_none() {
        let loaded = crate::questionnaire::load::load_text(
            "small.json",
            include_str!("../tests/fixtures/questionnaires/valid/small.json"),
            false,
        )
        .unwrap();
        let plan = crate::plan::Plan::new(
            &crate::plan::PlanName::new("t").unwrap(),
            &loaded,
            jiff::Timestamp::UNIX_EPOCH,
        );
        let mut app = App::new(loaded, plan, false, theme::Theme::standard());
        caps(&[("TERM", "vt100")]).fit(&mut app);
        assert_eq!(app.theme, theme::Theme::monochrome());
        assert!(app.ascii);
    }
}
