# PDF 평가 보고서: 모든 제목, 표 머리글, 문장 (한국어).

report-preliminary-feasibility-study-appraisal-report = 예비타당성조사 평가 보고서
report-rule-set = 규칙
report-study = 조사자료
report-preliminary-feasibility-study = 예비타당성조사
report-appraisal-report = 평가 보고서
report-sponsor = 주관 부처
report-sector = 사업 분야
report-region = 지역
report-base-year = 기준 연도
report-analysis-period = 분석 기간
report-rule-set-2 = 적용 지침
report-b-c-ratio = B/C 비율
report-status = 상태
report-draft-sign-off-page-at-the = 초안 — 서명란은 마지막 쪽
report-produced-with-yeta-a-workbench-for = Yeta 예비타당성조사 작업대로 작성. 평가한 조사자료(JSON)가 이 PDF에 첨부되어 있습니다.
report-item = 항목
report-value = 값
report-executive-summary = 요약
report-recommended-for-implementation = 사업 추진 타당
report-not-recommended = 사업 추진 타당성 미흡
report-npv-krw-m = 순현재가치 ({ $unit })
report-ahp-score = AHP 점수
report-key-figures = 주요 결과
report-pv-of-benefits-krw-m = 편익 현재가치 ({ $unit })
report-pv-of-costs-krw-m = 비용 현재가치 ({ $unit })
report-net-present-value-krw-m = 순현재가치 NPV ({ $unit })
report-benefit-cost-ratio = 편익/비용 비율 B/C
report-b-c-threshold = B/C 기준
report-internal-rate-of-return = 내부수익률 IRR
report-payback-year = 회수 연도
report-financial-npv-krw-m = 재무적 순현재가치 ({ $unit })
report-ahp-score-range = AHP 점수 범위
report-main-risks-and-warnings = 주요 위험 및 경고
report-no-warnings = 경고 없음.
report-switching-values-costs = 전환값: 비용이
report-or-benefits = 또는 편익이
report-bring-b-c-to-the-threshold = 변하면 B/C가 기준값에 이른다.
report-environmental-risk = 환경 위험
report-environmental-requirements-not-fully-met = 미충족·부분 충족 환경 요건
report-project-overview = 사업 개요
report-project = 사업명
report-sector-2 = 분야
report-total-cost-krw-m = 총사업비 ({ $unit })
report-state-funding-krw-m = 국고 지원 ({ $unit })
report-cost-and-benefit-lines = 비용 및 편익 항목
report-list = 구분
report-line = 항목
report-kind = 유형
report-nominal-krw-m = 명목 ({ $unit })
report-pv-krw-m = 현재가치 ({ $unit })
report-economic-analysis = 경제성 분석
report-assumptions = 분석 전제
report-discount-rate-schedule-from-year = 할인율 (적용 연도부터)
report-price-basis = 가격 기준
report-timing = 시점
report-discount-factor = 할인 계수
report-optimism-bias-green-book = 낙관편향 보정 (영국 Green Book)
report-on-capex = 자본비 가산
report-results = 분석 결과
report-cash-flow-by-year = 연도별 현금흐름
report-year = 연도
report-costs = 비용
report-benefits = 편익
report-net = 순편익
report-df = 할인계수
report-pv-costs = 비용 PV
report-pv-benefits = 편익 PV
report-cumulative-pv-net = 누적 순편익 PV
report-krw-million-discount-factors-per-the = 단위: { $unit }. 할인계수는 위 할인율 적용.
report-sensitivity-analysis = 민감도 분석
report-case = 시나리오
report-switching-values = 전환값
report-change-in-costs-that-makes-b = B/C가 기준에 닿는 비용 변화율
report-change-in-benefits-that-makes-b = B/C가 기준에 닿는 편익 변화율
report-discount-rate-that-makes-npv-0 = NPV = 0 이 되는 할인율
report-costs-and-benefits-by-year-krw = 연도별 비용·편익 ({ $unit })
report-discount-rate = 할인율
report-tornado-chart-b-c-under-the = 토네이도 차트: 민감도 시나리오별 B/C
report-base = 기준
report-threshold = 기준값
report-financial-analysis = 재무성 분석
report-applicable-the-project-earns-revenue = 적용 여부 (수입 발생)
report-yes = 예
report-no = 아니오
report-financial-discount-rate = 재무 할인율
report-pv-of-revenues-krw-m = 수입 현재가치 ({ $unit })
report-profitability-index = 수익성 지수 PI
report-financial-irr = 재무적 내부수익률
report-financing-risk = 재원 조달 위험
report-funding-split = 재원 분담
report-source = 재원
report-krw-m = { $unit }
report-share = 비중
report-state = 국고
report-local-government = 지방비
report-private = 민자
report-unallocated = 미배분
report-total-cost = 총사업비
report-rule-set-and-sources = 부록 A. 적용 지침과 출처
report-parameter = 항목
report-status-2 = 근거 수준
report-source-2 = 출처
report-overrides-by-this-study = 이 조사의 지침 변경
report-sources-of-the-cost-benefit-and = 비용·편익·수입 항목과 원단위의 출처
report-not-stated = 명시 없음
report-cost = 비용
report-benefit = 편익
report-revenue = 수입
report-unit-value-krw = 원단위 (원)
report-method-notes = 부록 B. 방법론
report-discounting-a-flow-in-year-y = 할인: 연도 y의 비용과 편익에 할인계수 DF(y)를 곱하여 기준연도의 가치로 바꾼다. 할인율 구간이 하나이면 DF(y) = 1/(1+r)^(y−기준연도)와 같다. 내부수익률(IRR)은 순편익의 현재가치를 0으로 만드는 할인율로, 해가 하나일 때만 표시한다.
report-convention-constant-prices-of-the-base = 전제: 기준연도 불변가격(실질), 연말 발생, 금액 단위 원(표에서는 { $unit }).
report-ahp-each-evaluator-compares-the-criteria = AHP: 각 평가자는 평가항목을 Saaty의 1–9 척도로 쌍대비교한다. 우선순위는 비교행렬의 주고유벡터(또는 행 기하평균의 정규화)이며, 일관성은 아래 CI와 CR로 판단한다. 평가단의 판단은 개별 판단의 기하평균(AIJ) 또는 개별 우선순위의 평균(AIP)으로 종합한다. 평가항목 가중치는 지침이 허용하는 범위 안으로 조정하며, 점수 범위는 그 범위 안의 모든 가중치에서의 최저·최고 점수이다. '사업 시행'의 종합점수가 0.5 이상이면 사업 추진이 타당하다.
report-provenance = 부록 C. 재현 정보
report-yeta-version = Yeta 버전
report-rule-set-3 = 지침
report-study-sha-256 = 조사자료 SHA-256
report-embedded-study-file = 첨부 파일
report-monte-carlo-seed-and-draws = 몬테카를로 난수 시드·반복 수
report-not-run = 수행하지 않음
report-sign-off = 검토 서명
report-each-reviewer-signs-this-report-with = 검토자는 PAdES 전자서명으로 이 보고서에 서명합니다. 서명은 첨부된 조사자료를 포함한 문서의 모든 바이트를 보호하며, 이후 변경되면 검증이 실패합니다. 아래 칸에 서명자, 역할, 일시, 인증서 지문이 표시됩니다.
report-reviewer = 검토자
report-policy-consistency-and-readiness = 정책의 일관성 및 사업 준비 정도
report-implementation-and-funding-risk = 사업 추진상의 위험요인
report-policy-effects = 정책효과
report-special-evaluation-items = 사업별 특수평가 항목
report-technology-maturity = 기술 성숙도
report-fit-with-architecture-and-standards = 표준·아키텍처 부합성
report-security = 보안성
report-delivery-capability = 사업 수행역량
report-r-d-need-and-urgency = 필요성·시급성
report-fit-for-state-support = 국가 지원의 타당성
report-differentiation = 차별성
report-concreteness-of-the-plan = 계획의 구체성
report-group = 평가 부문
report-items = 항목 수
report-mean = 평균
report-lowest = 최저
report-weak-items-2 = 취약 항목 (≤ 2)
report-overall = 종합
report-group-2 = 부문
report-rating = 평점
report-evidence = 근거
report-policy-analysis = 정책성 분석
report-each-checklist-item-is-rated-on = 각 점검 항목은 근거와 출처를 갖추어
report-1-very-weak-5-very-strong = 점 척도(1 매우 미흡, 5 매우 우수)로 평가하였다. 부문은 AHP 종합평가의 정책성 하위 기준이다.
report-summary-by-group = 부문별 요약
report-checklist = 점검 항목
report-technical-feasibility = 기술성 분석
report-for-ict-and-r-d-projects = 정보화·R&D 사업은 AHP 계층에서 지역균형발전 대신 기술성을 평가한다.
report-construction = 건설
report-information-services-and-software = 정보서비스·소프트웨어
report-all-industry-average = 전산업 평균
report-balanced-regional-development = 지역균형발전 분석
report-regional-backwardness-index = 지역낙후도 지수
report-capital-region = 수도권 여부
report-population-decline-area = 인구감소지역
report-backwardness-index = 낙후도 지수
report-rank-1-most-backward = 순위 (1 = 가장 낙후)
report-quartile-group = 분위 그룹
report-data = 자료
report-indicator = 지표
report-region-s-value = 해당 지역 값
report-signed-z-backward = 표준화 점수 (+ = 낙후)
report-regional-economic-effects = 지역경제 파급효과
report-input-output-sector = 산업연관 부문
report-investment-spending-krw-m = 투자 지출 ({ $unit })
report-share-spent-in-the-region = 지역 내 지출 비중
report-production-induced-krw-m = 생산유발효과 ({ $unit })
report-value-added-induced-krw-m = 부가가치유발효과 ({ $unit })
report-employment-induced-person-years = 취업유발효과 (인·년)
report-per-krw-bn = 명/10억원
report-multipliers-source = 승수 출처
report-backwardness-index-of-every-region-most = 시·도별 낙후도 지수 (낙후 순)
report-met = 충족
report-partly-met = 부분 충족
report-not-met = 미충족
report-n-a = 해당 없음
report-low = 낮음
report-medium = 보통
report-high = 높음
report-very-high = 매우 높음
report-environmental-risk-2 = 환경 위험 분석
report-the-oecd-found-that-korea-s = OECD는 한국의 예비타당성조사에 환경 위험 평가가 없다고 지적하였다. 이 장은 사업의 에너지 사용과 온실가스 배출, 명시된 탄소가격에 따른 가치, 환경 위험 목록과 법규 준수 점검을 더한다.
report-energy-emissions-and-carbon-value = 에너지·배출량·탄소가치
report-energy-use-whole-period-mwh = 전 기간 에너지 사용량 (MWh)
report-emissions-whole-period-tco2e = 전 기간 배출량 (tCO2e)
report-e-waste-tonnes = 전자폐기물 (톤)
report-grid-emission-factor-tco2e-mwh = 전력 배출계수 (tCO2e/MWh)
report-pv-of-the-carbon-value-krw = 탄소가치 현재가치 ({ $unit })
report-carbon-cost-in-the-economic-analysis = 경제성 분석에 탄소비용 반영
report-no-shown-for-information = 아니오 (참고)
report-b-c-without-carbon-cost = 탄소비용 제외 B/C
report-b-c-with-carbon-cost = 탄소비용 포함 B/C
report-carbon-price-path-s-source = 탄소가격 경로 출처
report-energy-mwh = 에너지 (MWh)
report-operational-tco2e = 운영 배출 tCO2e
report-embodied-tco2e = 내재 배출 tCO2e
report-carbon-price-krw-t = 탄소가격 (원/t)
report-carbon-value-krw-m = 탄소가치 ({ $unit })
report-environmental-risk-register = 환경 위험 목록
report-risk = 위험
report-l-i = 가능성 × 영향
report-rating-2 = 등급
report-owner = 담당
report-mitigation = 완화 조치
report-compliance-checklist = 법규·기준 준수 점검
report-requirement = 요건
report-framework = 근거 법규·기준
report-requirements-not-met-or-partly-met = 미충족 또는 부분 충족 요건
report-greenhouse-gas-emissions-by-year-tco2e = 연도별 온실가스 배출량 (tCO2e)
report-operational = 운영
report-embodied = 내재
report-no-environmental-risks-were-entered = 입력된 환경 위험이 없다.
report-impact = 영향 →
report-likelihood = 가능성 ↑
report-low-1-4 = 낮음 (1–4)
report-medium-5-9 = 보통 (5–9)
report-high-10-16 = 높음 (10–16)
report-very-high-20-25 = 매우 높음 (20–25)
report-economic-feasibility = 경제성
report-policy-analysis-2 = 정책성
report-balanced-regional-development-2 = 지역균형발전
report-technical-feasibility-2 = 기술성
report-regional-backwardness = 지역낙후도
report-employment-inducement = 고용유발 효과
report-econ = 경제성
report-policy = 정책성
report-regional = 지역균형
report-technical = 기술성
report-ahp-comprehensive-evaluation = AHP 종합평가
report-score-for-implement = '시행' 점수:
report-implement = 시행
report-do-not-implement = 미시행
report-score-range-across-the-allowed-weights = 허용 가중치 범위에서의 점수:
report-threshold-2 = 기준
report-the-verdict-holds-across-the-range = 범위 전체에서 결론이 유지된다.
report-the-verdict-changes-within-the-range = 범위 안에서 결론이 바뀔 수 있다.
report-criteria-weights-scores-and-contributions = 평가 기준별 가중치·점수·기여도
report-criterion = 평가 기준
report-allowed-range = 허용 범위
report-weight-as-judged = 판단 가중치
report-weight-applied = 적용 가중치
report-implement-priority = 시행 선호도
report-contribution = 기여도
report-total = 합계
report-weight-ranges = 가중치 범위
report-sub-criteria-global-weights = 세부 기준 (전역 가중치)
report-sub-criterion = 세부 기준
report-global-weight = 전역 가중치
report-weighted = 가중 점수
report-evaluators = 평가자
report-evaluator = 평가자
report-role = 역할
report-score = 점수
report-max-cr = 최대 CR
report-outside-range = 범위 이탈
report-consistency-ratio-above-the-cut-off = ▲ = 일관성 비율이 기준을 넘음:
report-aggregation = 종합 방법
report-geometric-mean-of-individual-judgements-aij = 개별 판단의 기하평균 (AIJ)
report-mean-of-individual-priorities-aip = 개별 우선순위의 평균 (AIP)
report-priorities = 우선순위 산출
report-principal-eigenvector = 주고유벡터
report-geometric-mean-of-rows = 행 기하평균
report-judgements-to-reconsider-cr-above-the = 재검토가 필요한 판단 (CR 초과)
report-criterion-weights-panel-bar-evaluators-ticks = 기준별 가중치: 종합(막대), 평가자(눈금), 허용 범위(괄호)
report-risk-analysis-monte-carlo = 위험 분석 (몬테카를로 모의실험)
report-draws-with-seed = 회 반복, 난수 시드
report-the-same-seed-gives-the-same = (같은 시드는 같은 결과를 준다)
report-uncertain-inputs = 불확실 변수
report-p-npv-0 = P(NPV > 0)
report-standard-error-of-the-mean-npv = 평균 NPV의 표준오차 ({ $unit })
report-analytic-expectation-of-npv-krw-m = NPV 해석적 기댓값 ({ $unit })
report-e-multiplier-pv-of-each-line = 항목별 E[승수] × 현재가치의 합
report-critical-variables = 핵심 변수
report-seed = 난수 시드
report-variables-whose-1-change-moves-npv = % 변화가 NPV를 1 % 넘게 움직이는 변수 (EU 비용편익분석 안내서, 2014).
report-variable = 변수
report-npv-change-per-1 = +1 %당 NPV 변화
report-uncertain-in-the-study = 불확실성 입력
report-distribution-of-npv-krw-million = NPV 분포 ({ $unit })
report-capital-region = 수도권
unit-million = 백만원
unit-eok = 억원
report-unit-caption = (단위: { $unit })

# 목차, 표지
report-contents = 목차
report-date = 작성일
report-date-not-given = 미기재
report-long-date = { $year }년 { $month } { $day }일
month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월

# Ⅰ. 사업 개요
report-background-and-need = 사업 배경 및 필요성
report-objectives = 사업 목적
report-scope = 사업 내용
report-project-facts = 사업 개요
report-not-given-in-the-study = 조사자료에 기재되지 않음.
report-municipality-code = 행정구역코드
report-class-construction = 건설사업 (경제성·정책성·지역균형발전)
report-class-ict = 정보화사업 (경제성·정책성·기술성)
report-class-other = 기타 재정사업 (경제성·정책성)

# Ⅱ. 총사업비와 연차별 투자계획
report-total-cost-and-investment-plan = 총사업비와 연차별 투자계획
report-total-cost-breakdown = 총사업비 구성
report-amount = 금액
report-total-cost-stated = 조사자료의 총사업비는 { $amount } { $unit }이다. 위 합계는 경제성 분석에 반영한 자본비(공사비·구축비·용지보상비와 낙관편향 보정)이다.
report-yearly-investment-plan = 연차별 투자계획
report-investment-plan-note = 기준연도 불변가격, 자본비 항목만 표시(운영비·재투자비는 Ⅲ장의 비용 항목 참조).

# Ⅲ. 수요 및 편익 추정
report-demand-and-benefits = 수요 및 편익 추정
report-benefit-estimates = 편익 산정 (수요 × 원단위)
report-benefit-estimates-intro = 원단위를 적용한 편익 항목은 연도별 수요(수량)에 원단위를 곱하여 산정하였다. 편익 = 수량 × 원단위.
report-no-unit-value-lines = 원단위를 적용한 편익 항목이 없다. 편익은 조사자료에 금액으로 주어졌다.
report-unit-value-line = 원단위 { $value }원 ({ $per }; 출처: { $source }). 수요 출처: { $demand }.
report-units = 수량
report-benefit-amount = 편익 금액

# Ⅹ. 결론 및 정책 제언
report-conclusion = 결론 및 정책 제언
report-overall-judgement = 종합 판단
report-what-it-rests-on = 판단 근거
report-rests-economic = 경제성 분석 결과 B/C는 { $bc }(기준 { $threshold }), 순현재가치는 { $npv } { $unit }, 내부수익률은 { $irr }이다.
report-rests-ahp = AHP 종합평가 점수는 { $score }(기준 { $threshold })이며, 평가항목별 기여는 다음과 같다: { $parts }.
report-rests-criterion = { $name } (가중치 { $weight } × 점수 { $score } = { $contribution })
report-robustness = 판단의 강건성
report-robust-yes = 지침이 허용하는 가중치 범위 안의 모든 조합에서 점수는 { $range }이며, 판단은 바뀌지 않는다.
report-robust-no = 지침이 허용하는 가중치 범위 안에서 점수는 { $range }로, 가중치에 따라 판단이 바뀔 수 있다.
report-grey-zone = 점수가 회색지대({ $low }–{ $high }) 안에 있어 판단에 신중한 검토가 필요하다.
report-inconsistent-evaluators = 일관성 기준을 넘은 평가자 { $n }명을 제외하면 점수는 { $score }이다.
report-main-risks = 주요 위험
report-risk-switching = 비용이 { $costs } 또는 편익이 { $benefits } 변하면 B/C가 기준값에 이른다(전환값).
report-risk-monte-carlo = 몬테카를로 분석({ $draws }회)에서 B/C가 1 이상일 확률은 { $p }이다.
report-risk-environment = 환경 위험 「{ $title }」 (위험도 { $score })
report-risk-warnings = 검토가 필요한 경고 { $n }건 (요약 참조)
report-recommendations = 정책 제언
report-rec-implement = 분석 결과 사업 추진이 타당하며, 허용 가중치 범위 안에서 판단이 바뀌지 않으므로 추진을 권고한다.
report-rec-implement-fragile = 분석 결과 사업 추진이 타당하나 가중치에 따라 판단이 바뀔 수 있으므로, 정책성·지역균형 근거를 보강한 뒤 추진할 것을 권고한다.
report-rec-do-not-implement = 현 계획으로는 사업 추진이 타당하지 않으므로, 사업 규모와 대안을 재검토할 것을 권고한다.
report-rec-do-not-implement-fragile = 현 계획으로는 사업 추진이 타당하지 않으나 가중치에 따라 판단이 바뀔 수 있으므로, 대안과 근거를 보완하여 재검토할 것을 권고한다.
report-rec-cost-control = 비용이 { $costs } 변하면 경제성이 기준에 미달하므로, 설계 단계부터 총사업비를 엄격히 관리해야 한다.
report-rec-demand = 편익이 { $benefits } 변하면 경제성이 기준에 미달하므로, 수요 추정과 원단위를 추가로 검증해야 한다.
report-rec-environment = 충족되지 않았거나 부분 충족된 환경 요건 { $n }건을 사업계획에 반영해야 한다.
report-rec-funding = 재원 조달 계획의 미배분 재원과 경고 사항을 보완해야 한다.
report-rec-ex-post = 사업 완료 후 실제 비용·수요를 이 보고서의 추정치와 비교하는 사후평가를 권고한다.

# AHP 세부 기준 (기본 계층의 id)
criterion-consistency_readiness = 정책의 일관성 및 사업 준비 정도
criterion-implementation_risk = 사업 추진상의 위험요인
criterion-policy_effects = 정책효과
criterion-special_items = 사업별 특수평가 항목
criterion-backwardness = 지역낙후도
criterion-regional_economy = 지역경제 파급효과
criterion-employment = 고용유발 효과
criterion-maturity = 기술 성숙도
criterion-architecture_fit = 표준·아키텍처 부합성
criterion-security = 보안성
criterion-delivery_capability = 사업 수행역량
criterion-goal = 종합평가

# 재원 조달 위험
financing-risk-low = 낮음
financing-risk-medium = 보통
financing-risk-high = 높음

# 지역낙후도 지표
indicator-population_growth_pct = 인구증가율 (%)
indicator-manufacturing_employment_share_pct = 제조업 종사자 비율 (%)
indicator-road_density_km_per_km2 = 도로율 (km/km²)
indicator-cars_per_1000 = 인구 천 명당 자동차 등록 대수
indicator-ageing_index = 노령화지수 (유소년 100명당 65세 이상)
indicator-fiscal_self_reliance_pct = 재정자립도 (%)
indicator-urban_land_share_pct = 도시적 토지이용 비율 (%)
indicator-doctors_per_1000 = 인구 천 명당 의사 수

# 분석 전제
convention-prices = 기준연도 불변가격 (실질)
convention-timing = 매년 말 발생

report-nominal = 명목
report-pv = 현재가치
report-see-method-notes = 부록 B의 할인 공식
report-regions-builtin = 내장 예시 자료 (2022년 기준, 크기 수준의 예시이며 공식 통계 아님)
report-regions-user = 사용자가 지정한 지역 자료

# 부록 A: 적용 지침
rule-ahp-cr-cutoff = 일관성 비율(CR) 기준
rule-ahp-grey-zone = AHP 판단 유보 구간
rule-ahp-inconsistent-evaluators = CR 기준 초과 평가자의 처리
rule-ahp-population-decline = 인구감소지역 가중치 조정
rule-ahp-score-threshold = AHP 사업 시행 기준 점수
rule-bc-threshold = 경제성 기준 (B/C)
rule-financial-discount-rate = 재무성 분석 할인율
rule-long-horizon = 장기 할인율 (30년 초과)
rule-pfs-exempt-sectors = 예비타당성조사 제외 분야
rule-pfs-thresholds = 예비타당성조사 대상 사업 규모
rule-restudy-cost-growth = 타당성 재조사 기준 (총사업비 증가율)
rule-social-discount = 사회적 할인율
rule-extra-optimism-bias = 낙관편향 보정률 (자본비)
rule-extra-carbon-price-gbp-per-tco2e = 탄소가격 (영국, GBP/tCO2e)
status-confirmed = 확인됨
status-reported = 보고됨 (원문 미확인)
status-practice = 실무 관행
status-assumption = 가정
inconsistent-include = 포함 (제외한 점수도 함께 보고)
inconsistent-exclude = 제외
ob-type-standard_buildings = 표준 건축물
ob-type-non_standard_buildings = 비표준 건축물
ob-type-standard_civil_engineering = 표준 토목
ob-type-non_standard_civil_engineering = 비표준 토목
ob-type-equipment_development = 장비·개발
ob-type-outsourcing = 외주 용역
report-rule-population-decline = { $from } 가중치 범위 { $shift }%p 하향, { $to } 범위 { $shift }%p 상향 (상한 { $cap })
report-rule-rate-from = { $year }년차부터 { $rate }
report-rule-long-horizon = { $year }년 이후 { $rate } (적용: { $applied })
report-rule-threshold = { $sectors }: 총사업비 { $total } 이상이고 국고 { $state } 이상
report-rule-other-sectors = 그 밖의 사업
report-weight-ranges = AHP 평가항목 가중치 범위
report-project-group = 사업 유형
report-group-construction = 건설사업
report-group-ict = 정보화사업
report-group-other = 기타 재정사업
report-non-capital-region = 비수도권
report-analysis-bc = B/C 분석
report-analysis-ec = E/C(비용효과) 분석

formula-df = DF(y) = ∏_{k = t_{0}+1}^{y} 1 / (1 + r_{k})
formula-npv = NPV = ∑_{y} DF(y) · (B_{y} - C_{y})
formula-bc = B/C = ∑_{y} DF(y) · B_{y}  ÷  ∑_{y} DF(y) · C_{y}
formula-irr = ∑_{y} (B_{y} - C_{y}) / (1 + IRR)^{y - t_{0}} = 0
formula-ci = CI = (λ_{max} - n) / (n - 1),   CR = CI / RI
formula-score = 종합점수 = ∑_{i} w_{i} · s_{i}
report-discounting-symbols = 기호: t0 기준연도, r(k) k년에 적용되는 할인율, B(y)·C(y) 연도 y의 편익·비용, w(i) 평가항목 i의 가중치, s(i) 그 항목의 '사업 시행' 점수, λmax 최대 고유값, n 비교 항목 수, RI 무작위 일관성 지수(아래 표).
report-share-of-draws = 시행 비율 (%)
report-npv-axis = 순현재가치 NPV ({ $unit })

report-multipliers-builtin = 내장 예시 승수: 한국은행 2020년 산업연관표의 크기 수준 (예시, 공식 계수 아님)
report-reason = 사유
report-override-own-discount = 조사자료가 정한 할인율 (parameters.discount)
rule-long-horizon-enabled = 장기 할인율 적용 여부
rule-long-horizon-rate = 장기 할인율
rule-long-horizon-after-t = 장기 할인율 적용 시작 연차
rule-ahp-cr-cutoff-value = 일관성 비율(CR) 기준
report-weight-ranges-see-appendix = 가중치는 지침이 허용하는 범위 안으로 조정하였다. 범위와 그 출처는 부록 A에 있다.

# Ⅸ. 종합평가 검토: 판단의 전환점과 평가단
report-verdict-switching-values = 판단의 전환점 (AHP 전환값)
report-weights-cannot-flip = 지침이 허용하는 가중치 범위 안에서는 어떤 가중치 조합으로도 판단이 바뀌지 않는다.
report-weights-flip = 허용 범위 안에서 판단을 바꾸는 가장 가까운 가중치는 현재 가중치에서 거리 { $distance }만큼 떨어져 있으며, 가장 크게 바뀌는 항목은 { $criterion }({ $change })이다.
report-criterion = 평가항목
report-applied-weight = 적용 가중치
report-flip-weight = 전환 가중치
report-sub-criterion = 세부 기준
report-panel-judgement = 평가단 판단
report-flip-judgement = 판단이 바뀌는 값
report-no-flip-on-the-scale = 척도(1/9–9) 안에서 바뀌지 않음
report-leaf-switch-intro = 각 세부 기준의 '시행 대 미시행' 판단(Saaty 척도)이 다음 값이 되면, 다른 판단과 가중치가 그대로일 때 종합점수가 기준 0.5에 이른다.
report-who-the-score-rests-on = 평가단 분석
report-score-spread = 평가자별 점수는 { $low }–{ $high }이다.
report-evaluator-left-out = 제외한 평가자
report-score-without = 제외 시 점수
report-verdict-without = 제외 시 판정
report-implement = 시행
report-do-not-implement = 미시행
report-no-single-evaluator = 어느 평가자 한 명을 제외해도 판단은 바뀌지 않는다.
report-single-evaluators = 평가자 한 명을 제외하면 판단이 바뀌는 경우가 { $n }건 있다: 판단이 그 평가자에게 달려 있다.
report-node = 비교 항목
report-dispersion = 분산도
report-farthest-evaluator = 평가단과 가장 먼 평가자
report-node-alternatives = 세부 기준별 시행 대 미시행
report-node-goal = 평가항목 간 비교
report-dispersion-intro = 분산도는 평가자 간 판단의 기하 표준편차(1 = 완전 일치)이다. 값이 큰 항목이 평가 회의에서 논의할 이견이다.
report-incoherent = { $evaluator }: 경제성 판단 { $judgement }(시행 쪽이면 1보다 큼)이 B/C { $bc }와 어긋난다.
rule-plausibility = 입력값 점검 기준 (경고만, 거부하지 않음)
report-plaus-high-growth = 연 증가율 { $value } 이상이면 경고
report-plaus-growth-as-percent = 증가율 { $value } 이상은 %로 적은 값으로 의심
report-plaus-discount-as-percent = 할인율 { $value } 이상은 %로 적은 값으로 의심
report-plaus-benefits-during-capex = 공사 중 편익을 허용하는 분야: { $value }
report-plaus-total-cost-gap = 자본비 합계와 총사업비 차이 { $value } 초과 시 경고
report-plaus-total-cost-ratio = 자본비/총사업비 비율 { $value } 밖이면 단위 오류 의심
report-plaus-jump-factor = 한 해에 { $value }배 넘게 변하는 금액은 경고
report-stale = { $evaluator }: B/C { $seen }을 보고 판단하였으나 현재 B/C는 { $bc }이다. 바뀐 경제성 분석 결과로 다시 판단받아야 한다.

## Demand models, cost build-up, residual value, alternatives (issue 16)
report-demand-model = 수요모형: { $from }–{ $to }년 수량 = 예측수요 × 수요 정착률 × 탄력성 계수. 위험분석에서는 이 항목의 불확실성 분포가 수량에 곱해진다.
report-demand-growth = 예측수요: { $year }년 { $quantity } (출처: { $qsource }), 연 { $growth } 증가 (출처: { $gsource }).
report-demand-schedule = 예측수요: 목표연도별 수요 { $points }; 목표연도 사이는 직선 보간, 처음 목표연도 이전과 마지막 목표연도 이후는 일정 (출처: { $source }).
report-demand-ramp-linear = 수요 정착: 개통 첫해 예측수요의 { $share }에서 { $years }년 후 100 %까지 선형 증가 (출처: { $source }).
report-demand-ramp-s-curve = 수요 정착: 개통 첫해 예측수요의 { $share }에서 { $years }년 후 100 %까지 로지스틱 S자 곡선, 기울기 { $a } (출처: { $source }).
report-demand-elasticity = 탄력성: { $driver } 기준값 { $base } (출처: { $bsource })에 대한 불변 탄력성 { $e } (출처: { $esource }); { $driver } 변화: { $path }.
report-demand-driver-step = { $year }년부터 { $value }
report-demand-forecast = 예측수요
report-demand-ramp = 정착률
report-demand-factor = 탄력성 계수
report-revenue-demand = 수입 수요 추정
formula-demand = q(y) = F(y) · s(y - y_{0}) · ∏_{i} (D_{i}(y) / D_{i,0})^{ε_{i}}
formula-demand-growth = F(y) = Q_{b} · (1 + g)^{y - y_{b}}
formula-demand-linear = s(k) = s_{0} + (1 - s_{0}) · k / n  (k < n),  s(k) = 1  (k ≥ n)
formula-demand-s-curve = s(k) = s_{0} + (1 - s_{0}) · (L(k) - L(0)) / (L(n) - L(0)),  L(x) = 1 / (1 + e^{-a(x - n/2)})
report-build-up = 총사업비 비목별 산정
report-build-up-intro = 총사업비는 비목별로 산정하였다. 예비비 등 요율 항목은 해당 비목의 연도별 금액에 요율을 곱하여 산정하며, 요율과 그 근거는 아래 표와 같다.
report-build-up-class = 비목
report-build-up-derived-total = 산정 합계
report-build-up-stated-total = 총사업비 (조사자료)
report-build-up-difference = 차이 (총사업비 - 산정 합계)
report-build-up-rate = 요율
report-build-up-base = 적용 대상
report-build-up-plan = 비목별 연차별 투자계획
report-build-up-from-rules = 적용 지침 { $id }의 요율 (근거는 부록 A)
report-residual = 잔존가치 산정
report-residual-intro = 분석 기간이 끝나는 { $year }년에 남은 자산의 가치를 자산 종류별 내용연수에 따른 정액법으로 산정하여 그해의 편익으로 계상하였다 (C: 자산의 불변가격 투자비, L: 내용연수, u: { $year }년까지 사용한 연수).
formula-residual = RV = C · max(0, L - u) / L
report-residual-class = 자산 종류
report-residual-cost = 투자비
report-residual-in-service = 사용 개시
report-residual-life = 내용연수
report-residual-used = 사용 연수
report-residual-remaining = 잔여 연수
report-residual-value = 잔존가치
report-residual-lives-from-rules = 내용연수는 적용 지침 { $id }의 값이다 (근거와 확인 수준은 부록 A).
report-alternatives = 대안 검토
report-alternatives-option = 대안
report-alternatives-base = 기준대안
report-alternatives-proposed = 제안 사업
report-alternatives-rule = 각 대안은 자체의 편익·비용과 기준대안(최소투자대안) 대비 증분(ΔPV(B), ΔPV(C), ΔNPV, 증분 B/C = ΔPV(B)/ΔPV(C))으로 평가하였다. 선정 기준: B/C와 증분 B/C가 모두 { $threshold } 이상인 대안 가운데 순현재가치가 가장 큰 대안.
report-alternatives-preferred = 선정 대안: { $name }.
report-alternatives-none = 기준을 충족하는 대안이 없어 기준대안이 유지된다.
## 환경: 반사실 대비 순배출 (issue 23)
report-env-net-effect = 사업 미시행 대비 순효과
report-env-net-reduces = 이 사업은 { $first }–{ $last }년 동안 사업 미시행 대비 온실가스를 { $tonnes } tCO2e 줄인다(사업 시행 { $project } tCO2e, 미시행 { $counterfactual } tCO2e). 감축의 현재가치는 { $value }이다.
report-env-net-adds = 이 사업은 { $first }–{ $last }년 동안 사업 미시행 대비 온실가스를 { $tonnes } tCO2e 늘린다(사업 시행 { $project } tCO2e, 미시행 { $counterfactual } tCO2e). 증가분의 현재가치 비용은 { $value }이다.
report-env-side = 구분
report-env-source = 배출원
report-env-source-kind = 유형
report-env-side-project = 사업 시행
report-env-side-counterfactual = 사업 미시행
report-env-kind-electricity = 전력
report-env-kind-embodied = 내재 배출
report-env-kind-paper = 종이
report-env-kind-printing = 인쇄
report-env-kind-postage = 우편
report-env-kind-travel = 통행
report-env-kind-other = 기타
report-env-grid-factor-short = tCO2e/MWh
report-env-project-t = 시행 tCO2e
report-env-counterfactual-t = 미시행 tCO2e
report-env-net-t = 순배출 tCO2e
report-env-net-value = 순 탄소가치

## 환경: 연도별 계수, 에너지 가치, 탄소가치 시나리오 (issue 23)
report-env-counted = 환경 효과는 경제성 분석에 포함된다(영국 그린북은 온실가스 효과를 경제성 분석에 포함하도록 한다). 에너지 변화는 전력 가치로, 배출 변화는 중위 탄소가치로 경제성 분석의 항목이 된다.
report-env-opted-out = 이 연구는 환경 효과를 경제성 분석에서 제외하였다. 아래 수치는 참고로 제시한다.
report-env-energy-value-pv = 순에너지 변화의 현재가치(전력 가치 기준, 음수는 절감)
report-env-npv-without = 환경 효과 제외 NPV
report-env-series = 탄소가치 시나리오
report-env-carbon-pv = 순 탄소가치 현재가치
report-env-series-low = 하위
report-env-series-central = 중위
report-env-series-high = 상위
report-env-illustrative = 예시값(공표 계열 아님)
report-env-grid-path = 연도별 전력 배출계수
report-env-electricity-path = 전력 가치(장기 가변비용)
report-env-carbon-series = 탄소가치(하위·중위·상위)
report-env-replace-grid = Yeta의 가정: 2023년 국가 전력 배출계수(0.4173 tCO2e/MWh), 2030년 전환 부문 감축목표를 계획 발전량으로 나눈 값, 2050년 0을 향한 경로. 제11차 전력수급기본계획의 연도별 발전량·배출 전망과 국가 전력 배출계수 고시로 대체한다.
report-env-replace-electricity = Yeta의 가정: kWh당 130원(2024년 계통한계가격 수준) 고정. 공표된 전력 장기 가변비용으로 대체한다.
report-env-replace-carbon = Yeta의 가정: 중위 2025년 톤당 50,000원, 2030년 80,000원, 2050년 150,000원, 하위·상위는 중위의 50 %·150 %. 정부의 잠재 탄소가격이 공표되면 대체한다.

## 환경: 장비 유형 (issue 23)
report-env-devices = 장비 유형별 내재 배출과 전자폐기물
report-env-device-class = 유형
report-env-device-line = 교체 비용 항목
report-env-device-units = 대수
report-env-class-servers = 서버
report-env-class-storage = 스토리지
report-env-class-network = 네트워크 장비
report-env-class-end-user = 사용자 단말

## 환경: 준수 점검 목록 (issue 23)
report-env-catalogue-score = 점수 { $score }: 해당 { $applicable }개 항목 중 충족 { $met }개, 부분 충족 { $partial }개(부분 충족은 절반으로 계산). 완전히 충족하지 못한 { $unmet }개 항목은 아래와 같다.
report-env-unanswered = 미응답

# 가격 기준 (issue 16)
report-prices = 가격 기준 및 경제적 가격 환산
report-prices-intro = 모든 금액은 { $year }년 불변가격이다. 경상가격 또는 다른 연도 가격으로 작성된 항목은 디플레이터로 { $year }년 가격으로 환산하였다 (경상가격: 금액 × D({ $year }) / D(해당연도), 타 연도 불변가격: 금액 × D({ $year }) / D(가격연도)).
report-prices-deflator = 디플레이터: { $title } (지수 기준 { $index_base }, { $years }, 자료 시점 { $vintage }, 기준연도 지수 { $index }, { $status }).
report-prices-illustrative = 이 자료는 예시값이며 공표 통계가 아니다.
report-prices-projection = 최종 공표연도 이후는 연 { $growth } 상승으로 추정: { $source }
report-prices-source = 출처: { $source }
report-prices-basis = 작성 기준
report-prices-current = 경상가격
report-prices-constant-of = { $year }년 불변가격
report-prices-factor = 환산계수
report-prices-written = 작성 금액 합계
report-prices-restated = 기준연도 가격 합계
report-prices-conversion = 경제적 가격 환산 (전환계수)
report-prices-conversion-intro = 경제성 분석의 비용은 시장가격에 비목별 전환계수를 곱한 경제적 가격으로 산정하였다: { $title } ({ $status }). 차액(전환계수 - 1) × 시장가격은 별도의 비용 항목으로 표시하며, 재무성 분석은 시장가격을 그대로 사용한다.
report-prices-cf = 전환계수
report-prices-market = 시장가격 합계
report-prices-adjustment = 조정액
report-prices-conversion-source = 근거: { $source }

# 비용효과분석 (issue 16)
report-ec = 비용효과분석 (E/C)
report-ec-intro-discounted = 편익을 화폐로 환산하기 어려운 효과는 효과 지표별로 대안을 비교한다. 효과는 비용과 같은 할인율로 현재가치화하였으며(PV(E)), 단위효과당 비용 = PV(C)/PV(E), 1억원당 효과 = PV(E)/PV(C) × 1억, 증분 단위효과당 비용 = ΔPV(C)/ΔPV(E)(기준대안 대비)이다. 단위효과당 비용이 가장 낮은 대안을 우선한다.
report-ec-intro-undiscounted = 편익을 화폐로 환산하기 어려운 효과는 효과 지표별로 대안을 비교한다. 이 조사는 효과를 할인하지 않고 합산하였으며(ΣE), 단위효과당 비용 = PV(C)/ΣE, 1억원당 효과 = ΣE/PV(C) × 1억, 증분 단위효과당 비용 = ΔPV(C)/ΔΣE(기준대안 대비)이다. 단위효과당 비용이 가장 낮은 대안을 우선한다.
report-ec-measure = 효과 지표: { $name } (단위: { $measure_unit })
report-ec-effects = 효과 합계
report-ec-pv-effects = 효과 현재가치
report-ec-cost-per-unit = 단위효과당 비용(원)
report-ec-per-eok = 1억원당 효과
report-ec-incremental = 증분 단위비용(원)
report-ec-caption = (비용 단위: { $unit }, 효과: 지표 단위)
report-ec-preferred = 단위효과당 비용이 가장 낮은 대안: { $name }

# 사후평가 (issue 17)
report-expost = 사후평가
report-expost-intro = { $year }년까지의 실적(사업비, 일정, 수요)을 반영하여 다시 평가하고, 예비타당성조사(사전) 결과 및 최신 전망과 비교한다. 실적이 없는 연도와 항목은 최신 전망을 사용한다.
report-expost-ex-ante = 사전(예비타당성조사)
report-expost-forecast = 최신 전망
report-expost-ex-post = 사후(실적 반영)
report-expost-opening = 개통연도
report-expost-cost-growth = 총사업비 증가율
report-expost-decomposition = 순현재가치 변화의 요인 분해
report-expost-order = 최신 전망에서 한 번에 한 요인씩 실적으로 바꾸어 계산하였다(사업비 → 일정 → 수요). 나머지는 교호작용이며, 각 요인의 합은 순현재가치 변화와 정확히 같다.
report-expost-part = 요인
report-expost-part-forecast-revision = 전망 재추정 (사전 대비 최신 전망)
report-expost-part-cost-overrun = 사업비 증가
report-expost-part-delay = 개통 지연 ({ $years }년)
report-expost-part-demand-shortfall = 수요 미달
report-expost-part-interaction = 교호작용
report-expost-delta-npv = 순현재가치 변화 (ΔNPV) 합계
report-expost-realisation = 편익 실현 현황
report-expost-forecast-to-date = 전망(누계)
report-expost-actual-to-date = 실적(누계)
report-expost-quantity-ratio = 수량 실현율
report-expost-realisation-ratio = 편익 실현율(PV)
report-expost-no-actuals = 실적 없음, 전망 사용
report-expost-restudy-triggered = 총사업비 증가율 { $growth }: 타당성 재조사 기준({ $threshold } 이상)에 해당한다.
report-expost-restudy-none = 총사업비 증가율 { $growth }: 타당성 재조사 기준({ $threshold } 이상)에 해당하지 않는다.
