# Yeta 메시지 목록 (한국어). 사용자가 읽는 모든 문장은 이 파일 또는 en.ftl에서 나온다.
# 형식: Fluent의 부분집합 `id = 문장`, 자리표시 `{ $name }`; 공백으로 시작하는 줄은 앞 메시지에 이어진다.

## 평가 경고
below-pfs-threshold = { $rules } 기준 { $sector } 사업의 예비타당성조사 대상 규모(총사업비 { $min_total } 이상, 국고 { $min_state } 이상)에 미달: 총사업비 { $total }, 국고 { $state }; 예비타당성조사 대상이 아닐 수 있음
pfs-exempt-sector = { $rules } 기준으로 { $sector } 사업은 예비타당성조사 대상에서 제외됨
irr-not-unique = 내부수익률이 하나로 정해지지 않음: { $reason }
no-costs = 비용 항목이 없어 B/C를 계산할 수 없음
no-benefits = 편익 항목이 없음
total-cost-mismatch = 공사비·보상비 항목 합계 { $capital }, 총사업비 { $total }와 차이 { $gap }
sunk-costs-excluded = 기준연도({ $base_year }년) 이전 지출 { $amount }은(는) 매몰비용으로 경제성 분석에서 제외함 (복리 환산하지 않음)
high-growth = { $line }: 증가율 { $value }은(는) 연 { $growth }입니다; 증가율은 소수로 적습니다 (0.01 = 1%)
rate-as-percent = { $line }: { $what } { $value }은(는) 연 { $percent }로 읽힙니다; { $value }%를 뜻했다면 { $suggest }로 적으십시오
benefits-before-capex-end = 편익이 { $first_benefit }년부터 발생하나 공사는 { $last_capex }년에 끝남; { $sector } 사업의 편익은 보통 완공 후 발생하므로 연도를 확인하십시오
reinvestment-without-residual = { $line }: 분석 마지막 연도({ $year }년)에 재투자비가 있으나 잔존가치 항목이 없음; 취득한 자산의 남은 가치가 반영되지 않음
capex-far-from-total = 공사비·보상비 항목 합계 { $capital }이(가) 총사업비 { $total }의 { $ratio }배 (타당 범위 { $low }–{ $high }): 항목이나 총사업비의 단위(원, 천원, 백만원, 억원)가 다르지 않은지 확인하십시오
amount-jump = { $line }: 금액이 { $from_year }년 { $before }에서 { $to_year }년 { $after }로 { $factor }배 증가 ({ $max }배 초과): 자릿수나 단위를 확인하십시오
ahp-inconsistent = 평가자 { $evaluator }: 일관성 비율(CR) { $cr }, 기준 { $cutoff } 초과
ahp-weight-outside-range = 평가자 { $evaluator }: { $criteria } 가중치가 지침의 허용 범위를 벗어남
ahp-verdict-not-robust = AHP 결과가 가중치 범위 안에서 바뀜: 허용 가중치에서 점수가 { $low }–{ $high }로 기준 { $threshold }의 양쪽에 걸침
ahp-grey-zone = AHP 점수 { $score }: 판단 유보 구간({ $low }–{ $high }) 안에 있어 신중한 판단이 필요함

## 내부수익률
irr-unique = 내부수익률 { $irr } (순현금흐름의 부호가 한 번 바뀌어 유일함)
irr-unique-scan = 내부수익률 { $irr }: { $low }–{ $high } 범위에서 찾은 유일한 근 (순현금흐름의 부호는 { $changes }회 바뀜)
irr-no-sign-change = 내부수익률 없음: 순현금흐름의 부호가 바뀌지 않아 순현재가치를 0으로 만드는 할인율이 없음
irr-no-root = { $low }–{ $high } 범위에 내부수익률 없음: 이 범위에서 순현재가치의 부호가 바뀌지 않음
irr-multiple = 순현재가치를 0으로 만드는 할인율이 { $count }개({ $roots })여서 내부수익률로 판단할 수 없음; 순현재가치와 B/C를 사용
irr-irr_multiple = 순현재가치를 0으로 만드는 할인율이 여러 개임; 순현재가치와 B/C를 사용
irr-irr_no_sign_change = 순현금흐름의 부호가 바뀌지 않음
irr-irr_no_root = 탐색 범위에서 순현재가치의 부호가 바뀌지 않음

## 재원 조달 위험
state-share-above-plan = 국고 비율 { $share }: 재원조달 계획이 허용하는 { $max } 초과
no-funding-plan = 재원조달 계획 없음: 총사업비 중 { $amount }의 재원이 국고 외에 명시되지 않음
funding-gap = 재원조달 계획에서 총사업비 중 { $amount }의 재원이 부족함
funding-exceeds-cost = 재원조달 계획이 총사업비를 { $amount } 초과함
state-funding-mismatch = 재원조달 계획의 국고({ $plan })가 사업 개요의 국고({ $project })와 다름
private-without-revenue = 민간투자 { $private }에 대한 상환 재원(수입 항목)이 없음
private-fnpv-negative = 민간투자 { $private }은(는) 수입에 의존하나 재무적 순현재가치가 음수임 ({ $fnpv })
risk-low = 낮음
risk-medium = 보통
risk-high = 높음

## AHP
ahp-repair-hint = 「{ $node }」의 CR { $cr } > { $cutoff }: 「{ $row }」 대 「{ $column }」 판단 재검토 필요 — 응답 { $given }, 다른 판단과 일관된 값 약 { $suggested }
ahp-blanks-completed = { $evaluator }: "{ $node }"의 빈 판단 { $count }개를 Harker 방법으로 보완함
ahp-default-rules = { $rules } 지침에는 AHP 단계가 없어 Saaty의 무작위지수와 { $default }의 CR 기준을 가중치 범위 없이 적용함
ahp-ranges-not-applied = 가중치 범위를 적용하지 않음: { $reason }
ahp-ranges-infeasible = 지침의 가중치 범위로는 합이 1인 가중치를 만들 수 없어 적용하지 않음
ahp-ri-extrapolated = 행렬이 무작위지수 표보다 큼
ranges-no_ranges_in_rules = 지침에 가중치 범위가 없음
ranges-no_rule_for_project = 지침에 이 유형의 사업에 대한 가중치 범위가 없음
ranges-hierarchy_mismatch = 지침의 가중치 범위가 평가 항목 구조의 최상위 항목과 맞지 않음

## 지역균형발전
regional-bonus-only = 2019년 이후 지역낙후도는 예비타당성조사에서 가점으로만 반영되며, 수도권 사업은 평가하지 않음.
regional-capital-no-criterion = 수도권 사업: AHP에 지역균형발전 항목이 없음.
regional-capital-exempt = { $name }({ $code })은(는) 수도권이지만 { $reason } 지역으로 비수도권 기준을 적용함.

## 종합 판단
verdict-ahp = AHP 점수 { $score } { $cmp } { $threshold }: { $decision } (B/C { $bc }; 점수 범위 { $low }–{ $high }, { $robust })
verdict-economic = B/C { $bc } { $cmp } { $threshold }: { $decision } (AHP 평가 없음)
verdict-implement = 사업 시행 타당
verdict-do-not-implement = 사업 시행 타당하지 않음
verdict-feasible = 경제적 타당성 있음
verdict-not-feasible = 경제적 타당성 없음
verdict-robust = 허용 가중치 전 범위에서 결과 동일
verdict-not-robust = 허용 가중치 범위 안에서 결과가 바뀜
verdict-grey-zone = 판단 유보 구간 { $low }–{ $high }
verdict-panel-include = 평가자 { $total }명 중 { $included }명 반영 (CR 기준 초과 { $inconsistent }명 포함); 이들을 제외하면 점수 { $other }
verdict-panel-exclude = 평가자 { $total }명 중 { $included }명 반영 (CR 기준 초과 { $inconsistent }명 제외); 이들을 포함하면 점수 { $other }
na = 해당 없음

## 코드 목록
sector-road = 도로
sector-rail = 철도
sector-port = 항만
sector-airport = 공항
sector-water = 수자원
sector-building = 건축
sector-culture = 문화·관광
sector-ict = 정보화
sector-rnd = 연구개발
sector-other = 기타
criterion-economic = 경제성
criterion-policy = 정책성
criterion-regional = 지역균형발전
criterion-technical = 기술성
group-consistency_readiness = 사업추진 여건
group-implementation_risk = 사업추진 위험요인
group-policy_effects = 정책 효과
group-special_items = 사업 특수 평가항목
list-costs = 비용
list-benefits = 편익
list-revenues = 수입
rate-growth = 증가율
rate-discount = 할인율
kind-capex = 공사비·구축비
kind-land = 용지보상비
kind-reinvestment = 재투자비
kind-opex = 운영·유지관리비
kind-other = 기타
kind-travel_time = 통행시간 절감
kind-operating_cost = 운행비용 절감
kind-accident = 교통사고 감소
kind-environment = 환경비용 절감
kind-cost_saving = 업무비용 절감
kind-productivity = 생산성 향상
kind-residual_value = 잔존가치
kind-fare = 운임수입
kind-toll = 통행료
kind-fee = 수수료
kind-optimism_bias = 낙관편향 보정
kind-carbon_value = 탄소비용
kind-conversion_adjustment = 경제적 가격 조정
line-optimism-bias = 낙관편향 보정
line-carbon = 탄소비용
case-base = 기본
case-costs = 비용 { $pct }
case-benefits = 편익 { $pct }
case-rate = 할인율 { $pp }%p
discount-rate = 할인율
money-bn = { $x }억원
money-m = { $x }백만원

## Ex-post evaluation (사후평가)
restudy-cost-growth = 총사업비 증가율 { $growth } (예비타당성조사 { $baseline } → 현재 { $current }): 타당성 재조사 기준({ $threshold } 이상)에 해당
## Total-cost build-up and residual value (issue 16)
build-up-total-mismatch = 총사업비 { $total }이(가) 비목별 산정 합계 { $derived }와 { $difference } 다릅니다: 총사업비를 산정 합계에 맞추거나 빠진 비목을 확인하십시오
ec-without-measures = 종합평가의 경제성 항목이 비용효과분석(E/C)에 근거하도록 설정되었으나 효과 지표(cost_effectiveness)가 없습니다: 효과 지표와 그 근거를 입력하십시오
rule-cost-rates = 총사업비 비목 요율
cost-class-construction = 공사비
cost-class-land = 용지보상비
cost-class-design_supervision = 설계·감리비
cost-class-incidental = 부대경비
cost-class-facility_incidental = 시설부대경비
cost-class-equipment = 장비·차량 구입비
cost-class-contingency = 예비비
line-build-up = 총사업비 산정 항목
line-conversion = 경제적 가격 조정 ({ $group })
line-residual-value = 잔존가치 (정액법 산정)
rule-service-lives = 자산 종류별 내용연수
asset-class-civil_structures = 토목구조물
asset-class-buildings = 건축물
asset-class-track = 궤도
asset-class-systems = 전기·신호·통신 설비
asset-class-rolling_stock = 차량
asset-class-pavement = 포장
asset-class-ict_hardware = 정보화 하드웨어
asset-class-ict_software = 정보화 소프트웨어
## 환경: 탄소 감축 편익 항목 (issue 23)
line-carbon-avoided = 탄소 감축 편익

## 환경: 에너지 항목 (issue 23)
kind-energy_value = 에너지 가치
line-energy = 에너지 비용
line-energy-saved = 에너지 절감 편익

## 지역 자료표와 시·군·구 분석 (issue 22)
data-not-a-table = 자료표 첫 줄이 "#yeta-table,종류,판"이 아닙니다(기대한 종류: { $want }).
data-wrong-kind = 이 파일은 { $value } 자료표입니다. 여기에는 { $want } 자료표가 필요합니다.
data-bad-status = { $line }행 { $column }열: "{ $value }" — 상태는 illustrative(예시) 또는 cited(인용)입니다.
data-no-citation = { $line }행 { $column }열: cited(인용)로 표시한 자료표에 출처 인용(#citation) 줄이 없습니다.
data-missing-column = { $line }행: 필수 열 { $column }이(가) 없습니다.
data-missing-source = { $line }행 { $column }열: 자료 열의 출처 항목 { $field }이(가) 비어 있습니다.
data-unit-mismatch = { $line }행 { $column }열: 단위 "{ $value }"은(는) 방법이 요구하는 "{ $want }"이(가) 아닙니다.
data-bad-sigungu-code = { $line }행 { $column }열: "{ $value }"은(는) 통계청 시·군·구 행정구역코드(다섯 자리, 앞 두 자리가 시·도)가 아닙니다.
data-bad-region-code = { $line }행 { $column }열: "{ $value }"은(는) 시·도 코드(ISO 3166-2:KR)가 아닙니다.
data-bad-cost-class = { $line }행 { $column }열: "{ $value }"은(는) 총사업비 비목 코드가 아닙니다.
data-duplicate-key = { $line }행 { $column }열: "{ $value }"이(가) 두 번 나옵니다.
data-missing-value = { $line }행 { $column }열: 값이 비어 있거나 결측으로 표시되어 있습니다.
data-not-a-number = { $line }행 { $column }열: "{ $value }"은(는) 숫자가 아닙니다.
data-no-rows = { $line }행: 자료 행이 없습니다({ $column }).
data-shares-not-one = { $line }행 { $column }열: 비목 { $value }의 배분 비율 합이 1이 아니라 { $sum }입니다.
data-coverage = 수록 범위: 시·군·구 { $rows }곳, 시·도 { $regions }곳.
data-illustrative = 이 자료표의 값은 예시 자료이며 공표 통계가 아닙니다.
data-cited = 이 자료표의 값은 인용한 공표 통계입니다.
regional-sigungu-not-in-table = 사업 시·군·구({ $code })가 시·군·구 자료표에 없어 시·도 단위 지수를 적용함.
regional-sigungu-partial-table = 지수는 자료표에 수록된 시·군·구 { $rows }곳(시·도 { $regions }곳) 사이에서 표준화함. 전국 모든 시·군·구를 수록한 자료표로 바꾸어야 함.
regional-equal-weights = 지침의 요인 가중치는 공개되지 않아 { $factors }개 요인에 같은 가중치를 둠(Yeta의 가정, 규칙 파일에서 바꿀 수 있음).
regional-illustrative-data = { $table }의 값은 예시 자료임. 실제 분석 전에 공표 통계로 바꾸어야 함.
regional-no-two-region-table = 지역 간 산업연관표에 { $region } 자료가 없어 전국 유발계수를 적용함.
regional-io-map-gap = 비목-산업 대응표 또는 지역 간 산업연관표에 "{ $value }"이(가) 없어 지역 간 파급효과를 계산하지 않음.
regional-io-overflow = 지역 간 파급효과가 정확한 계산 범위를 벗어나 계산하지 않음.
regional-table-refused = 입력한 { $table }을(를) 받아들일 수 없어 사용하지 않음. yeta data check로 확인할 것.
region-table-sigungu = 시·군·구 지표 자료표
region-table-io2 = 지역 간 산업연관표
region-table-cost-map = 비목-산업 대응표

## Study problems (yeta_core::study::Problem): `problem-<code>`, beside the field they concern.
problem-empty = 비어 있습니다. 값을 입력해 주십시오.
problem-negative = { $value }: 음수일 수 없습니다.
problem-not-positive = { $value }: 0보다 커야 합니다.
problem-too-large = { $value }: Yeta가 다룰 수 있는 금액(10^20원)을 넘습니다.
problem-above-total-cost = 국비 { $value }원이 총사업비 { $total }원보다 많습니다.
problem-year-before-period = { $year }년은 분석 기간의 첫해 { $first }년보다 앞섭니다.
problem-year-after-period = { $year }년은 분석 기간의 마지막 해 { $last }년보다 뒤입니다.
problem-last-before-first = 마지막 해 { $value }년이 첫해 { $first }년보다 앞섭니다.
problem-name-taken = "{ $value }"은(는) 이미 { $other }의 이름입니다. 항목 이름은 서로 달라야 합니다.
problem-rate-out-of-range = { $value }: 비율은 0 이상 1 미만의 소수로 씁니다(4.5 %는 0.045).
problem-growth-out-of-range = { $value }: 연간 증가율은 -1 초과 1 이하의 소수로 씁니다(1.2 %는 0.012).
problem-not-a-date = "{ $value }"은(는) YYYY-MM-DD 형식의 날짜가 아닙니다(예: 2026-12-02).
problem-reference-class-missing = 낙관편향 보정률을 라이브러리의 참조 사업군("library")에서 가져오도록 했으나 라이브러리가 주어지지 않았습니다. 라이브러리와 함께 분석하세요 (yeta appraise --library DB).
problem-reference-class-too-small = 라이브러리의 { $sector } 부문 참조 사업군은 완료 사업 { $count }건으로, 보정률 산정에 필요한 최소 { $min }건에 못 미칩니다.
