//! The screens of the wizard, each drawn from the app state without changing it.

pub mod actions;
pub mod agenda;
pub mod bars;
pub mod compare;
pub mod currency;
pub mod gaps;
pub mod overlay;
pub mod plans;
pub mod question;
pub mod recovery;
pub mod review;
pub mod sidebar;
pub mod since;
pub mod summary;
pub mod team;
pub mod welcome;
