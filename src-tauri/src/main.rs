//! `yeta-app`: the Yeta desktop workbench. A thin Tauri 2 shell: every command reads or writes a
//! file, calls yeta-core / yeta-report / yeta-store, and hands JSON back to the web view in `ui/`.
//! No appraisal logic lives here or in the UI.
//!
//! `yeta-app [STUDY.yeta.json]` opens that study at start; otherwise the last autosave, if any.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod error;
mod registry;

use std::path::PathBuf;

fn main() {
    // Options (a WebDriver host may add its own) are not study files.
    let initial = std::env::args_os().skip(1).find(|a| !a.to_string_lossy().starts_with('-')).map(PathBuf::from);
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(commands::AppState::new(initial))
        .invoke_handler(tauri::generate_handler![
            commands::set_lang,
            commands::startup,
            commands::appraise,
            commands::ahp_matrix,
            commands::open_study,
            commands::save_study,
            commands::autosave,
            commands::run_risk,
            commands::export_pdf,
            commands::sign_pdf,
            commands::verify_pdf,
            commands::cancel_job,
            commands::compare_studies,
            commands::evaluate_study,
            registry::registry_state,
            registry::registry_login,
            registry::registry_logout,
            registry::registry_submit,
            registry::registry_forget,
            registry::registry_portfolio,
            registry::registry_open,
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("yeta-app: {e}");
            std::process::exit(1);
        });
}
