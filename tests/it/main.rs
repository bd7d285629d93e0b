//! The integration tests, as one test binary so that a change links once: the command
//! line, schemas and validation, scoring laws and the built-in content, the wizard and
//! its screens, plain mode, the terminal end to end, and the safety tests (kills,
//! damaged files, locks, hostile input). Each module is one family; fixtures live in
//! `tests/fixtures/`, snapshots in `tests/it/snapshots/`.

mod action_owners;
mod agenda;
mod agenda_files;
mod budget_persona;
mod budget_props;
mod budget_questions;
mod budget_validate;
mod builtin_questionnaire;
mod cli;
mod cli_answer;
mod cli_questions;
mod cli_report;
mod compare_plans;
mod compare_screen;
mod conflict_offer;
mod crash;
mod currency_entry;
mod e2e_terminal;
mod entry_defects;
mod gate_screens;
mod hostile_text;
mod huge_input;
mod merge_cli;
mod merge_plans;
mod monkey;
mod parser_props;
mod personas;
mod plain;
mod plain_budget;
mod plain_notice;
mod plain_safety;
mod plain_workshop;
mod plan_backups;
mod plan_copy;
mod plan_files;
mod questionnaire_stats;
mod report_budget;
mod report_formats;
mod report_print;
mod report_schema;
mod report_summary;
mod schema;
mod scoring_props;
mod screens;
mod session_safety;
mod stage_screens;
mod support;
mod tui_defects;
mod tui_positions_typed;
mod tui_workshop;
mod validate;
mod wizard_own_actions;
mod wizard_update;
mod worksheet_screens;
mod workshop_plan;
