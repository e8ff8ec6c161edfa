// Generated from src-tauri/src/{commands,error}.rs by the test `ipc_types_are_generated`
// (YETA_BLESS=1 cargo test -p yeta-app ipc_types). Do not edit.
export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]?: JsonValue } | null;

export type Code = "io_read" | "io_write" | "study_invalid" | "study_parse" | "draws_out_of_range" | "risk_not_finite" | "cancelled" | "pdf_invalid" | "pdf_not_signed" | "signature_invalid" | "key_invalid" | "reviewer_mismatch" | "study_mismatch" | "not_in_recent" | "budget_invalid" | "matrix_invalid" | "rules_unknown" | "no_studies_chosen" | "registry_not_logged_in" | "registry_insecure_url" | "registry_unreachable" | "registry_refused" | "registry_ca" | "registry_key_invalid" | "internal";

export type Arg = string | number;

export type CmdError = { 
/**
 * What went wrong.
 */
code: Code, 
/**
 * The study field it concerns (`costs[2].flows[0].amount`), if any.
 */
path: string | null, 
/**
 * Arguments of the catalog message.
 */
args: { [key in string]: Arg }, 
/**
 * The OS's or a library's own words, if any.
 */
detail: string | null, };

export type Opened = { 
/**
 * The file, if the study has one.
 */
path: string | null, 
/**
 * The study's text; none when there is nothing to open.
 */
text: string | null, 
/**
 * True when the text is the autosave of a session that did not save.
 */
recovered: boolean, 
/**
 * Recent studies, most recent first.
 */
recent: Array<string>, };

export type RegistryUser = { 
/**
 * The user's name.
 */
name: string, 
/**
 * officer, reviewer or admin.
 */
role: string, 
/**
 * An officer's ministry.
 */
ministry: string | null, };

export type QueuedItem = { 
/**
 * The outbox id (to remove it).
 */
id: string, 
/**
 * The study's key in the registry.
 */
key: string, 
/**
 * The study's name.
 */
name: string, 
/**
 * Queued as a draft.
 */
draft: boolean, 
/**
 * When it was queued (RFC 3339, UTC).
 */
queued_at: string, 
/**
 * For a refused one: the registry's sentence in the UI's language.
 */
refused: string | null, };

export type SentItem = { 
/**
 * The study's key.
 */
key: string, 
/**
 * Its revision number in the registry.
 */
revision: number, 
/**
 * draft or submitted.
 */
status: string, 
/**
 * The text was already the latest revision.
 */
unchanged: boolean, };

export type RegistryState = { 
/**
 * The registry's URL, when logged in.
 */
url: string | null, 
/**
 * The user, when the registry answered.
 */
user: RegistryUser | null, 
/**
 * The registry answered just now.
 */
online: boolean, 
/**
 * Why it did not (unreachable, the token refused).
 */
problem: CmdError | null, 
/**
 * Submissions waiting, oldest first.
 */
waiting: Array<QueuedItem>, 
/**
 * Submissions the registry refused, with its reason.
 */
refused: Array<QueuedItem>, 
/**
 * Sent in this pass.
 */
sent: Array<SentItem>, };

export type Saved = { 
/**
 * The file written.
 */
path: string, 
/**
 * Recent studies, most recent first.
 */
recent: Array<string>, };

export type Appraised = { 
/**
 * The appraisal JSON.
 */
appraisal: JsonValue, } | { 
/**
 * Each problem.
 */
problems: Array<Problem>, };

export type Problem = { 
/**
 * Field path, e.g. `costs[2].flows[0].amount`; empty for the whole file.
 */
path: string, 
/**
 * The engine's explanation, naming the value (English; for logs and uncoded problems).
 */
message: string, 
/**
 * The kind of problem (`yeta_core::study::Problem`, snake_case), rendered from the catalog
 * as `problem-<code>`.
 */
code: string | null, 
/**
 * The catalog message's arguments.
 */
args: { [key in string]: string }, };

export type Hint = { 
/**
 * Row item.
 */
i: number, 
/**
 * Column item.
 */
j: number, 
/**
 * The judgement given, a_ij.
 */
given: number, 
/**
 * The nearest value on Saaty's scale consistent with the other judgements ("2", "1/3").
 */
suggested: string, 
/**
 * The matrix's CR with this one judgement changed to `suggested`.
 */
cr_after: number, };

export type MatrixResult = { 
/**
 * Priorities summing to 1.
 */
weights: Array<number>, 
/**
 * Consistency ratio (일관성 비율).
 */
cr: number, 
/**
 * CR at or below the cut-off.
 */
consistent: boolean, 
/**
 * The rule set's cut-off.
 */
cr_cutoff: number, 
/**
 * Blank cells completed by Harker's method, as (row, column).
 */
completed: Array<[number, number]>, 
/**
 * For each cell (row-major), |ln(a_ij · w_j / w_i)|: how far it is from the others.
 */
deviation: Array<Array<number>>, 
/**
 * Judgements to reconsider, the most inconsistent first; none that would not change a value.
 */
hints: Array<Hint>, };

export type Exported = { 
/**
 * The file.
 */
path: string, };

export type Signer = { 
/**
 * The certificate's subject.
 */
signer: string, 
/**
 * The reviewer's name as signed.
 */
reviewer: string | null, 
/**
 * The reviewer's role as signed.
 */
role: string | null, 
/**
 * The signing time in PDF form (`D:YYYYMMDDHHmmSSZ`).
 */
date: string | null, 
/**
 * The same time as ISO 8601 in UTC (`2026-12-01T19:26:08Z`), for the UI to show in KST.
 */
date_iso: string | null, 
/**
 * SHA-256 of the signer's certificate.
 */
cert_sha256: string, 
/**
 * Signature algorithm.
 */
algorithm: string, };

export type Signed = { 
/**
 * The signed report (a new `…-signed.pdf` unless the user chose to replace).
 */
path: string, 
/**
 * Every signature it now carries.
 */
signers: Array<Signer>, };

export type Verified = { 
/**
 * The report.
 */
path: string, 
/**
 * Every signature holds and nothing changed after them but what signing allows.
 */
ok: boolean, 
/**
 * The signatures, when they hold.
 */
signers: Array<Signer>, 
/**
 * Why not, when they do not.
 */
error: CmdError | null, };

export type MoneyUnit = "won" | "thousand" | "million" | "eok";

export type Progress = { 
/**
 * The job's id, as the UI chose it.
 */
id: number, 
/**
 * Steps done.
 */
done: number, 
/**
 * Steps in all; `done == total` then `phase: "summarising"` while the results are computed.
 */
total: number, 
/**
 * What the job is doing: `running`, then `summarising` (sorting draws, percentiles).
 */
phase: Phase, };

export type Phase = "running" | "summarising";

export type Against = { "from": "forecast" } | { "from": "file", 
/**
 * The file.
 */
path: string, } | { "from": "library", 
/**
 * The library database.
 */
library: string, 
/**
 * The study's key in it.
 */
key: string, 
/**
 * The revision.
 */
revision: number, };

export type Evaluated = { 
/**
 * The evaluation JSON (`yeta_core::expost::ExPost`).
 */
evaluation: JsonValue, 
/**
 * The ex-ante side of the comparison.
 */
against: Against, };
