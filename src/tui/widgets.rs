//! Small drawing helpers the screens share.

pub mod ascii;
pub mod lines;
pub mod text_input;
pub mod worksheet;
pub mod wrap;
