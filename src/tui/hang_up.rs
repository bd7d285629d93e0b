//! Noticing that the terminal went away. A terminal closed without a hang-up signal
//! (its shell ignored SIGHUP, say) leaves the wizard reading an end of input for ever,
//! which the terminal library takes for "nothing yet" and asks again at once: a whole
//! core spent, and the plan's lock held, until someone kills it.

use std::fs::File;
use std::io::{self, IsTerminal};
use std::os::fd::AsFd;

use rustix::event::{PollFd, PollFlags, poll};
use rustix::io::Errno;

/// Blocks until the terminal the wizard reads hangs up: true then, false when it cannot
/// be watched. Asks for no event at all, so input never wakes it: only a hang-up or an
/// error, which are always told.
pub fn wait() -> bool {
    let stdin = io::stdin();
    // The terminal library reads standard input when it is the terminal, else the
    // process's own terminal: the same is watched.
    let tty;
    let watched = if stdin.is_terminal() {
        stdin.as_fd()
    } else {
        match File::open("/dev/tty") {
            Ok(file) => {
                tty = file;
                tty.as_fd()
            }
            Err(_) => return false,
        }
    };
    hung_up(watched)
}

/// Waits on `fd` for a hang-up or an error (interruptions by signals are waited
/// through).
fn hung_up(fd: std::os::fd::BorrowedFd<'_>) -> bool {
    loop {
        let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) => {
                let told = fds[0].revents();
                if told.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                    return true;
                }
            }
            Err(Errno::INTR) => {}
            Err(_) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_writer_is_a_hang_up_and_an_open_one_is_not() {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        // Nothing asked for, nothing told while the writer is open (checked with a
        // timeout instead of blocking).
        let mut fds = [PollFd::new(&reader, PollFlags::empty())];
        let zero = rustix::event::Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        assert_eq!(poll(&mut fds, Some(&zero)).expect("poll"), 0);
        drop(writer);
        assert!(hung_up(reader.as_fd()));
    }
}
