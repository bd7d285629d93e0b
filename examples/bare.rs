//! The yardstick for the start-up and key press figures: a bare ratatui program that
//! draws one paragraph and waits for a key. Any key redraws it with a count of the keys
//! pressed; `q` or Esc leaves. `benches/startup.sh` times it against outready.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind};
use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let result = run(&mut terminal);
    ratatui::restore();
    result
}

fn run(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    let mut keys = 0_u64;
    loop {
        terminal.draw(|frame| {
            let text = format!("A bare ratatui program: q leaves. Keys pressed: {keys}.");
            let paragraph = Paragraph::new(text).block(Block::bordered().title("bare"));
            frame.render_widget(paragraph, frame.area());
        })?;
        loop {
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
            {
                if matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                    return Ok(());
                }
                keys += 1;
                break;
            }
        }
    }
}
