//! Drawing for a terminal without UTF-8 (`LANG=C`, ISO-8859-1): once a frame is drawn,
//! every symbol and box-drawing character becomes its ASCII look-alike, cell for cell,
//! so the layout stays as it is; other letters lose their accents, or become "?".

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// A symbol's ASCII stand-in, one column wide.
fn stand_in(symbol: &str) -> &'static str {
    match symbol {
        "▸" | "›" | "→" | "↳" => ">",
        "←" => "<",
        "↑" => "^",
        "↓" => "v",
        "•" | "●" | "✦" | "✎" => "*",
        "○" => "o",
        "◐" => "~",
        "✓" => "+",
        "✗" => "x",
        "⚑" => "!",
        "≠" => "/",
        "ⓘ" => "i",
        "…" => "~",
        "·" => ".",
        "–" | "—" | "─" | "━" | "═" => "-",
        "│" | "┃" | "║" => "|",
        "┌" | "┐" | "└" | "┘" | "├" | "┤" | "┬" | "┴" | "┼" | "╭" | "╮" | "╰" | "╯" => {
            "+"
        }
        "\u{a0}" => " ",
        "█" => "#",
        "░" => ".",
        other => letter(other),
    }
}

/// A Latin letter without its accent; "?" for anything else.
fn letter(symbol: &str) -> &'static str {
    const LETTERS: [(&str, &str); 14] = [
        ("àáâãäåā", "a"),
        ("ÀÁÂÃÄÅĀ", "A"),
        ("çć", "c"),
        ("ÇĆ", "C"),
        ("èéêëē", "e"),
        ("ÈÉÊËĒ", "E"),
        ("ìíîïī", "i"),
        ("ÌÍÎÏĪ", "I"),
        ("ñ", "n"),
        ("Ñ", "N"),
        ("òóôõöøō", "o"),
        ("ÒÓÔÕÖØŌ", "O"),
        ("ùúûüū", "u"),
        ("ÙÚÛÜŪ", "U"),
    ];
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return "?";
    };
    LETTERS
        .iter()
        .find(|(from, _)| from.contains(c))
        .map_or("?", |(_, to)| to)
}

/// Turns every cell of `area` that is not ASCII into ASCII.
pub fn downgrade(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let cell = &mut buf[(x, y)];
            let wide = cell.symbol().width() > 1;
            if !cell.symbol().is_ascii() {
                let ascii = stand_in(cell.symbol());
                cell.set_symbol(ascii);
            }
            // A wide character's second column gets a "?" of its own, so the text
            // keeps its width.
            if wide && x + 1 < area.right() {
                buf[(x + 1, y)].set_symbol("?");
                x += 1;
            }
            x += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Line;
    use ratatui::widgets::{Block, Widget};

    #[test]
    fn boxes_symbols_and_letters_become_ascii_in_place() {
        let area = Rect::new(0, 0, 12, 3);
        let mut buf = Buffer::empty(area);
        let block = Block::bordered();
        let inner = block.inner(area);
        block.render(area, &mut buf);
        Line::raw("▸✓ Café 株").render(inner, &mut buf);
        downgrade(&mut buf, area);
        let rows: Vec<String> = (0..3)
            .map(|y| (0..12).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect();
        assert!(rows.iter().flat_map(|r| r.chars()).all(|c| c.is_ascii()));
        assert_eq!(rows[0], "+----------+");
        assert!(rows[1].starts_with("|>+ Cafe ??|"), "{rows:?}");
        assert!(rows[1].ends_with('|'), "{rows:?}");
    }
}
