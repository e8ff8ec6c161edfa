# The PDF appraisal report: every heading, label and sentence (English).

report-preliminary-feasibility-study-appraisal-report = Preliminary feasibility study: appraisal report
report-rule-set = rule set
report-study = study
report-preliminary-feasibility-study = Preliminary Feasibility Study
report-appraisal-report = Appraisal report
report-sponsor = Sponsor
report-sector = Sector
report-region = Region
report-base-year = Base year
report-analysis-period = Analysis period
report-rule-set-2 = Rule set
report-b-c-ratio = B/C ratio
report-status = Status
report-draft-sign-off-page-at-the = Draft — sign-off page at the end
report-produced-with-yeta-a-workbench-for = Produced with Yeta, a workbench for Korea's preliminary feasibility study. The appraised study is attached to this PDF.
report-item = Item
report-value = Value
report-executive-summary = Executive summary
report-recommended-for-implementation = Recommended for implementation
report-not-recommended = Not recommended
report-npv-krw-m = NPV ({ $unit })
report-ahp-score = AHP score
report-key-figures = Key figures
report-pv-of-benefits-krw-m = PV of benefits ({ $unit })
report-pv-of-costs-krw-m = PV of costs ({ $unit })
report-net-present-value-krw-m = Net present value ({ $unit })
report-benefit-cost-ratio = Benefit-cost ratio
report-b-c-threshold = B/C threshold
report-internal-rate-of-return = Internal rate of return
report-payback-year = Payback year
report-financial-npv-krw-m = Financial NPV ({ $unit })
report-ahp-score-range = AHP score range
report-main-risks-and-warnings = Main risks and warnings
report-no-warnings = No warnings.
report-switching-values-costs = Switching values: costs
report-or-benefits = or benefits
report-bring-b-c-to-the-threshold = bring B/C to the threshold.
report-environmental-risk = Environmental risk
report-environmental-requirements-not-fully-met = Environmental requirements not (fully) met
report-project-overview = Project overview
report-project = Project
report-sector-2 = Sector
report-total-cost-krw-m = Total cost ({ $unit })
report-state-funding-krw-m = State funding ({ $unit })
report-cost-and-benefit-lines = Cost and benefit lines
report-list = List
report-line = Line
report-kind = Kind
report-nominal-krw-m = Nominal ({ $unit })
report-pv-krw-m = PV ({ $unit })
report-economic-analysis = Economic analysis
report-assumptions = Assumptions
report-discount-rate-schedule-from-year = Discount rate schedule (from year)
report-price-basis = Price basis
report-timing = Timing
report-discount-factor = Discount factor
report-optimism-bias-green-book = Optimism bias (Green Book)
report-on-capex = on capex
report-results = Results
report-cash-flow-by-year = Cash flow by year
report-year = Year
report-costs = Costs
report-benefits = Benefits
report-net = Net
report-df = DF
report-pv-costs = PV costs
report-pv-benefits = PV benefits
report-cumulative-pv-net = Cumulative PV net
report-krw-million-discount-factors-per-the = { $unit }; discount factors per the schedule above.
report-sensitivity-analysis = Sensitivity analysis
report-case = Case
report-switching-values = Switching values
report-change-in-costs-that-makes-b = Change in costs that makes B/C = threshold
report-change-in-benefits-that-makes-b = Change in benefits that makes B/C = threshold
report-discount-rate-that-makes-npv-0 = Discount rate that makes NPV = 0
report-costs-and-benefits-by-year-krw = Costs and benefits by year ({ $unit })
report-discount-rate = Discount rate
report-tornado-chart-b-c-under-the = Tornado chart: B/C under the sensitivity cases
report-base = base
report-threshold = threshold
report-financial-analysis = Financial analysis
report-applicable-the-project-earns-revenue = Applicable (the project earns revenue)
report-yes = yes
report-no = no
report-financial-discount-rate = Financial discount rate
report-pv-of-revenues-krw-m = PV of revenues ({ $unit })
report-profitability-index = Profitability index
report-financial-irr = Financial IRR
report-financing-risk = Financing risk
report-funding-split = Funding split
report-source = Source
report-krw-m = { $unit }
report-share = Share
report-state = State
report-local-government = Local government
report-private = Private
report-unallocated = Unallocated
report-total-cost = Total cost
report-rule-set-and-sources = Appendix A. Rule set and sources
report-parameter = Parameter
report-status-2 = Status
report-source-2 = Source
report-overrides-by-this-study = Overrides by this study
report-sources-of-the-cost-benefit-and = Sources of the cost, benefit and revenue lines
report-not-stated = not stated
report-cost = cost
report-benefit = benefit
report-revenue = revenue
report-unit-value-krw = Unit value (KRW)
report-method-notes = Appendix B. Method notes
report-discounting-a-flow-in-year-y = Discounting: the costs and benefits of year y are multiplied by the discount factor DF(y), which brings them to base-year value; with one rate this is 1/(1+r)^(y−base year). The internal rate of return (IRR) is the rate at which the net flow's present value is zero, shown only when it is unique.
report-convention-constant-prices-of-the-base = Convention: constant prices of the base year (real terms); flows at the end of each year; money in KRW, shown in { $unit } in the tables.
report-ahp-each-evaluator-compares-the-criteria = AHP: each evaluator compares the criteria pairwise on Saaty's 1–9 scale; priorities are the principal right eigenvector of each matrix (or the normalised row geometric means), and consistency is judged by CI and CR below. The panel is aggregated by the geometric mean of individual judgements (AIJ) or by the mean of individual priorities (AIP). Criterion weights are held within the rule set's allowed ranges; the score range is the lowest and highest score over all weights in those ranges. A score of at least 0.5 for "implement" means the project is recommended.
report-provenance = Appendix C. Provenance
report-yeta-version = Yeta version
report-rule-set-3 = Rule set
report-study-sha-256 = Study SHA-256
report-embedded-study-file = Embedded study file
report-monte-carlo-seed-and-draws = Monte Carlo seed and draws
report-not-run = not run
report-sign-off = Sign-off
report-each-reviewer-signs-this-report-with = Each reviewer signs this report with a PAdES digital signature (yeta sign). A signature covers every byte of the document, including the attached study; any later change makes verification fail. The boxes below show each signature's reviewer, role, date and certificate fingerprint.
report-reviewer = Reviewer
report-policy-consistency-and-readiness = Policy consistency and readiness
report-implementation-and-funding-risk = Implementation and funding risk
report-policy-effects = Policy effects
report-special-evaluation-items = Special evaluation items
report-technology-maturity = Technology maturity
report-fit-with-architecture-and-standards = Fit with architecture and standards
report-security = Security
report-delivery-capability = Delivery capability
report-r-d-need-and-urgency = R&D need and urgency
report-fit-for-state-support = Fit for state support
report-differentiation = Differentiation
report-concreteness-of-the-plan = Concreteness of the plan
report-group = Group
report-items = Items
report-mean = Mean
report-lowest = Lowest
report-weak-items-2 = Weak items (≤ 2)
report-overall = Overall
report-group-2 = Group
report-rating = Rating
report-evidence = Evidence
report-policy-analysis = Policy analysis
report-each-checklist-item-is-rated-on = Each checklist item is rated on a scale of
report-1-very-weak-5-very-strong = (1 very weak, 5 very strong) with its evidence and source. The groups are the policy sub-criteria of the AHP evaluation.
report-summary-by-group = Summary by group
report-checklist = Checklist
report-technical-feasibility = Technical feasibility
report-for-ict-and-r-d-projects = For ICT and R&D projects technical feasibility replaces balanced regional development in the AHP hierarchy.
report-construction = Construction
report-information-services-and-software = Information services and software
report-all-industry-average = All-industry average
report-balanced-regional-development = Balanced regional development
report-regional-backwardness-index = Regional backwardness index
report-capital-region = Capital region (수도권)
report-population-decline-area = Population-decline area
report-backwardness-index = Backwardness index
report-rank-1-most-backward = Rank (1 = most backward)
report-quartile-group = Quartile group
report-data = Data
report-indicator = Indicator
report-region-s-value = Region's value
report-signed-z-backward = Signed z (+ = backward)
report-regional-economic-effects = Regional economic effects
report-input-output-sector = Input-output sector
report-investment-spending-krw-m = Investment spending ({ $unit })
report-share-spent-in-the-region = Share spent in the region
report-production-induced-krw-m = Production induced ({ $unit })
report-value-added-induced-krw-m = Value added induced ({ $unit })
report-employment-induced-person-years = Employment induced (person-years)
report-per-krw-bn = per KRW bn
report-multipliers-source = Multipliers' source
report-backwardness-index-of-every-region-most = Backwardness index of every region (most backward first)
report-met = met
report-partly-met = partly met
report-not-met = not met
report-n-a = n/a
report-low = low
report-medium = medium
report-high = high
report-very-high = very high
report-environmental-risk-2 = Environmental risk
report-the-oecd-found-that-korea-s = The OECD found that Korea's appraisal does not assess environmental risk. This section adds it: the project's energy use and greenhouse-gas emissions, their value at a stated carbon price, the risk register and the compliance checklist.
report-energy-emissions-and-carbon-value = Energy, emissions and carbon value
report-energy-use-whole-period-mwh = Energy use, whole period (MWh)
report-emissions-whole-period-tco2e = Emissions, whole period (tCO2e)
report-e-waste-tonnes = E-waste (tonnes)
report-grid-emission-factor-tco2e-mwh = Grid emission factor (tCO2e/MWh)
report-pv-of-the-carbon-value-krw = PV of the carbon value ({ $unit })
report-carbon-cost-in-the-economic-analysis = Carbon cost in the economic analysis
report-no-shown-for-information = no (shown for information)
report-b-c-without-carbon-cost = B/C without carbon cost
report-b-c-with-carbon-cost = B/C with carbon cost
report-carbon-price-path-s-source = Carbon price path's source
report-energy-mwh = Energy (MWh)
report-operational-tco2e = Operational tCO2e
report-embodied-tco2e = Embodied tCO2e
report-carbon-price-krw-t = Carbon price (KRW/t)
report-carbon-value-krw-m = Carbon value ({ $unit })
report-environmental-risk-register = Environmental risk register
report-risk = Risk
report-l-i = L × I
report-rating-2 = Rating
report-owner = Owner
report-mitigation = Mitigation
report-compliance-checklist = Compliance checklist
report-requirement = Requirement
report-framework = Framework
report-requirements-not-met-or-partly-met = Requirements not met or partly met
report-greenhouse-gas-emissions-by-year-tco2e = Greenhouse-gas emissions by year (tCO2e)
report-operational = Operational
report-embodied = Embodied
report-no-environmental-risks-were-entered = No environmental risks were entered.
report-impact = Impact →
report-likelihood = Likelihood ↑
report-low-1-4 = low (1–4)
report-medium-5-9 = medium (5–9)
report-high-10-16 = high (10–16)
report-very-high-20-25 = very high (20–25)
report-economic-feasibility = Economic feasibility
report-policy-analysis-2 = Policy analysis
report-balanced-regional-development-2 = Balanced regional development
report-technical-feasibility-2 = Technical feasibility
report-regional-backwardness = Regional backwardness
report-employment-inducement = Employment inducement
report-econ = econ.
report-policy = policy
report-regional = regional
report-technical = technical
report-ahp-comprehensive-evaluation = AHP comprehensive evaluation
report-score-for-implement = Score for "implement":
report-implement = implement
report-do-not-implement = do not implement
report-score-range-across-the-allowed-weights = Score range across the allowed weights:
report-threshold-2 = threshold
report-the-verdict-holds-across-the-range = the verdict holds across the range.
report-the-verdict-changes-within-the-range = the verdict changes within the range.
report-criteria-weights-scores-and-contributions = Criteria: weights, scores and contributions
report-criterion = Criterion
report-allowed-range = Allowed range
report-weight-as-judged = Weight as judged
report-weight-applied = Weight applied
report-implement-priority = Implement priority
report-contribution = Contribution
report-total = Total
report-weight-ranges = Weight ranges
report-sub-criteria-global-weights = Sub-criteria (global weights)
report-sub-criterion = Sub-criterion
report-global-weight = Global weight
report-weighted = Weighted
report-evaluators = Evaluators
report-evaluator = Evaluator
report-role = Role
report-score = Score
report-max-cr = Max CR
report-outside-range = Outside range
report-consistency-ratio-above-the-cut-off = ▲ = consistency ratio above the cut-off
report-aggregation = Aggregation
report-geometric-mean-of-individual-judgements-aij = geometric mean of individual judgements (AIJ)
report-mean-of-individual-priorities-aip = mean of individual priorities (AIP)
report-priorities = priorities
report-principal-eigenvector = principal eigenvector
report-geometric-mean-of-rows = geometric mean of rows
report-judgements-to-reconsider-cr-above-the = Judgements to reconsider (CR above the cut-off)
report-criterion-weights-panel-bar-evaluators-ticks = Criterion weights: panel (bar), evaluators (ticks), allowed range (bracket)
report-risk-analysis-monte-carlo = Risk analysis (Monte Carlo)
report-draws-with-seed = draws with seed
report-the-same-seed-gives-the-same = (the same seed gives the same figures)
report-uncertain-inputs = Uncertain inputs
report-p-npv-0 = P(NPV > 0)
report-standard-error-of-the-mean-npv = Standard error of the mean NPV ({ $unit })
report-analytic-expectation-of-npv-krw-m = Analytic expectation of NPV ({ $unit })
report-e-multiplier-pv-of-each-line = Σ E[multiplier] × PV of each line
report-critical-variables = Critical variables
report-seed = seed
report-variables-whose-1-change-moves-npv = Variables whose 1 % change moves NPV by more than 1 % (EU Guide to CBA, 2014).
report-variable = Variable
report-npv-change-per-1 = NPV change per +1 %
report-uncertain-in-the-study = Uncertain in the study
report-distribution-of-npv-krw-million = Distribution of NPV ({ $unit })
report-capital-region = capital region
unit-million = KRW m
unit-eok = KRW 100 m
report-unit-caption = (unit: { $unit })

# Contents, cover
report-contents = Contents
report-date = Date
report-date-not-given = not given
report-long-date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# I. Project overview
report-background-and-need = Background and need
report-objectives = Objectives
report-scope = Scope
report-project-facts = Key facts
report-not-given-in-the-study = Not given in the study.
report-municipality-code = administrative code
report-class-construction = construction (economic, policy, balanced regional development)
report-class-ict = ICT (economic, policy, technical feasibility)
report-class-other = other (economic, policy)

# II. Total cost and yearly investment plan
report-total-cost-and-investment-plan = Total cost and yearly investment plan
report-total-cost-breakdown = Total cost breakdown
report-amount = Amount
report-total-cost-stated = The study states a total cost of { $amount } { $unit }. The total above is the capital cost counted in the economic analysis (construction, system build and land, with the optimism-bias uplift).
report-yearly-investment-plan = Yearly investment plan
report-investment-plan-note = Constant base-year prices; capital lines only (operating and reinvestment costs are among the cost lines in chapter III).

# III. Demand and benefits
report-demand-and-benefits = Demand and benefit estimate
report-benefit-estimates = Benefit estimates (demand × unit value)
report-benefit-estimates-intro = A benefit line priced by a unit value is the yearly demand (quantity) times the unit value: benefit = quantity × unit value.
report-no-unit-value-lines = No benefit line is priced by a unit value: the study gives the benefits as amounts.
report-unit-value-line = Unit value KRW { $value } ({ $per }; source: { $source }). Demand source: { $demand }.
report-units = Quantity
report-benefit-amount = Benefit

# X. Conclusion and policy recommendations
report-conclusion = Conclusion and policy recommendations
report-overall-judgement = Overall judgement
report-what-it-rests-on = What the judgement rests on
report-rests-economic = The economic analysis gives a B/C of { $bc } (threshold { $threshold }), an NPV of { $npv } { $unit } and an IRR of { $irr }.
report-rests-ahp = The AHP comprehensive evaluation scores { $score } (threshold { $threshold }); the criteria contribute: { $parts }.
report-rests-criterion = { $name } (weight { $weight } × score { $score } = { $contribution })
report-robustness = Robustness of the judgement
report-robust-yes = Over every combination of weights the rule set allows, the score stays within { $range } and the judgement does not change.
report-robust-no = Within the weights the rule set allows, the score ranges over { $range }: the judgement can change with the weights.
report-grey-zone = The score lies in the grey zone ({ $low }–{ $high }): the judgement needs careful review.
report-inconsistent-evaluators = Without the { $n } evaluators above the consistency cut-off the score is { $score }.
report-main-risks = Main risks
report-risk-switching = Costs changing by { $costs } or benefits by { $benefits } bring B/C to the threshold (switching values).
report-risk-monte-carlo = In the Monte Carlo analysis ({ $draws } draws) the probability of B/C ≥ 1 is { $p }.
report-risk-environment = Environmental risk "{ $title }" (score { $score })
report-risk-warnings = { $n } warnings to review (see the summary)
report-recommendations = Policy recommendations
report-rec-implement = The project is found feasible, and the judgement holds over the allowed weights: implementation is recommended.
report-rec-implement-fragile = The project is found feasible, but the judgement can change with the weights: strengthen the policy and regional case before implementation.
report-rec-do-not-implement = As planned, the project is not found feasible: review its scale and alternatives.
report-rec-do-not-implement-fragile = As planned, the project is not found feasible, but the judgement can change with the weights: review the alternatives and the evidence.
report-rec-cost-control = Costs changing by { $costs } make the project fall below the threshold: keep the total cost under strict control from the design stage.
report-rec-demand = Benefits changing by { $benefits } make the project fall below the threshold: verify the demand estimate and unit values further.
report-rec-environment = Take the { $n } environmental requirements not (fully) met into the project plan.
report-rec-funding = Complete the funding plan: its unallocated funds and warnings.
report-rec-ex-post = After completion, compare the actual costs and demand with this report's estimates in an ex-post evaluation.

# AHP sub-criteria (ids of the default hierarchy)
criterion-consistency_readiness = Policy consistency and readiness
criterion-implementation_risk = Implementation risks
criterion-policy_effects = Policy effects
criterion-special_items = Project-specific items
criterion-backwardness = Regional backwardness
criterion-regional_economy = Regional economic effects
criterion-employment = Employment inducement
criterion-maturity = Technology maturity
criterion-architecture_fit = Fit with architecture and standards
criterion-security = Security
criterion-delivery_capability = Delivery capability
criterion-goal = Overall goal

# Financing risk
financing-risk-low = low
financing-risk-medium = medium
financing-risk-high = high

# Regional backwardness indicators
indicator-population_growth_pct = population growth (%)
indicator-manufacturing_employment_share_pct = manufacturing employment share (%)
indicator-road_density_km_per_km2 = road density (km/km²)
indicator-cars_per_1000 = cars per 1,000 residents
indicator-ageing_index = ageing index (65+ per 100 aged 0–14)
indicator-fiscal_self_reliance_pct = fiscal self-reliance (%)
indicator-urban_land_share_pct = urban land share (%)
indicator-doctors_per_1000 = doctors per 1,000 residents

# Conventions
convention-prices = constant prices of the base year (real terms)
convention-timing = flows at the end of each year

report-nominal = Nominal
report-pv = PV
report-see-method-notes = the discounting formula in appendix B
report-regions-builtin = the built-in example table (2022, order-of-magnitude illustration, not official statistics)
report-regions-user = the user's region table

# Appendix A: the rule set
rule-ahp-cr-cutoff = Consistency ratio (CR) cut-off
rule-ahp-grey-zone = AHP grey zone
rule-ahp-inconsistent-evaluators = Evaluators above the CR cut-off
rule-ahp-population-decline = Weight shift for population-decline areas
rule-ahp-score-threshold = AHP threshold for "implement"
rule-bc-threshold = Economic threshold (B/C)
rule-financial-discount-rate = Financial discount rate
rule-long-horizon = Long-term discount rate (beyond 30 years)
rule-pfs-exempt-sectors = Sectors outside the PFS
rule-pfs-thresholds = Projects subject to the PFS
rule-restudy-cost-growth = Re-study trigger (total cost growth)
rule-social-discount = Social discount rate
rule-extra-optimism-bias = Optimism-bias uplift (capex)
rule-extra-carbon-price-gbp-per-tco2e = Carbon price (UK, GBP/tCO2e)
status-confirmed = confirmed
status-reported = reported (text not checked)
status-practice = practice
status-assumption = assumption
inconsistent-include = included (the score without them is reported too)
inconsistent-exclude = excluded
ob-type-standard_buildings = standard buildings
ob-type-non_standard_buildings = non-standard buildings
ob-type-standard_civil_engineering = standard civil engineering
ob-type-non_standard_civil_engineering = non-standard civil engineering
ob-type-equipment_development = equipment and development
ob-type-outsourcing = outsourcing
report-rule-population-decline = { $from } range down { $shift } pp, { $to } range up { $shift } pp (at most { $cap })
report-rule-rate-from = from year { $year }: { $rate }
report-rule-long-horizon = after year { $year }: { $rate } (applied: { $applied })
report-rule-threshold = { $sectors }: total cost from { $total } and state funding from { $state }
report-rule-other-sectors = all other projects
report-weight-ranges = AHP criterion weight ranges
report-project-group = Project group
report-group-construction = construction
report-group-ict = ICT
report-group-other = other fiscal projects
report-non-capital-region = outside the capital region
report-analysis-bc = B/C analysis
report-analysis-ec = E/C (cost-effectiveness) analysis

formula-df = DF(y) = ∏_{k = t_{0}+1}^{y} 1 / (1 + r_{k})
formula-npv = NPV = ∑_{y} DF(y) · (B_{y} - C_{y})
formula-bc = B/C = ∑_{y} DF(y) · B_{y}  ÷  ∑_{y} DF(y) · C_{y}
formula-irr = ∑_{y} (B_{y} - C_{y}) / (1 + IRR)^{y - t_{0}} = 0
formula-ci = CI = (λ_{max} - n) / (n - 1),   CR = CI / RI
formula-score = score = ∑_{i} w_{i} · s_{i}
report-discounting-symbols = Symbols: t0 the base year, r(k) the rate in force in year k, B(y) and C(y) the benefits and costs of year y, w(i) the weight of criterion i, s(i) its score for "implement", λmax the largest eigenvalue, n the number of items compared, RI the random consistency index (table below).
report-share-of-draws = share of draws (%)
report-npv-axis = net present value, NPV ({ $unit })

report-multipliers-builtin = Built-in example multipliers: order of magnitude of the Bank of Korea 2020 input-output table (illustrative, not the official coefficients)
report-reason = Reason
report-override-own-discount = the study's own discount rates (parameters.discount)
rule-long-horizon-enabled = Long-term rate applied
rule-long-horizon-rate = Long-term rate
rule-long-horizon-after-t = Long-term rate from year
rule-ahp-cr-cutoff-value = CR cut-off
report-weight-ranges-see-appendix = The weights are held within the ranges the rule set allows; appendix A gives the ranges and their sources.

# IX. Review of the comprehensive evaluation
report-verdict-switching-values = What would flip the verdict (AHP switching values)
report-weights-cannot-flip = No weights within the ranges the rule set allows change the verdict.
report-weights-flip = The nearest weights within the allowed ranges that flip the verdict lie at a distance of { $distance } from the applied weights; the weight that moves most is { $criterion } ({ $change }).
report-criterion = Criterion
report-applied-weight = Applied weight
report-flip-weight = Flipping weight
report-sub-criterion = Sub-criterion
report-panel-judgement = Panel judgement
report-flip-judgement = Judgement that flips the verdict
report-no-flip-on-the-scale = none on the scale (1/9–9)
report-leaf-switch-intro = If a sub-criterion's "implement vs not" judgement (Saaty's scale) took the value below, the other judgements and the weights held, the score would reach the 0.5 threshold.
report-who-the-score-rests-on = Whom the score rests on
report-score-spread = The evaluators' own scores range over { $low }–{ $high }.
report-evaluator-left-out = Evaluator left out
report-score-without = Score without
report-verdict-without = Verdict without
report-implement = implement
report-do-not-implement = do not implement
report-no-single-evaluator = Leaving out any one evaluator does not change the verdict.
report-single-evaluators = Leaving out one evaluator changes the verdict in { $n } cases: the verdict rests on them.
report-node = Comparison
report-dispersion = Dispersion
report-farthest-evaluator = Farthest from the panel
report-node-alternatives = implement vs not, per sub-criterion
report-node-goal = criteria against each other
report-dispersion-intro = Dispersion is the geometric standard deviation of the evaluators' judgements (1 = full agreement): the larger, the more the review meeting has to discuss.
report-incoherent = { $evaluator }: the economic judgement { $judgement } (above 1 favours implement) contradicts the B/C of { $bc }.
rule-plausibility = Input plausibility checks (warnings, never refusals)
report-plaus-high-growth = growth of { $value } a year or more is flagged
report-plaus-growth-as-percent = growth of { $value } or more is probably a percentage
report-plaus-discount-as-percent = a discount rate of { $value } or more is probably a percentage
report-plaus-benefits-during-capex = sectors whose benefits may start during construction: { $value }
report-plaus-total-cost-gap = capex differing from the total cost by more than { $value } is flagged
report-plaus-total-cost-ratio = capex / total cost outside { $value } suggests a unit error
report-plaus-jump-factor = an amount changing more than { $value }× in a year is flagged
report-stale = { $evaluator } judged against a B/C of { $seen }; the B/C is now { $bc }: their judgements should be taken again on the current figures.

## Demand models, cost build-up, residual value, alternatives (issue 16)
report-demand-model = Demand model: quantity in { $from }–{ $to } = forecast × ramp-up share × elasticity factor. In the risk analysis the line's uncertainty multiplies the quantities.
report-demand-growth = Forecast: { $quantity } in { $year } (source: { $qsource }), growing { $growth } a year (source: { $gsource }).
report-demand-schedule = Forecast: target-year demand { $points }; interpolated linearly between target years, flat before the first and after the last (source: { $source }).
report-demand-ramp-linear = Ramp-up: { $share } of the forecast in the opening year, rising linearly to 100 % after { $years } years (source: { $source }).
report-demand-ramp-s-curve = Ramp-up: { $share } of the forecast in the opening year, rising along a logistic S-curve to 100 % after { $years } years, steepness { $a } (source: { $source }).
report-demand-elasticity = Elasticity: constant elasticity { $e } (source: { $esource }) to { $driver } against its base value { $base } (source: { $bsource }); { $driver }: { $path }.
report-demand-driver-step = { $value } from { $year }
report-demand-forecast = Forecast
report-demand-ramp = Ramp-up
report-demand-factor = Elasticity factor
report-revenue-demand = Revenue demand estimate
formula-demand = q(y) = F(y) · s(y - y_{0}) · ∏_{i} (D_{i}(y) / D_{i,0})^{ε_{i}}
formula-demand-growth = F(y) = Q_{b} · (1 + g)^{y - y_{b}}
formula-demand-linear = s(k) = s_{0} + (1 - s_{0}) · k / n  (k < n),  s(k) = 1  (k ≥ n)
formula-demand-s-curve = s(k) = s_{0} + (1 - s_{0}) · (L(k) - L(0)) / (L(n) - L(0)),  L(x) = 1 / (1 + e^{-a(x - n/2)})
report-build-up = Total cost by class
report-build-up-intro = The total cost is built up by class. Rate items such as the contingency are the rate times the yearly amounts of the classes they rest on; the rates and their sources are in the table below.
report-build-up-class = Class
report-build-up-derived-total = Derived total
report-build-up-stated-total = Total cost (study)
report-build-up-difference = Difference (stated - derived)
report-build-up-rate = Rate
report-build-up-base = Applied to
report-build-up-plan = Yearly investment plan by class
report-build-up-from-rules = the rate of rule set { $id } (source in appendix A)
report-residual = Residual value
report-residual-intro = What the assets are still worth at the end of the period in { $year } is valued straight-line over each asset class's service life and counted as a benefit of that year (C: the asset's cost in constant prices, L: service life, u: years used by { $year }).
formula-residual = RV = C · max(0, L - u) / L
report-residual-class = Asset class
report-residual-cost = Cost
report-residual-in-service = In service
report-residual-life = Life
report-residual-used = Used
report-residual-remaining = Left
report-residual-value = Residual value
report-residual-lives-from-rules = Service lives are those of rule set { $id } (source and status in appendix A).
report-alternatives = Alternatives
report-alternatives-option = Option
report-alternatives-base = base case
report-alternatives-proposed = proposed
report-alternatives-rule = Each option is appraised on its own and against the do-minimum base case (ΔPV(B), ΔPV(C), ΔNPV, incremental B/C = ΔPV(B)/ΔPV(C)). Rule: the highest NPV among the options whose B/C and incremental B/C both reach { $threshold }.
report-alternatives-preferred = Preferred option: { $name }.
report-alternatives-none = No option meets the rule: the base case stands.
## Environment: net emissions against the counterfactual (issue 23)
report-env-net-effect = Net effect against the do-nothing
report-env-net-reduces = The project reduces greenhouse-gas emissions by { $tonnes } tCO2e over { $first }–{ $last } against the do-nothing (project { $project } tCO2e, do-nothing { $counterfactual } tCO2e); the reduction is worth { $value } in present value.
report-env-net-adds = The project adds { $tonnes } tCO2e of greenhouse-gas emissions over { $first }–{ $last } against the do-nothing (project { $project } tCO2e, do-nothing { $counterfactual } tCO2e); the addition costs { $value } in present value.
report-env-side = Side
report-env-source = Source
report-env-source-kind = Kind
report-env-side-project = project
report-env-side-counterfactual = do-nothing
report-env-kind-electricity = electricity
report-env-kind-embodied = embodied
report-env-kind-paper = paper
report-env-kind-printing = printing
report-env-kind-postage = postage
report-env-kind-travel = travel
report-env-kind-other = other
report-env-grid-factor-short = tCO2e/MWh
report-env-project-t = Project tCO2e
report-env-counterfactual-t = Do-nothing tCO2e
report-env-net-t = Net tCO2e
report-env-net-value = Net carbon value

## Environment: factor paths, energy value and carbon series (issue 23)
report-env-counted = The environment counts in the economic case (the Green Book requires greenhouse-gas effects in it): the energy change at the electricity value and the emissions change at the central carbon value are lines of the economic analysis.
report-env-opted-out = The study opts out: the environment is not counted in the economic case; the figures below are shown for information.
report-env-energy-value-pv = PV of the net energy change at the electricity value (negative: saved)
report-env-npv-without = NPV without the environment
report-env-series = Carbon value series
report-env-carbon-pv = PV of the net carbon value
report-env-series-low = low
report-env-series-central = central
report-env-series-high = high
report-env-illustrative = ILLUSTRATIVE, not a published series
report-env-grid-path = Grid emission factor by year
report-env-electricity-path = Electricity value (long-run variable cost)
report-env-carbon-series = Carbon values (low, central, high)
report-env-replace-grid = Yeta's sketch: the 2023 national grid factor (0.4173 tCO2e/MWh), the 2030 power-sector target over the planned generation, then towards zero in 2050. Replace with the emissions and generation by year of the 11th Basic Plan for Electricity Supply and Demand and the national grid emission factor notice.
report-env-replace-electricity = Yeta's assumption: KRW 130/kWh flat, the order of magnitude of the 2024 system marginal price. Replace with a published long-run variable cost of electricity.
report-env-replace-carbon = Yeta's assumption: central KRW 50,000/t in 2025, 80,000 in 2030, 150,000 in 2050; low and high at 50 % and 150 %. Replace with the ministry's shadow carbon price when issued.

## Environment: device classes (issue 23)
report-env-devices = Embodied emissions and e-waste by device class
report-env-device-class = Class
report-env-device-line = Refresh line
report-env-device-units = Units
report-env-class-servers = servers
report-env-class-storage = storage
report-env-class-network = network
report-env-class-end-user = end-user devices

## Environment: compliance catalogues (issue 23)
report-env-catalogue-score = Score { $score }: { $met } met and { $partial } partly met of { $applicable } applicable items (partly met counts half); { $unmet } not fully met, listed below.
report-env-unanswered = not answered

# Prices (issue 16)
report-prices = Prices and conversion to economic prices
report-prices-intro = Every amount is in constant { $year } prices. Lines written in current prices or in another year's prices are restated to { $year } prices through the deflator (current prices: amount × D({ $year }) / D(year); another year's constant prices: amount × D({ $year }) / D(price year)).
report-prices-deflator = Deflator: { $title } (index { $index_base }, { $years }, vintage { $vintage }, base-year index { $index }, { $status }).
report-prices-illustrative = These figures are illustrative, not the published series.
report-prices-projection = After the last published year the index grows { $growth } a year: { $source }
report-prices-source = Source: { $source }
report-prices-basis = Written in
report-prices-current = current prices
report-prices-constant-of = constant { $year } prices
report-prices-factor = Factor
report-prices-written = Total as written
report-prices-restated = Total in base-year prices
report-prices-conversion = Conversion to economic prices (conversion factors)
report-prices-conversion-intro = The economic analysis values costs at economic prices, the market price times the conversion factor of its class: { $title } ({ $status }). The difference, (factor - 1) × market price, is a cost line of its own; the financial analysis stays at market prices.
report-prices-cf = Factor
report-prices-market = Market-price total
report-prices-adjustment = Adjustment
report-prices-conversion-source = Basis: { $source }

# Cost-effectiveness (issue 16)
report-ec = Cost-effectiveness analysis (E/C)
report-ec-intro-discounted = Effects that cannot be valued in money are compared across the options measure by measure. Effects are discounted at the costs' rate (PV(E)); cost per unit = PV(C)/PV(E); effect per KRW 100 million = PV(E)/PV(C) × 100,000,000; incremental cost per unit = ΔPV(C)/ΔPV(E) against the base. The option with the lowest cost per unit is preferred.
report-ec-intro-undiscounted = Effects that cannot be valued in money are compared across the options measure by measure. This study sums the effects undiscounted (ΣE); cost per unit = PV(C)/ΣE; effect per KRW 100 million = ΣE/PV(C) × 100,000,000; incremental cost per unit = ΔPV(C)/ΔΣE against the base. The option with the lowest cost per unit is preferred.
report-ec-measure = Measure: { $name } (unit: { $measure_unit })
report-ec-effects = Effects, total
report-ec-pv-effects = Effects, PV
report-ec-cost-per-unit = Cost per unit (KRW)
report-ec-per-eok = Per KRW 100 m
report-ec-incremental = Incremental (KRW)
report-ec-caption = (costs in { $unit }, effects in the measure's unit)
report-ec-preferred = Lowest cost per unit of effect: { $name }

# Ex-post evaluation (issue 17)
report-expost = Ex-post evaluation
report-expost-intro = The project is appraised again with the actuals through { $year } (costs, schedule, demand) and compared with the ex-ante appraisal and the latest forecast. Years and lines without actuals keep the latest forecast.
report-expost-ex-ante = Ex-ante (PFS)
report-expost-forecast = Latest forecast
report-expost-ex-post = Ex-post (actuals)
report-expost-opening = Opening year
report-expost-cost-growth = Total cost growth
report-expost-decomposition = The change in NPV by cause
report-expost-order = Each cause is computed by switching one group of inputs at a time from the latest forecast to the actuals (costs, then schedule, then demand); the rest is the interaction, and the parts add up exactly to the change in NPV.
report-expost-part = Cause
report-expost-part-forecast-revision = Forecast revision (latest forecast against ex-ante)
report-expost-part-cost-overrun = Cost overrun
report-expost-part-delay = Opening delay ({ $years } years)
report-expost-part-demand-shortfall = Demand shortfall
report-expost-part-interaction = Interaction
report-expost-delta-npv = Change in NPV (ΔNPV), total
report-expost-realisation = Benefits realisation
report-expost-forecast-to-date = Forecast to date
report-expost-actual-to-date = Actual to date
report-expost-quantity-ratio = Quantity ratio
report-expost-realisation-ratio = Realisation (PV)
report-expost-no-actuals = no actuals, forecast kept
report-expost-restudy-triggered = Total cost growth { $growth }: at or above the re-study threshold ({ $threshold }).
report-expost-restudy-none = Total cost growth { $growth }: below the re-study threshold ({ $threshold }).
