//! Declares the app's commands so that each gets an `allow-…` permission: a command not granted in
//! `capabilities/default.json` cannot be called from the web view.
fn main() {
    let commands = &[
        "set_lang",
        "startup",
        "appraise",
        "ahp_matrix",
        "open_study",
        "save_study",
        "autosave",
        "run_risk",
        "export_pdf",
        "sign_pdf",
        "verify_pdf",
        "cancel_job",
        "compare_studies",
        "evaluate_study",
        "registry_state",
        "registry_login",
        "registry_logout",
        "registry_submit",
        "registry_forget",
        "registry_portfolio",
        "registry_open",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build failed");
}
