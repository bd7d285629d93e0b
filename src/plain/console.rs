//! Lines out and lines in for plain mode, over any reader and writer: whole lines only,
//! no cursor movement and no colour, so a screen reader reads them as they come. Every
//! line printed passes the sanitiser: questions, names and notes come from files.

use std::io::{self, BufRead, Write};

use crate::text_safety::{visible, visible_line};

/// Standard input and output, or whatever stands in for them in a test.
pub struct Console<R, W> {
    input: R,
    output: W,
    /// Print each line read after its prompt, as a terminal would have shown it: set
    /// when input comes from a file, so the output reads as a conversation.
    echo: bool,
    /// How many lines have been read.
    lines: usize,
}

impl<R: BufRead, W: Write> Console<R, W> {
    /// A console over this input and output.
    pub fn new(input: R, output: W, echo: bool) -> Console<R, W> {
        Console {
            input,
            output,
            echo,
            lines: 0,
        }
    }

    /// Prints one line.
    pub fn say(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.output, "{}", visible(line))
    }

    /// Prints an empty line, to set a question apart from what came before.
    pub fn gap(&mut self) -> io::Result<()> {
        writeln!(self.output)
    }

    /// Prints the prompt and reads one line, without its line ending. None when the
    /// input has ended (the output then moves to a fresh line).
    pub fn ask(&mut self, prompt: &str) -> io::Result<Option<String>> {
        write!(self.output, "{}", visible(prompt))?;
        self.output.flush()?;
        let mut bytes = Vec::new();
        if self.input.read_until(b'\n', &mut bytes)? == 0 {
            writeln!(self.output)?;
            return Ok(None);
        }
        self.lines += 1;
        while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            bytes.pop();
        }
        let line = String::from_utf8_lossy(&bytes).into_owned();
        if self.echo {
            writeln!(self.output, "{}", visible_line(&line))?;
        }
        Ok(Some(line))
    }

    /// The number of the line read last, from 1 (0 before any).
    pub fn line_number(&self) -> usize {
        self.lines
    }

    /// Sends everything printed so far on its way.
    pub fn flush(&mut self) -> io::Result<()> {
        self.output.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_come_without_endings_and_the_end_of_input_is_none() {
        let mut out = Vec::new();
        let mut console = Console::new(&b"1\r\nSam Patel\nlast"[..], &mut out, true);
        assert_eq!(console.ask("A: ").unwrap().as_deref(), Some("1"));
        assert_eq!(console.ask("B: ").unwrap().as_deref(), Some("Sam Patel"));
        assert_eq!(console.ask("C: ").unwrap().as_deref(), Some("last"));
        assert_eq!(console.line_number(), 3);
        assert_eq!(console.ask("D: ").unwrap(), None);
        assert_eq!(console.line_number(), 3);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "A: 1\nB: Sam Patel\nC: last\nD: \n"
        );
    }

    #[test]
    fn escape_sequences_from_files_or_input_are_shown_not_sent() {
        let mut out = Vec::new();
        let mut console = Console::new(&b"\x1b[2Jtyped\n"[..], &mut out, true);
        console.say("Plan \u{1b}]0;pwned\u{7}: Acme").unwrap();
        console.ask("Q\u{9b}31m? ").unwrap();
        let printed = String::from_utf8(out).unwrap();
        assert_eq!(printed, "Plan ␛]0;pwned␇: Acme\nQ<U+009B>31m? ␛[2Jtyped\n");
    }

    #[test]
    fn without_echo_only_the_prompts_are_printed() {
        let mut out = Vec::new();
        let mut console = Console::new(&b"yes\n"[..], &mut out, false);
        console.say("Question?").unwrap();
        assert_eq!(console.ask("A: ").unwrap().as_deref(), Some("yes"));
        assert_eq!(String::from_utf8(out).unwrap(), "Question?\nA: ");
    }
}
