-- Yeta registry schema, version 1. Applied once, in one transaction, by `yeta-registry`.
CREATE TABLE users (
  id          BIGSERIAL PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('officer', 'reviewer', 'admin')),
  ministry    TEXT,
  token_sha256 TEXT NOT NULL UNIQUE,
  active      BOOLEAN NOT NULL DEFAULT TRUE,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (role <> 'officer' OR ministry IS NOT NULL)
);
CREATE TABLE studies (
  id          BIGSERIAL PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  ministry    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'under_review', 'returned', 'signed_off')),
  latest      INTEGER NOT NULL,
  returned_at_revision INTEGER,
  name        TEXT NOT NULL,
  sector      TEXT NOT NULL,
  region      TEXT NOT NULL,
  year        INTEGER NOT NULL,
  created_by  TEXT NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX studies_filters ON studies (ministry, status, sector, region, year);
CREATE TABLE revisions (
  id          BIGSERIAL PRIMARY KEY,
  study_id    BIGINT NOT NULL REFERENCES studies(id),
  number      INTEGER NOT NULL,
  text        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  author      TEXT NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  bc_ratio    DOUBLE PRECISION,
  npv         TEXT NOT NULL,
  total_cost  TEXT NOT NULL,
  ahp_score   DOUBLE PRECISION,
  implement   BOOLEAN NOT NULL,
  UNIQUE (study_id, number)
);
-- Each step of the review: who, when, on which revision.
CREATE TABLE events (
  id          BIGSERIAL PRIMARY KEY,
  study_id    BIGINT NOT NULL REFERENCES studies(id),
  revision    INTEGER NOT NULL,
  action      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE comments (
  id          BIGSERIAL PRIMARY KEY,
  study_id    BIGINT NOT NULL REFERENCES studies(id),
  revision    INTEGER NOT NULL,
  path        TEXT NOT NULL,
  body        TEXT NOT NULL,
  author      TEXT NOT NULL,
  at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE signoffs (
  id          BIGSERIAL PRIMARY KEY,
  study_id    BIGINT NOT NULL REFERENCES studies(id),
  revision    INTEGER NOT NULL,
  reviewer    TEXT NOT NULL,
  role        TEXT NOT NULL,
  report      BYTEA NOT NULL,
  report_sha256 TEXT NOT NULL,
  study_sha256 TEXT NOT NULL,
  signers     TEXT NOT NULL,
  at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE trust (
  sha256      TEXT PRIMARY KEY,
  subject     TEXT NOT NULL,
  pem         TEXT NOT NULL,
  added_by    TEXT NOT NULL,
  at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE audit (
  id          BIGSERIAL PRIMARY KEY,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT NOT NULL,
  at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
