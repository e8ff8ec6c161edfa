# The desktop app: every label and message (English). The app reads this file and the engine catalog.

app-open = Open…
app-save = Save
app-save-as = Save as…
app-recent = Recent
app-new-study = New study
app-export-pdf = Export PDF
app-sign-off = Sign off…
app-verify = Verify report…
app-undo = Undo
app-redo = Redo
app-tab-study = Study
app-tab-lines = Costs & benefits
app-tab-ahp = AHP
app-tab-results = Results
app-tab-risk = Risk
app-project = Project
app-name = Name
app-sponsor = Sponsor
app-sector = Sector
app-region = Region (ISO 3166-2:KR)
app-total-cost = Total cost
app-state-funding = State funding
app-description = Description
app-parameters = Parameters
app-base-year = Base year
app-first-year = First year
app-last-year = Last year
app-discount = Discount schedule
app-from-year = From year
app-rate = Rate
app-add-step = + step
app-remove = Remove
app-rules = Rule set
app-other-sections = Other sections (JSON, checked by the engine)
app-costs = Costs
app-benefits = Benefits
app-revenues = Revenues
app-kind = Kind
app-add-line = + line
app-ranges = Ranged flows of
app-from = From
app-to = To
app-amount = Amount (first year)
app-growth = Yearly growth
app-add-range = + range
app-paste-hint = Arrow keys move between cells; paste a block copied from Excel (tab-separated).
app-in-range = in a ranged flow: edit it below
app-verdict = Verdict
app-bc = B/C
app-npv = NPV
app-irr = IRR
app-pv-benefits = PV benefits
app-pv-costs = PV costs
app-ahp-score = AHP score
app-implement = Implement
app-not-implement = Do not implement
app-feasible = economically feasible
app-not-feasible = not economically feasible
app-cash-flow = Cash flow by year (nominal)
app-cumulative = cumulative PV of net flow
app-tornado = Sensitivity (B/C)
app-ahp-weights = AHP weights
app-regional = Regional
app-environment = Environment
app-backwardness = Backwardness index
app-rank = rank
app-production = Production effect
app-jobs = Jobs
app-emissions = Emissions (tCO2e)
app-carbon-pv = PV of carbon
app-bc-with-carbon = B/C with carbon
app-problems = Problems
app-no-problems = No problems
app-evaluator = Evaluator
app-panel = Panel (aggregated)
app-weights = Weights
app-cr = CR
app-consistent = consistent
app-inconsistent = inconsistent — revise
app-hint = Repair hint
app-apply = Apply
app-alternatives = Implement vs. not, per criterion
app-implement-side = implement
app-not-side = do not implement
app-score-range = Score range
app-robust = robust
app-not-robust = not robust
app-draws = Draws
app-seed = Seed
app-run = Run
app-cancel = Cancel
app-prob-bc = P(B/C ≥ 1)
app-mean = mean
app-critical = Critical variables
app-language = Report language
app-reviewer = Reviewer
app-role = Role
app-password = PKCS#12 password (if any)
app-sign = Choose report and key, then sign
app-close = Close
app-saved = Saved
app-autosaved = Autosaved
app-recovered = Recovered the autosaved study
app-unsaved = unsaved
app-exporting = Exporting PDF…
app-exported = Exported
app-cancelled = Cancelled
app-running = Running…
app-signed = Signed
app-valid = Valid signatures
app-invalid = NOT VALID
app-empty = Open a study (.yeta.json) or start a new one.
app-no-ahp = This study has no AHP section.
app-nothing = No result yet: fix the problems listed.
app-base = base
app-pasted = Pasted
app-skipped = skipped
app-tab-portfolio = Portfolio
app-choose-studies = Choose studies…
app-budget = Budget
app-study = Study
app-contribution = contribution
app-within-budget = Within budget
app-fits = within
app-over = over
app-not-eligible = —
app-portfolio-empty = Choose several studies (.yeta.json) to compare them side by side.
app-portfolio-hint = Ranked by AHP score (then B/C); click a column header to sort. The budget is drawn in rank order by the studies to implement.
app-cumulative-cost = cumulative
app-crit-economic = Economic
app-crit-policy = Policy
app-crit-regional = Regional
app-crit-technical = Technical
app-flip-distance = Weights to flip the verdict
app-no-flip = none within the ranges
app-reversal = Weights to swap with the next
app-switching = Switching values (B/C = 1)
app-rests-on = The verdict flips without
app-no-single-evaluator = Leaving out any one evaluator keeps the verdict

## App: command errors and signing (issue 20)
app-sign-replace = Overwrite the original report (otherwise saved as …-signed.pdf)

## App: every word on screen (issue 20)
app-region-KR-11 = Seoul
app-region-KR-26 = Busan
app-region-KR-27 = Daegu
app-region-KR-28 = Incheon
app-region-KR-29 = Gwangju
app-region-KR-30 = Daejeon
app-region-KR-31 = Ulsan
app-region-KR-50 = Sejong
app-region-KR-41 = Gyeonggi
app-region-KR-51 = Gangwon
app-region-KR-43 = North Chungcheong
app-region-KR-44 = South Chungcheong
app-region-KR-52 = North Jeolla
app-region-KR-46 = South Jeolla
app-region-KR-47 = North Gyeongsang
app-region-KR-48 = South Gyeongsang
app-region-KR-49 = Jeju
app-run-info = { $draws } draws · seed { $seed }
app-goal = Overall evaluation
app-section-rules = Rules
app-section-financing = Financing
app-section-policy = Policy
app-section-regional = Regional
app-section-environment = Environment
app-in-ranged-flow = inside a ranged flow
app-signed-at = signed
app-new-line = New line

## App: money units (issue 20)
app-line-total = Total
app-line-pv = PV
app-total = total
app-unit-caption = Unit
app-unit = Money unit

## App: input errors (issue 20)
app-computing = Computing…
app-last-valid = Last valid figures; they are recomputed once the problems are fixed.
app-problem-count = { $n } problem(s)
app-not-amount = Not an amount: "{ $value }" — e.g. 240억, 1,800억, 12억 3,000만, 24,000,000,000
app-not-number = Not a number: "{ $value }"

## App: what the verdict rests on (issue 20)
app-stale-judgements = Judgements to revisit: { $evaluators } judged at B/C { $seen }, the B/C is now { $bc }. Revisit the judgements against the new economic figures.
app-stale-short = Judged at B/C { $seen }, now { $bc }: revisit
app-basis-ahp = Rests on: the AHP score { $score } (threshold { $threshold })
app-basis-economic = Rests on: the economic analysis, B/C { $bc } (threshold { $threshold }; no AHP evaluation)
app-stale-banner = Judgements to revisit: the evaluators below judged at B/C { $seen }; the B/C is now { $bc }. Revisit the judgements against the new economic figures.

## App: AHP matrix (issue 20)
app-numeric-matrix = Pairwise matrix (type values: 3, 1/3, 4/3)
app-cell-deviation = Deviation from the weights' ratio ε = { $eps } (1 = consistent)
app-not-judgement = Not a whole number or fraction within 1/9–9: "{ $value }"
app-cr-after = CR after the fix { $cr }

## App: risk and charts (issue 20)
app-summarising = Summarising…
app-frequency = Frequency
app-not-count = { $what }: not a whole number: "{ $value }"
app-previous-result = Previous result (replaced when the new run completes)
app-allowed-range = allowed range

## App: a new study's defaults (issue 20)
app-new-project = New project
app-new-sponsor = Ministry
app-new-construction = Construction
app-new-travel-time = Travel time savings
app-default-role = PFS reviewer

# Options and E/C (issue 16)
app-options-compared = Options compared
app-preferred-option = Preferred option
app-base-stands = No option qualifies: the base case stands
app-proposed-option = proposed
app-base-option = base case
app-incremental-bc = Incremental B/C
app-cost-effectiveness = Cost-effectiveness (E/C)
app-cost-per-unit = KRW per unit of effect
app-incremental-cost = Incremental KRW per unit
app-lowest-cost = Lowest cost per unit
app-net-emissions = Net change against doing nothing
app-net-carbon-pv = Carbon value of the net change, PV
app-net-energy-pv = Value of the net energy change, PV
app-env-not-counted = This study leaves the environment out of the economic case
app-env-reduces = Reduces emissions by { $t } tCO2e against doing nothing
app-env-adds = Adds { $t } tCO2e of emissions against doing nothing
app-env-run = Carbon value, { $series }
app-env-suggested = { $open } of the sector's { $total } suggested risks are not in the register
app-env-suggested-score = likelihood { $l } × impact { $i } = { $s }

# The ex-post tab (issue 17)
app-tab-expost = Ex post
app-expost-title = Ex-post evaluation: the PFS (ex ante) against the actuals (ex post)
app-no-outturn = This study has no outturn section, so there is nothing to evaluate ex post. Record the actuals and the evaluation appears here.
app-figure = Figure
app-against = Compared with
app-against-forecast = the study's own forecast (no signed-off PFS study found)
app-against-file = the signed-off PFS study file { $path }
app-against-library = signed-off revision { $revision } of { $key } in the library (the PFS)
app-choose-ex-ante = Choose the signed-off PFS study…
app-restudy-check = Re-study check (타당성 재조사)
app-restudy-threshold = Threshold
app-restudy-source = Source
app-schedule = Schedule
app-build-years = Start–completion
app-line = Benefit line

# The review registry in the Portfolio view (src-tauri/src/registry.rs).
app-portfolio-source = Where the studies come from
app-source-files = Study files
app-source-registry = Review registry
app-registry-login-hint = Log in to your ministry's or MOEF's review registry to see every study you may see ranked on the server by the same engine, and to submit the current study. Submissions made while not connected wait in the outbox and are sent when it can be reached.
app-registry-url = Registry address
app-registry-token = Token
app-login = Log in
app-logout = Log out
app-registry-online = Connected
app-registry-offline = Not connected — submissions wait in the outbox
app-send-now = Reconnect and send the outbox
app-registry-key = Registry key
app-as-draft = As a draft (not visible to reviewers)
app-submit-study = Submit the current study
app-all = All
app-review-status = Review status
app-registry-ranked = Studies ranked by the registry
app-registry-empty = No submitted study you may see.
app-outbox-waiting = Outbox
app-outbox-refused = Submissions the registry refused
app-revision = revision
app-unchanged-rev = the same as the latest revision; no new one
app-sent-ok = Submitted
app-queued = Queued in the outbox
app-opened-from-registry = Opened from the registry (Save asks for a file)
app-review-status-draft = Draft
app-review-status-submitted = Submitted
app-review-status-under-review = Under review
app-review-status-returned = Returned
app-review-status-signed-off = Signed off
app-registry-role-officer = Officer
app-registry-role-reviewer = Reviewer
app-registry-role-admin = Administrator

# The regional card's 시·군·구 rows (ui/src/views/results.ts).
app-sigungu-index = Si-gun-gu backwardness index
app-percentile = percentile
app-factor-weights = Factor weights
app-equal-weights = equal across factors (Yeta's assumption; the guideline's weights are not public)
