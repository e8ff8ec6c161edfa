# Yeta's message catalog, English. Every sentence a user reads comes from here or from ko.ftl.
# Format: the Fluent subset `id = text`, placeables `{ $name }`; a line starting with spaces
# continues the previous message. Ids of engine diagnostics are their codes with `-` for `_`.

## Appraisal warnings
below-pfs-threshold = below the PFS thresholds of { $rules } for { $sector } projects (total cost ≥ { $min_total }, state funding ≥ { $min_state }): total cost { $total }, state funding { $state }; a PFS may not be required
pfs-exempt-sector = { $sector } projects are no longer subject to the PFS under { $rules }
irr-not-unique = no single IRR: { $reason }
no-costs = the study has no costs: B/C is undefined
no-benefits = the study has no benefits
total-cost-mismatch = capex and land lines add up to { $capital } but project.total_cost is { $total } ({ $gap })
sunk-costs-excluded = { $amount } spent before the base year { $base_year } is a sunk cost: left out of the economic analysis, not compounded
high-growth = { $line }: growth { $value } is { $growth } a year; a growth rate is a fraction (0.01 = 1 %)
rate-as-percent = { $line }: { $what } { $value } is read as { $percent } a year; if { $value } % was meant, write { $suggest }
benefits-before-capex-end = benefits start in { $first_benefit }, before construction ends in { $last_capex }; in { $sector } projects benefits usually follow completion: check the years
reinvestment-without-residual = { $line }: a reinvestment in the last year { $year } with no residual value line; the asset bought is counted but its remaining value is not
capex-far-from-total = capex and land lines add up to { $capital }, { $ratio } times project.total_cost { $total } (plausible { $low }–{ $high }): is a line or the total in another unit (원, 천원, 백만원, 억원)?
amount-jump = { $line }: the amount jumps { $factor }-fold from { $before } in { $from_year } to { $after } in { $to_year } (more than { $max }-fold): check for a misplaced digit or unit
ahp-inconsistent = evaluator { $evaluator }: CR { $cr } above the cut-off { $cutoff }
ahp-weight-outside-range = evaluator { $evaluator }: weight of { $criteria } outside the rule set's range
ahp-verdict-not-robust = the AHP verdict is not robust: the score ranges from { $low } to { $high } across the allowed weights, either side of { $threshold }
ahp-grey-zone = the AHP score { $score } lies in the grey zone { $low }–{ $high }: the verdict needs particular care

## IRR
irr-unique = IRR { $irr } (unique: the net flow changes sign once)
irr-unique-scan = IRR { $irr } is the only root found between { $low } and { $high }, though the net flow changes sign { $changes } times
irr-no-sign-change = no IRR: the net flow never changes sign, so no discount rate makes NPV zero
irr-no-root = no IRR between { $low } and { $high }: NPV does not change sign in that range
irr-multiple = { $count } rates make NPV zero ({ $roots }): IRR is ambiguous for this flow; use NPV and B/C
irr-irr_multiple = several rates make NPV zero; use NPV and B/C
irr-irr_no_sign_change = the net flow never changes sign
irr-irr_no_root = NPV does not change sign in the searched range

## Financing risk
state-share-above-plan = state share { $share } exceeds the { $max } the funding plan supports
no-funding-plan = no funding plan: { $amount } of the total cost has no stated source beyond state funding
funding-gap = the funding plan leaves { $amount } of the total cost unfunded
funding-exceeds-cost = the funding plan exceeds the total cost by { $amount }
state-funding-mismatch = financing.state ({ $plan }) differs from project.state_funding ({ $project })
private-without-revenue = private funding of { $private } with no revenue lines to repay it
private-fnpv-negative = private funding of { $private } relies on revenues, but FNPV is negative ({ $fnpv })
risk-low = low
risk-medium = medium
risk-high = high

## AHP
ahp-repair-hint = CR { $cr } > { $cutoff } in "{ $node }": reconsider ({ $row }, { $column }): { $given } given, about { $suggested } would fit the other judgements
ahp-blanks-completed = { $evaluator }: { $count } blank judgement(s) in "{ $node }" completed by Harker's method
ahp-default-rules = rule set { $rules } has no AHP stage; Saaty's RI table and the CR cut-off of { $default } are used, without weight ranges
ahp-ranges-not-applied = weight ranges not applied: { $reason }
ahp-ranges-infeasible = the rule set's weight ranges admit no weighting that sums to 1: not applied
ahp-ri-extrapolated = a matrix is larger than the RI table
ranges-no_ranges_in_rules = the rule set has no weight ranges
ranges-no_rule_for_project = the rule set has no weight range for this kind of project
ranges-hierarchy_mismatch = the rule set's ranges do not match the hierarchy's top-level criteria

## Regional
regional-bonus-only = Since 2019 regional backwardness only adds a bonus in the PFS; capital-region projects are not scored on it.
regional-capital-no-criterion = Capital-region project: the AHP has no balanced-development criterion.
regional-capital-exempt = { $name_en } ({ $code }) lies in the capital region but is appraised as non-capital ({ $reason }).

## Verdict
verdict-ahp = AHP score { $score } { $cmp } { $threshold }: { $decision } (B/C { $bc }; score range { $low }–{ $high }, { $robust })
verdict-economic = B/C { $bc } { $cmp } { $threshold }: { $decision } (no AHP evaluation in the study)
verdict-implement = implement
verdict-do-not-implement = do not implement
verdict-feasible = economically feasible
verdict-not-feasible = not economically feasible
verdict-robust = robust across the allowed weights
verdict-not-robust = the verdict changes within the allowed weights
verdict-grey-zone = in the grey zone { $low }–{ $high }
verdict-panel-include = { $included } of { $total } evaluators counted, { $inconsistent } above the CR cut-off; without them the score is { $other }
verdict-panel-exclude = { $included } of { $total } evaluators counted ({ $inconsistent } above the CR cut-off left out); with them the score is { $other }
na = n/a

## Code lists
sector-road = road
sector-rail = rail
sector-port = port
sector-airport = airport
sector-water = water resources
sector-building = public buildings
sector-culture = culture and tourism
sector-ict = ICT / digital government
sector-rnd = R&D
sector-other = other
criterion-economic = economic feasibility
criterion-policy = policy
criterion-regional = balanced regional development
criterion-technical = technical feasibility
group-consistency_readiness = consistency and readiness
group-implementation_risk = implementation risk
group-policy_effects = policy effects
group-special_items = special evaluation items
list-costs = costs
list-benefits = benefits
list-revenues = revenues
rate-growth = growth
rate-discount = discount rate
kind-capex = construction / system build
kind-land = land and compensation
kind-reinvestment = reinvestment
kind-opex = operation and maintenance
kind-other = other
kind-travel_time = travel-time savings
kind-operating_cost = operating-cost savings
kind-accident = accident reduction
kind-environment = environmental cost reduction
kind-cost_saving = administrative cost savings
kind-productivity = productivity gains
kind-residual_value = residual value
kind-fare = fares
kind-toll = tolls
kind-fee = fees
kind-optimism_bias = optimism-bias uplift
kind-carbon_value = carbon value
kind-conversion_adjustment = economic-price adjustment
line-optimism-bias = Optimism-bias uplift
line-carbon = Carbon cost
case-base = base case
case-costs = costs { $pct }
case-benefits = benefits { $pct }
case-rate = discount rate { $pp } pp
discount-rate = discount rate
money-bn = KRW { $x } bn
money-m = KRW { $x } m

## Ex-post evaluation
restudy-cost-growth = the total cost has grown by { $growth }, from { $baseline } in the PFS to { $current }: at or above the re-study threshold of { $threshold } (타당성 재조사)
## Total-cost build-up and residual value (issue 16)
build-up-total-mismatch = project.total_cost { $total } differs by { $difference } from the { $derived } the build-up derives: set the total to the build-up or look for a missing class
ec-without-measures = the AHP rests on a cost-effectiveness (E/C) analysis but the study states no effectiveness measure (cost_effectiveness): add the measures with their sources
rule-cost-rates = Rates of total-cost items
cost-class-construction = construction
cost-class-land = land and compensation
cost-class-design_supervision = design and supervision
cost-class-incidental = incidental expenses
cost-class-facility_incidental = facility incidental expenses
cost-class-equipment = equipment and rolling stock
cost-class-contingency = contingency
line-build-up = total-cost build-up item
line-conversion = Economic-price adjustment ({ $group })
line-residual-value = residual value (straight-line)
rule-service-lives = Service lives by asset class
asset-class-civil_structures = civil structures
asset-class-buildings = buildings
asset-class-track = track
asset-class-systems = electrical, signalling and communication systems
asset-class-rolling_stock = rolling stock
asset-class-pavement = pavement
asset-class-ict_hardware = ICT hardware
asset-class-ict_software = ICT software
## Environment: the emissions-avoided line (issue 23)
line-carbon-avoided = Emissions avoided

## Environment: the energy lines (issue 23)
kind-energy_value = energy value
line-energy = Energy used
line-energy-saved = Energy saved

## Region tables and the si-gun-gu analysis (issue 22)
data-not-a-table = The table's first line is not "#yeta-table,KIND,VERSION" (expected kind: { $want }).
data-wrong-kind = This file is a { $value } table; a { $want } table is needed here.
data-bad-status = Line { $line }, column { $column }: "{ $value }" — the status is illustrative or cited.
data-no-citation = Line { $line }, column { $column }: a table marked cited has no #citation line.
data-missing-column = Line { $line }: the required column { $column } is missing.
data-missing-source = Line { $line }, column { $column }: the data column's source attribute { $field } is empty.
data-unit-mismatch = Line { $line }, column { $column }: the unit "{ $value }" is not the "{ $want }" the method expects.
data-bad-sigungu-code = Line { $line }, column { $column }: "{ $value }" is not a KOSTAT si-gun-gu code (five digits, the first two a province).
data-bad-region-code = Line { $line }, column { $column }: "{ $value }" is not a province code (ISO 3166-2:KR).
data-bad-cost-class = Line { $line }, column { $column }: "{ $value }" is not a total-cost class code.
data-duplicate-key = Line { $line }, column { $column }: "{ $value }" appears twice.
data-missing-value = Line { $line }, column { $column }: the value is empty or marked missing.
data-not-a-number = Line { $line }, column { $column }: "{ $value }" is not a number.
data-no-rows = Line { $line }: the table has no data rows ({ $column }).
data-shares-not-one = Line { $line }, column { $column }: the shares of class { $value } sum to { $sum }, not 1.
data-coverage = Coverage: { $rows } si-gun-gu in { $regions } provinces.
data-illustrative = The table's values are illustrative, not published statistics.
data-cited = The table's values are cited published statistics.
regional-sigungu-not-in-table = The project's si-gun-gu ({ $code }) is not in the si-gun-gu table: the province index applies.
regional-sigungu-partial-table = The index standardises over the { $rows } si-gun-gu the table holds ({ $regions } provinces); replace it with a table of every si-gun-gu of the country.
regional-equal-weights = The guideline's factor weights are not public: the { $factors } factors are weighted equally (Yeta's assumption, replaceable in the rule file).
regional-illustrative-data = The values of the { $table } are illustrative; replace them with published statistics before a real study.
regional-no-two-region-table = The two-region input-output table has no rows for { $region }: national multipliers apply.
regional-io-map-gap = The cost map or the two-region table lacks "{ $value }": the two-region effects are not computed.
regional-io-overflow = The two-region effects left the range of exact arithmetic and are not computed.
regional-table-refused = The { $table } passed in was refused and is not used; check it with yeta data check.
region-table-sigungu = si-gun-gu indicator table
region-table-io2 = two-region input-output table
region-table-cost-map = cost class to sector map

## Study problems (yeta_core::study::Problem): `problem-<code>`, beside the field they concern.
problem-empty = Empty: give a value.
problem-negative = { $value } is negative.
problem-not-positive = { $value } must be above zero.
problem-too-large = { $value } exceeds the largest amount Yeta holds (KRW 10^20).
problem-above-total-cost = State funding of KRW { $value } is more than the total cost of KRW { $total }.
problem-year-before-period = { $year } is before the analysis period's first year { $first }.
problem-year-after-period = { $year } is after the analysis period's last year { $last }.
problem-last-before-first = The last year { $value } is before the first year { $first }.
problem-name-taken = "{ $value }" is already the name of { $other }; line names must be unique.
problem-rate-out-of-range = { $value }: a rate is a fraction from 0 to below 1 (4.5 % is 0.045).
problem-growth-out-of-range = { $value }: a yearly growth is a fraction above -1 and at most 1 (1.2 % is 0.012).
problem-not-a-date = "{ $value }" is not a date written YYYY-MM-DD (e.g. 2026-12-02).
problem-reference-class-missing = The uplift is to come from the library's reference class ("library"), but no library was given: appraise with the library (yeta appraise --library DB).
problem-reference-class-too-small = The library's reference class for sector { $sector } has { $count } completed projects; an uplift from it needs at least { $min }.
