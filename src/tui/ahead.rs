//! Work done on another core while the wizard opens its plan: making the terminal's
//! two screens of cells (over half a megabyte each at 200x60, every page of them new to
//! the process), which needs nothing from the plan.
//!
//! A thread just started is queued on the core of the one that started it, and the
//! scheduler takes most of a millisecond to move one of them to an idle core, by which
//! time the plan is open. So the starter steps aside once, the helper runs at once and
//! moves itself to a core other than its starter's, and the two go on side by side.
//! With one core to run on, or no thread to be had, the work is done when it is wanted.

use std::thread::{self, JoinHandle};

/// Work started ahead of when its result is wanted.
pub struct Ahead<T> {
    work: fn() -> T,
    helper: Option<JoinHandle<T>>,
}

impl<T: Send + 'static> Ahead<T> {
    /// Starts `work` on another core, when there is one to run it on.
    pub fn start(work: fn() -> T) -> Ahead<T> {
        let helper = cpu::another_core().and_then(|core| {
            thread::Builder::new()
                .name("ahead".into())
                .spawn(move || {
                    cpu::move_to(core);
                    work()
                })
                .ok()
        });
        if helper.is_some() {
            // The helper's first step is to leave this core: let it take that step now
            // (measured: 1.23x the bare program's first screen, against 1.37x without).
            thread::yield_now();
        }
        Ahead { work, helper }
    }

    /// The result: the helper's, once it has finished, or the work done now when no
    /// helper was started. A panic in the helper is this thread's panic.
    pub fn wait(self) -> T {
        match self.helper {
            Some(helper) => match helper.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            None => (self.work)(),
        }
    }
}

/// Which core runs what. Only Linux is asked; elsewhere the work waits for its turn.
mod cpu {
    /// A core this process may run on other than the current one.
    #[cfg(target_os = "linux")]
    pub fn another_core() -> Option<usize> {
        use rustix::thread::{CpuSet, sched_getaffinity, sched_getcpu};
        let allowed = sched_getaffinity(None).ok()?;
        other_than(
            sched_getcpu(),
            (0..CpuSet::MAX_CPU).filter(|&cpu| allowed.is_set(cpu)),
        )
    }

    #[cfg(not(target_os = "linux"))]
    pub fn another_core() -> Option<usize> {
        None
    }

    /// Runs the calling thread on that core from now on. Asking is all it is: a core
    /// that cannot be had leaves the thread where the scheduler put it.
    #[cfg(target_os = "linux")]
    pub fn move_to(core: usize) {
        use rustix::thread::{CpuSet, sched_setaffinity};
        let mut only = CpuSet::new();
        only.set(core);
        let _ = sched_setaffinity(None, &only);
    }

    #[cfg(not(target_os = "linux"))]
    pub fn move_to(_core: usize) {}

    /// The first of `allowed` that is not `current`.
    #[cfg_attr(not(target_os = "linux"), allow(dead_code))]
    pub fn other_than(current: usize, mut allowed: impl Iterator<Item = usize>) -> Option<usize> {
        allowed.find(|&cpu| cpu != current)
    }

    #[cfg(test)]
    mod tests {
        use super::other_than;

        #[test]
        fn another_core_is_one_allowed_and_not_the_current_one() {
            assert_eq!(other_than(0, [0, 1].into_iter()), Some(1));
            assert_eq!(other_than(1, [0, 1, 2, 3].into_iter()), Some(0));
            assert_eq!(other_than(2, [2, 5].into_iter()), Some(5));
            // One core: nothing to move to, so the work waits for its turn.
            assert_eq!(other_than(3, [3].into_iter()), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Ahead;

    #[test]
    fn the_result_comes_back_whether_a_helper_ran_it_or_not() {
        assert_eq!(Ahead::start(|| 6 * 7).wait(), 42);
        let not_started = Ahead {
            work: || "done when wanted",
            helper: None,
        };
        assert_eq!(not_started.wait(), "done when wanted");
    }

    #[test]
    fn a_panic_in_the_helper_is_the_waiter_s() {
        let ahead: Ahead<()> = Ahead::start(|| panic!("in the helper"));
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| ahead.wait()));
        assert!(caught.is_err());
    }
}
