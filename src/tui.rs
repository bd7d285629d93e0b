//! The terminal front end: sets the terminal up (and always restores it), turns keys,
//! mouse, pastes and signals into messages, runs `update`, carries out its effects, and
//! draws only when something happened, so an idle wizard uses no CPU.

pub mod app;
pub mod gate;
pub mod keymap;
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

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
use ratatui::layout::Rect;

use app::App;
use gate::Settled;
use message::{Effect, Message};
use session::Session;

pub use session::Options;

/// What reached the loop: a terminal event, or a signal asking us to stop.
enum Input {
    Terminal(Event),
    Stop,
    Failed(io::Error),
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
    // The plan and its questionnaire load while the terminal is set up, so the first
    // screen comes sooner; a plan that cannot be opened then restores the terminal.
    let (prepared, terminal) = thread::scope(|scope| {
        let opening = scope.spawn(|| Session::prepare(&options));
        let terminal = start_terminal();
        (opening.join(), terminal)
    });
    let mut terminal = terminal?;
    let opening = match prepared {
        Ok(Ok(opening)) => opening,
        Ok(Err(error)) => {
            stop_terminal();
            return Err(error);
        }
        Err(panic) => {
            stop_terminal();
            std::panic::resume_unwind(panic);
        }
    };
    let inputs = inputs();
    let result = wizard(&mut terminal, &inputs, opening, &options);
    stop_terminal();
    result
}

/// A plan that cannot be opened as it is gets a choice first; then the wizard runs.
fn wizard(
    terminal: &mut WizardTerminal,
    inputs: &mpsc::Receiver<Input>,
    opening: gate::Opening,
    options: &Options,
) -> Result<String> {
    let mut session = match gate::settle(terminal, inputs, opening, options)? {
        Settled::Open(session) => *session,
        Settled::Leave(farewell) => return Ok(farewell),
    };
    let mut app = session.app(options.theme)?;
    event_loop(terminal, inputs, &mut session, &mut app)?;
    Ok(session.farewell(&app))
}

/// The terminal the wizard draws on: standard output through a buffer that holds a
/// whole frame, so each frame leaves in one write instead of in 1 KB pieces.
pub type WizardTerminal = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

fn start_terminal() -> Result<WizardTerminal> {
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
    let output = BufWriter::with_capacity(1 << 16, io::stdout());
    Terminal::new(CrosstermBackend::new(output)).context(failed)
}

fn stop_terminal() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// Starts the threads that feed the loop: one blocked on terminal events, one on
/// signals. Neither wakes the loop unless something happened.
fn inputs() -> mpsc::Receiver<Input> {
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
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) {
            thread::spawn(move || {
                if signals.forever().next().is_some() {
                    let _ = sender.send(Input::Stop);
                }
            });
        }
    }
    receiver
}

fn event_loop(
    terminal: &mut WizardTerminal,
    inputs: &mpsc::Receiver<Input>,
    session: &mut Session,
    app: &mut App,
) -> Result<()> {
    let mut stale = true;
    loop {
        if stale {
            draw(terminal, app)?;
        }
        stale = true;
        let Ok(input) = inputs.recv() else {
            return Ok(());
        };
        let message = match input {
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
/// report releases too).
pub fn to_message(app: &App, event: Event) -> Option<Message> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::message_for(app.context(), &key)
        }
        Event::Paste(text) if app.context().is_text() => Some(Message::Paste(text)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                Some(Message::Click(mouse.column, mouse.row))
            }
            MouseEventKind::ScrollUp => Some(Message::ScrollUp),
            MouseEventKind::ScrollDown => Some(Message::ScrollDown),
            _ => None,
        },
        // Anything else (a resize, say) needs only the redraw the loop does next.
        _ => None,
    }
}
