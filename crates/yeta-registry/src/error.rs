//! The one error a request can end in: an HTTP status, a catalog code, the field path it is
//! about and the message's arguments. The body is `{code, path, args, message: {ko, en}}`, so a
//! client shows the catalog sentence and a program branches on `code`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

/// A refused or failed request.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Catalog id, `registry-…`.
    pub code: &'static str,
    /// Field path the error is about (`""` for the whole request).
    pub path: String,
    /// The message's arguments.
    pub args: BTreeMap<String, String>,
}

impl ApiError {
    /// An error with no arguments.
    pub fn new(status: StatusCode, code: &'static str, path: impl Into<String>) -> Self {
        Self { status, code, path: path.into(), args: BTreeMap::new() }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.insert(name.to_owned(), value.to_string());
        self
    }

    /// 400: a field is missing or not acceptable.
    pub fn field(path: impl Into<String>, reason: impl ToString) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "registry-bad-field", path).arg("reason", reason)
    }

    /// 404, also for what the caller may not see, so its existence does not leak.
    pub fn not_found(what: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, "registry-not-found", "").arg("what", what)
    }

    /// 403: the caller's role may not do this.
    pub fn forbidden(action: &str) -> Self {
        Self::new(StatusCode::FORBIDDEN, "registry-forbidden", "").arg("action", action)
    }

    /// 409: the review step does not apply to the study's status.
    pub fn status(status: &str, action: &str) -> Self {
        Self::new(StatusCode::CONFLICT, "registry-wrong-status", "status").arg("status", status).arg("action", action)
    }

    /// 500: the database failed; details go to the server log, not to the client.
    pub fn internal(e: impl std::fmt::Display) -> Self {
        eprintln!("yeta-registry: internal error: {e}");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "registry-internal", "")
    }

    /// The catalog sentence in `lang`.
    pub fn message(&self, lang: yeta_i18n::Lang) -> String {
        let mut args: Vec<(&str, String)> = self.args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        args.push(("path", if self.path.is_empty() { "(the request)".to_owned() } else { self.path.clone() }));
        yeta_i18n::catalog(lang).format(self.code, &args)
    }
}

impl From<tokio_postgres::Error> for ApiError {
    fn from(e: tokio_postgres::Error) -> Self {
        if e.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) {
            return Self::new(StatusCode::CONFLICT, "registry-exists", "");
        }
        if e.code() == Some(&tokio_postgres::error::SqlState::T_R_SERIALIZATION_FAILURE) {
            return Self::new(StatusCode::SERVICE_UNAVAILABLE, "registry-busy", "");
        }
        Self::internal(e)
    }
}

impl From<deadpool_postgres::PoolError> for ApiError {
    fn from(e: deadpool_postgres::PoolError) -> Self {
        eprintln!("yeta-registry: database unavailable: {e}");
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "registry-unavailable", "")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "code": self.code,
            "path": self.path,
            "args": self.args,
            "message": { "ko": self.message(yeta_i18n::Lang::Ko), "en": self.message(yeta_i18n::Lang::En) },
        });
        (self.status, axum::Json(body)).into_response()
    }
}
