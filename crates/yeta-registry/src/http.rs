//! The HTTP shell: routes, bearer tokens, body limits; every handler authenticates, then calls
//! [`Registry`](crate::Registry). Rejections by axum's extractors (too large, bad path or query)
//! are turned into the same `{code, path, args, message}` body as every other error.

use crate::service::{Filter, Registry, parse_body};
use crate::{ApiError, User};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

type S = State<Arc<Registry>>;
type Body = Result<Bytes, BytesRejection>;
type Q = Result<Query<HashMap<String, String>>, QueryRejection>;

fn body(b: Body) -> Result<Bytes, ApiError> {
    b.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "registry-too-large", "")
        } else {
            ApiError::new(e.status(), "registry-bad-body", "").arg("reason", e.body_text())
        }
    })
}

fn query(q: Q) -> Result<Filter, ApiError> {
    let Query(q) =
        q.map_err(|e| ApiError::new(StatusCode::BAD_REQUEST, "registry-bad-query", "").arg("reason", e.body_text()))?;
    Filter::from_query(&q)
}

fn path<T>(p: Result<Path<T>, PathRejection>) -> Result<T, ApiError> {
    p.map(|Path(t)| t).map_err(|_| ApiError::not_found("path"))
}

async fn user(reg: &Registry, h: &HeaderMap) -> Result<User, ApiError> {
    let token = h
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    reg.authenticate(token).await
}

fn ok(r: Result<Value, ApiError>) -> Response {
    match r {
        Ok(v) => (StatusCode::OK, axum::Json(v)).into_response(),
        Err(e) => e.into_response(),
    }
}

/// The router, with `max_body` as the largest request body.
pub fn router(reg: Arc<Registry>, max_body: usize) -> Router {
    Router::new()
        .route("/v1/health", get(|| async { axum::Json(serde_json::json!({"ok": true, "service": "yeta-registry"})) }))
        .route("/v1/me", get(me))
        .route("/v1/users", get(users).post(add_user))
        .route("/v1/users/{name}", delete(remove_user).patch(set_signer))
        .route("/v1/trust", get(trust).post(add_trust))
        .route("/v1/trust/{id}", delete(remove_trust))
        .route("/v1/studies", get(list).post(submit))
        .route("/v1/studies/{key}", get(study))
        .route("/v1/studies/{key}/revisions/{n}", get(revision))
        .route("/v1/studies/{key}/changes", get(changes))
        .route("/v1/studies/{key}/review", post(review))
        .route("/v1/studies/{key}/comments", post(comment))
        .route("/v1/studies/{key}/signoff", post(signoff))
        .route("/v1/studies/{key}/signoffs/{id}/report", get(report))
        .route("/v1/portfolio", get(portfolio))
        .route("/v1/audit", get(audit))
        .fallback(|| async { ApiError::not_found("route") })
        .layer(DefaultBodyLimit::max(max_body))
        .with_state(reg)
}

async fn me(State(r): S, h: HeaderMap) -> Response {
    ok(user(&r, &h).await.map(|u| serde_json::json!({"name": u.name, "role": u.role, "ministry": u.ministry})))
}

async fn users(State(r): S, h: HeaderMap) -> Response {
    ok(async { r.users(&user(&r, &h).await?).await }.await)
}

async fn add_user(State(r): S, h: HeaderMap, b: Body) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        r.add_user(&u, parse_body(&body(b)?)?).await
    }
    .await)
}

async fn remove_user(State(r): S, h: HeaderMap, p: Result<Path<String>, PathRejection>) -> Response {
    ok(async { r.remove_user(&user(&r, &h).await?, &path(p)?).await }.await)
}

async fn set_signer(State(r): S, h: HeaderMap, p: Result<Path<String>, PathRejection>, b: Body) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        r.set_signer(&u, &path(p)?, parse_body(&body(b)?)?).await
    }
    .await)
}

async fn trust(State(r): S, h: HeaderMap) -> Response {
    ok(async { r.trust(&user(&r, &h).await?).await }.await)
}

async fn add_trust(State(r): S, h: HeaderMap, b: Body) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        let b = body(b)?;
        let pem = std::str::from_utf8(&b).map_err(|_| ApiError::field("pem", "PEM text"))?;
        r.add_trust(&u, pem).await
    }
    .await)
}

async fn remove_trust(State(r): S, h: HeaderMap, p: Result<Path<String>, PathRejection>) -> Response {
    ok(async { r.remove_trust(&user(&r, &h).await?, &path(p)?).await }.await)
}

async fn list(State(r): S, h: HeaderMap, q: Q) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        r.list(&u, &query(q)?).await
    }
    .await)
}

async fn submit(State(r): S, h: HeaderMap, b: Body) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        r.submit(&u, parse_body(&body(b)?)?).await
    }
    .await)
}

async fn study(State(r): S, h: HeaderMap, p: Result<Path<String>, PathRejection>) -> Response {
    ok(async { r.study(&user(&r, &h).await?, &path(p)?).await }.await)
}

async fn changes(State(r): S, h: HeaderMap, p: Result<Path<String>, PathRejection>) -> Response {
    ok(async { r.changes(&user(&r, &h).await?, &path(p)?).await }.await)
}

async fn revision(State(r): S, h: HeaderMap, p: Result<Path<(String, i32)>, PathRejection>) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        let (k, n) = path(p)?;
        r.revision(&u, &k, n).await
    }
    .await)
}

async fn review(State(r): S, h: HeaderMap, p: Result<Path<String>, PathRejection>, b: Body) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        r.review(&u, &path(p)?, parse_body(&body(b)?)?).await
    }
    .await)
}

async fn comment(State(r): S, h: HeaderMap, p: Result<Path<String>, PathRejection>, b: Body) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        r.comment(&u, &path(p)?, parse_body(&body(b)?)?).await
    }
    .await)
}

async fn signoff(State(r): S, h: HeaderMap, p: Result<Path<String>, PathRejection>, q: Q, b: Body) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        let key = path(p)?;
        let Query(q) = q.map_err(|e| {
            ApiError::new(StatusCode::BAD_REQUEST, "registry-bad-query", "").arg("reason", e.body_text())
        })?;
        let role = q.get("role").ok_or_else(|| ApiError::field("role", "the role the reviewer signs in"))?;
        r.signoff(&u, &key, role, &body(b)?).await
    }
    .await)
}

async fn report(State(r): S, h: HeaderMap, p: Result<Path<(String, i64)>, PathRejection>) -> Response {
    let res = async {
        let u = user(&r, &h).await?;
        let (k, id) = path(p)?;
        r.report(&u, &k, id).await
    }
    .await;
    match res {
        Ok(pdf) => ([(header::CONTENT_TYPE, "application/pdf")], pdf).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn portfolio(State(r): S, h: HeaderMap, q: Q) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        r.portfolio(&u, &query(q)?).await
    }
    .await)
}

async fn audit(State(r): S, h: HeaderMap, q: Q) -> Response {
    ok(async {
        let u = user(&r, &h).await?;
        r.audit_log(&u, &query(q)?).await
    }
    .await)
}
