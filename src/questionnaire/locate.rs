//! Finding where a value starts in JSON text, given its JSON path
//! (`sections[2].questions[4].options[1].score`), so problems found on the parsed
//! questionnaire can point at a line and column. A small scanner over the text; it reads
//! nothing but the string it is given.

/// A 1-based line and column (the column counts characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where the value at `path` starts, or `None` when the text has no value there (or is
/// not JSON as far as the scanner goes). The empty path is the whole document.
pub fn find(text: &str, path: &str) -> Option<Position> {
    let (offset, exact) = scan(text, path)?;
    exact.then(|| position_of(text, offset))
}

/// Where the value at `path` starts or, when the text has no value there (a field left
/// to its default, say), where its deepest existing parent starts.
pub fn nearest(text: &str, path: &str) -> Option<Position> {
    scan(text, path).map(|(offset, _)| position_of(text, offset))
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The steps of a path, as far as they can be read: `a.b[2].c` gives `a`, `b`, `2`, `c`.
/// Reading stops at anything else (serde_path_to_error writes `?` for an unknown step).
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut steps = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let Some(close) = after.find(']') else { break };
            let Ok(index) = after[..close].parse() else {
                break;
            };
            steps.push(Step::Index(index));
            rest = &after[close + 1..];
        } else {
            let rest_key = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_key.find(['.', '[']).unwrap_or(rest_key.len());
            let key = &rest_key[..end];
            if key.is_empty() || key == "?" {
                break;
            }
            steps.push(Step::Key(key));
            rest = &rest_key[end..];
        }
    }
    steps
}

/// The byte offset of the deepest value on the path that the text has, and whether it
/// is the whole path.
fn scan(text: &str, path: &str) -> Option<(usize, bool)> {
    let mut scanner = Scanner {
        text: text.as_bytes(),
        pos: 0,
    };
    scanner.whitespace();
    scanner.peek()?;
    for step in steps(path) {
        let reached = scanner.pos;
        let found = match step {
            Step::Key(key) => scanner.member(key),
            Step::Index(index) => scanner.element(index),
        };
        if found.is_none() {
            return Some((reached, false));
        }
    }
    Some((scanner.pos, true))
}

/// The line and column of a byte offset.
fn position_of(text: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Walks JSON text byte by byte. On text that is not JSON a method returns `None` and
/// the caller stops where it got to; nothing panics.
struct Scanner<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Expects `byte` after any whitespace and steps over it.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.whitespace();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// At an object, moves to the start of the value of `key`.
    fn member(&mut self, key: &str) -> Option<()> {
        self.expect(b'{')?;
        self.whitespace();
        if self.peek()? == b'}' {
            return None;
        }
        loop {
            self.whitespace();
            let name = self.string()?;
            self.expect(b':')?;
            self.whitespace();
            if name == key {
                return Some(());
            }
            self.skip_value()?;
            self.expect(b',')?;
        }
    }

    /// At an array, moves to the start of its element at `index`.
    fn element(&mut self, index: usize) -> Option<()> {
        self.expect(b'[')?;
        self.whitespace();
        if self.peek()? == b']' {
            return None;
        }
        for _ in 0..index {
            self.skip_value()?;
            self.expect(b',')?;
        }
        self.whitespace();
        Some(())
    }

    /// Steps over one value of any kind. Nesting is counted, not recursed into, so deep
    /// documents cannot exhaust the stack.
    fn skip_value(&mut self) -> Option<()> {
        self.whitespace();
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            b'}' | b']' | b',' | b':' => None,
            _ => {
                // A number, true, false or null: runs to the next delimiter.
                while let Some(byte) = self.peek() {
                    if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.pos += 1;
                }
                Some(())
            }
        }
    }

    /// At a string, steps over it and returns its decoded text (keys are compared
    /// decoded, so `"sho\u0077_if"` is `show_if`).
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let mut decoded = Vec::new();
        loop {
            let byte = self.peek()?;
            self.pos += 1;
            match byte {
                b'"' => return Some(String::from_utf8_lossy(&decoded).into_owned()),
                b'\\' => {
                    let escaped = self.peek()?;
                    self.pos += 1;
                    let plain = match escaped {
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        other => char::from(other),
                    };
                    let mut buffer = [0; 4];
                    decoded.extend_from_slice(plain.encode_utf8(&mut buffer).as_bytes());
                }
                other => decoded.push(other),
            }
        }
    }

    /// After `\u`: four hex digits, and a second escape when they are a high surrogate.
    fn unicode_escape(&mut self) -> Option<char> {
        let high = self.hex4()?;
        if (0xD800..0xDC00).contains(&high) && self.text.get(self.pos..self.pos + 2) == Some(b"\\u")
        {
            self.pos += 2;
            let low = self.hex4()?;
            let code = 0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
            return Some(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        Some(char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let code = u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()?;
        self.pos += 4;
        Some(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{
  "id": "x",
  "levels": [],
  "sections": [
    { "id": "a", "questions": [] },
    {
      "id": "b",
      "title": "Brackets ] and } and \"quotes\" in text",
      "questions": [
        { "id": "q1", "options": [{ "value": "v", "score": 0.5 }] },
        { "id": "q2", "sho\u0077_if": { "all": [ { "question": "q1", "eq": "v" } ] },
          "options": [ { "value": "a" }, { "value": "ü", "score": -1 } ] }
      ]
    }
  ]
}"#;

    fn at(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn finds_the_start_of_the_value_at_a_path() {
        let cases = [
            ("", at(1, 1)),
            ("id", at(2, 9)),
            ("levels", at(3, 13)),
            ("sections", at(4, 15)),
            ("sections[0]", at(5, 5)),
            ("sections[0].questions", at(5, 31)),
            ("sections[1]", at(6, 5)),
            ("sections[1].title", at(8, 16)),
            ("sections[1].questions[0].options[0].score", at(10, 60)),
            ("sections[1].questions[1].show_if", at(11, 39)),
            ("sections[1].questions[1].show_if.all[0].eq", at(11, 76)),
            ("sections[1].questions[1].options[1]", at(12, 42)),
            ("sections[1].questions[1].options[1].score", at(12, 67)),
        ];
        for (path, expected) in cases {
            assert_eq!(find(DOC, path), expected, "path {path:?}");
        }
    }

    #[test]
    fn a_missing_value_has_no_exact_place_but_its_parent_has() {
        let cases = [
            ("weight", None, at(1, 1)),
            ("sections[0].questions[0]", None, at(5, 31)),
            ("sections[1].questions[0].weight", None, at(10, 9)),
            ("sections[7].id", None, at(4, 15)),
            ("levels[0]", None, at(3, 13)),
            ("id.deeper", None, at(2, 9)),
            ("sections[1].?", at(6, 5), at(6, 5)),
        ];
        for (path, exact, near) in cases {
            assert_eq!(find(DOC, path), exact, "exact {path:?}");
            assert_eq!(nearest(DOC, path), near, "nearest {path:?}");
        }
    }

    #[test]
    fn text_that_is_not_json_gives_no_place_and_no_panic() {
        for text in [
            "",
            "   ",
            "{",
            "{\"a\": [1, ",
            "{\"a\" 1}",
            "[\"\\u12",
            "\"\\",
        ] {
            let _ = nearest(text, "a[3].b");
            let _ = find(text, "a");
        }
        assert_eq!(find("", ""), None);
        assert_eq!(find("{\"a\" 1}", "a"), None);
    }

    #[test]
    fn paths_are_read_step_by_step() {
        use Step::{Index, Key};
        let cases: [(&str, Vec<Step>); 5] = [
            ("", vec![]),
            ("a", vec![Key("a")]),
            ("a.b[2].c", vec![Key("a"), Key("b"), Index(2), Key("c")]),
            ("[0][1]", vec![Index(0), Index(1)]),
            ("a[x].b", vec![Key("a")]),
        ];
        for (path, expected) in cases {
            assert_eq!(steps(path), expected, "path {path:?}");
        }
    }

    #[test]
    fn escaped_keys_are_compared_decoded() {
        let text = r#"{"\ud83d\ude00": 1, "a\"b": 2, "t\tx": 3}"#;
        assert_eq!(find(text, "😀"), at(1, 18));
        assert_eq!(find(text, "a\"b"), at(1, 29));
        assert_eq!(find(text, "t\tx"), at(1, 40));
    }
}
