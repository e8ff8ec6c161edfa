# 데스크톱 앱: 모든 화면 문구 (한국어). 앱은 이 파일과 엔진 메시지 카탈로그를 읽는다.

app-open = 열기…
app-save = 저장
app-save-as = 다른 이름으로 저장…
app-recent = 최근 파일
app-new-study = 새 조사
app-export-pdf = PDF 내보내기
app-sign-off = 검토 서명…
app-verify = 보고서 검증…
app-undo = 실행 취소
app-redo = 다시 실행
app-tab-study = 조사 개요
app-tab-lines = 비용·편익
app-tab-ahp = AHP
app-tab-results = 결과
app-tab-risk = 위험분석
app-project = 사업
app-name = 사업명
app-sponsor = 주관 부처
app-sector = 부문
app-region = 지역 (시·도)
app-total-cost = 총사업비
app-state-funding = 국고
app-description = 설명
app-parameters = 분석 조건
app-base-year = 기준 연도
app-first-year = 시작 연도
app-last-year = 종료 연도
app-discount = 할인율
app-from-year = 적용 연도
app-rate = 할인율
app-add-step = + 구간
app-remove = 삭제
app-rules = 규칙 세트
app-other-sections = 기타 항목 (JSON, 엔진이 검증)
app-costs = 비용
app-benefits = 편익
app-revenues = 수입
app-kind = 유형
app-add-line = + 항목
app-ranges = 기간 흐름:
app-from = 시작
app-to = 종료
app-amount = 금액 (첫해)
app-growth = 연 증가율
app-add-range = + 기간
app-paste-hint = 방향키로 셀 이동, 엑셀에서 복사한 블록(탭 구분)을 붙여넣을 수 있습니다.
app-in-range = 기간 흐름에 속함: 아래에서 수정
app-verdict = 판정
app-bc = B/C
app-npv = NPV
app-irr = IRR
app-pv-benefits = 편익 현재가치
app-pv-costs = 비용 현재가치
app-ahp-score = AHP 점수
app-implement = 시행
app-not-implement = 미시행
app-feasible = 경제성 있음
app-not-feasible = 경제성 없음
app-cash-flow = 연도별 현금흐름 (경상)
app-cumulative = 순편익 누적 현재가치
app-tornado = 민감도 (B/C)
app-ahp-weights = AHP 가중치
app-regional = 지역균형
app-environment = 환경
app-backwardness = 지역낙후도 지수
app-rank = 순위
app-production = 생산유발효과
app-jobs = 고용유발
app-emissions = 온실가스 (tCO2e)
app-carbon-pv = 탄소 비용 현재가치
app-bc-with-carbon = 탄소 포함 B/C
app-problems = 문제
app-no-problems = 문제 없음
app-evaluator = 평가자
app-panel = 종합 (집계)
app-weights = 가중치
app-cr = CR
app-consistent = 일관성 있음
app-inconsistent = 일관성 부족 — 재검토
app-hint = 수정 제안
app-apply = 적용
app-alternatives = 기준별 시행 대 미시행
app-implement-side = 시행
app-not-side = 미시행
app-score-range = 점수 범위
app-robust = 강건함
app-not-robust = 강건하지 않음
app-draws = 시뮬레이션 횟수
app-seed = 시드
app-run = 실행
app-cancel = 취소
app-prob-bc = P(B/C ≥ 1)
app-mean = 평균
app-critical = 핵심 변수
app-language = 보고서 언어
app-reviewer = 검토자
app-role = 역할
app-password = PKCS#12 비밀번호 (있으면)
app-sign = 보고서와 키 선택 후 서명
app-close = 닫기
app-saved = 저장됨
app-autosaved = 자동 저장됨
app-recovered = 자동 저장된 조사를 복구했습니다
app-unsaved = 저장 안 됨
app-exporting = PDF 내보내는 중…
app-exported = 내보냄
app-cancelled = 취소됨
app-running = 실행 중…
app-signed = 서명됨
app-valid = 유효한 서명
app-invalid = 유효하지 않음
app-empty = 조사 파일(.yeta.json)을 열거나 새로 시작하세요.
app-no-ahp = 이 조사에는 AHP 항목이 없습니다.
app-nothing = 결과 없음: 아래 문제를 고치세요.
app-base = 기준
app-pasted = 붙여넣음
app-skipped = 건너뜀
app-tab-portfolio = 사업 비교
app-choose-studies = 조사 파일 선택…
app-budget = 예산
app-study = 사업
app-contribution = 기여도
app-within-budget = 예산 내
app-fits = 예산 내
app-over = 초과
app-not-eligible = —
app-portfolio-empty = 여러 조사 파일(.yeta.json)을 선택해 나란히 비교하세요.
app-portfolio-hint = AHP 점수(동점이면 B/C) 순위입니다. 열 제목을 누르면 정렬됩니다. 예산은 시행 사업이 순위대로 사용합니다.
app-cumulative-cost = 누적
app-crit-economic = 경제성
app-crit-policy = 정책성
app-crit-regional = 지역균형
app-crit-technical = 기술성
app-flip-distance = 판단 전환 거리 (가중치)
app-no-flip = 허용 범위 안 전환 없음
app-reversal = 다음 순위와 역전 거리
app-switching = 전환값 (B/C = 1)
app-rests-on = 한 명을 빼면 판단이 바뀌는 평가자
app-no-single-evaluator = 평가자 한 명을 빼도 판단은 같음

## 앱: 명령 오류와 서명 (이슈 20)
app-sign-replace = 원본 보고서에 덮어쓰기 (선택하지 않으면 …-signed.pdf로 저장)

## 앱: 화면의 모든 낱말 (이슈 20)
app-region-KR-11 = 서울특별시
app-region-KR-26 = 부산광역시
app-region-KR-27 = 대구광역시
app-region-KR-28 = 인천광역시
app-region-KR-29 = 광주광역시
app-region-KR-30 = 대전광역시
app-region-KR-31 = 울산광역시
app-region-KR-50 = 세종특별자치시
app-region-KR-41 = 경기도
app-region-KR-51 = 강원특별자치도
app-region-KR-43 = 충청북도
app-region-KR-44 = 충청남도
app-region-KR-52 = 전북특별자치도
app-region-KR-46 = 전라남도
app-region-KR-47 = 경상북도
app-region-KR-48 = 경상남도
app-region-KR-49 = 제주특별자치도
app-run-info = 시뮬레이션 { $draws }회 · 시드 { $seed }
app-goal = 종합평가
app-section-rules = 지침(규칙 집합)
app-section-financing = 재원 조달
app-section-policy = 정책성
app-section-regional = 지역균형발전
app-section-environment = 환경
app-in-ranged-flow = 기간 항목 안의 연도
app-signed-at = 서명 일시
app-new-line = 새 항목

## 앱: 금액 단위 (이슈 20)
app-line-total = 합계
app-line-pv = 현재가치
app-total = 합계
app-unit-caption = 단위
app-unit = 금액 단위

## 앱: 입력 오류 (이슈 20)
app-computing = 계산 중…
app-last-valid = 마지막으로 계산된 결과입니다. 문제를 고치면 다시 계산합니다.
app-problem-count = 문제 { $n }건
app-not-amount = 금액으로 읽을 수 없음: "{ $value }" — 예: 240억, 1,800억, 12억 3,000만, 24,000,000,000
app-not-number = 숫자가 아님: "{ $value }"

## 앱: 판정의 근거 (이슈 20)
app-stale-judgements = 판단 재검토 필요: { $evaluators }의 판단은 B/C { $seen }에서 이루어졌으나 현재 B/C는 { $bc }입니다. 바뀐 경제성에 맞게 판단을 다시 검토하십시오.
app-stale-short = 판단 당시 B/C { $seen } → 현재 { $bc }: 재검토 필요
app-basis-ahp = 근거: AHP 종합평가 점수 { $score } (기준 { $threshold })
app-basis-economic = 근거: 경제성 분석 B/C { $bc } (기준 { $threshold }, AHP 평가 없음)
app-stale-banner = 판단 재검토 필요: 아래 평가자의 판단은 B/C { $seen }에서 이루어졌으나 현재 B/C는 { $bc }입니다. 바뀐 경제성에 맞게 판단을 다시 검토하십시오.

## 앱: AHP 행렬 (이슈 20)
app-numeric-matrix = 쌍대비교 행렬 (값 직접 입력: 3, 1/3, 4/3)
app-cell-deviation = 가중치 비와의 편차 ε = { $eps } (1이면 일관)
app-not-judgement = 1/9–9 사이의 정수나 분수가 아님: "{ $value }"
app-cr-after = 적용하면 CR { $cr }

## 앱: 위험분석과 차트 (이슈 20)
app-summarising = 결과 요약 중…
app-frequency = 빈도
app-not-count = { $what }: 0 이상의 정수가 아님: "{ $value }"
app-previous-result = 이전 결과 (새 실행이 끝나면 바뀝니다)
app-allowed-range = 허용 범위

## 앱: 새 조사의 기본값 (이슈 20)
app-new-project = 새 사업
app-new-sponsor = 주관 부처
app-new-construction = 공사비
app-new-travel-time = 통행시간 절감 편익
app-default-role = 예비타당성조사 검토자

# Options and E/C (issue 16)
app-options-compared = 대안 검토
app-preferred-option = 선정 대안
app-base-stands = 기준을 충족하는 대안이 없어 기준대안이 유지됩니다
app-proposed-option = 제안 사업
app-base-option = 기준대안
app-incremental-bc = 증분 B/C
app-cost-effectiveness = 비용효과분석 (E/C)
app-cost-per-unit = 단위효과당 비용(원)
app-incremental-cost = 증분 단위비용(원)
app-lowest-cost = 단위효과당 비용이 가장 낮은 대안
app-net-emissions = 순배출 변화 (사업 미시행 대비)
app-net-carbon-pv = 순배출의 탄소가치 현재가치
app-net-energy-pv = 순에너지 변화의 가치 현재가치
app-env-not-counted = 이 조사는 환경 가치를 경제성 분석에 반영하지 않습니다
app-env-reduces = 사업 미시행 대비 온실가스 { $t } tCO2e 감축
app-env-adds = 사업 미시행 대비 온실가스 { $t } tCO2e 증가
app-env-run = 탄소가치 { $series }
app-env-suggested = 부문 권고 위험 { $total }건 중 위험 목록에 없는 { $open }건
app-env-suggested-score = 가능성 { $l } × 영향 { $i } = { $s }

# 사후평가 탭 (issue 17)
app-tab-expost = 사후평가
app-expost-title = 사후평가: 예비타당성조사(사전)와 실적 반영(사후) 비교
app-no-outturn = 이 조사에는 실적 항목이 없어 사후평가를 할 수 없습니다. 실적을 입력하면 이 탭에 사후평가가 표시됩니다.
app-figure = 항목
app-against = 비교 기준
app-against-forecast = 이 조사의 자체 전망 (서명된 예비타당성조사를 찾지 못함)
app-against-file = 서명된 예비타당성조사 파일 { $path }
app-against-library = 라이브러리 { $key }의 서명된 개정 { $revision } (예비타당성조사)
app-choose-ex-ante = 서명된 예비타당성조사 선택…
app-restudy-check = 타당성 재조사 점검
app-restudy-threshold = 기준
app-restudy-source = 근거
app-schedule = 사업 일정
app-build-years = 착공–준공
app-line = 편익 항목

# The review registry in the Portfolio view (src-tauri/src/registry.rs).
app-portfolio-source = 비교할 연구의 출처
app-source-files = 연구 파일
app-source-registry = 심사 레지스트리
app-registry-login-hint = 부처 또는 기획재정부의 심사 레지스트리에 로그인하면, 볼 수 있는 모든 연구를 서버에서 같은 엔진으로 순위를 매겨 보여 주고 현재 연구를 제출할 수 있습니다. 연결되지 않은 동안의 제출은 대기함에 보관했다가 연결되면 보냅니다.
app-registry-url = 레지스트리 주소
app-registry-token = 토큰
app-login = 로그인
app-logout = 로그아웃
app-registry-online = 연결됨
app-registry-offline = 연결되지 않음 — 제출은 대기함에 보관됩니다
app-send-now = 다시 연결·대기함 보내기
app-registry-key = 레지스트리 키
app-as-draft = 초안으로 저장(검토자에게 보이지 않음)
app-submit-study = 현재 연구 제출
app-all = 전체
app-review-status = 심사 상태
app-registry-ranked = 레지스트리에서 순위를 매긴 연구
app-registry-empty = 볼 수 있는 제출된 연구가 없습니다.
app-outbox-waiting = 제출 대기함
app-outbox-refused = 레지스트리가 거부한 제출
app-revision = 개정
app-unchanged-rev = 최신 개정과 같아 새 개정을 만들지 않음
app-sent-ok = 제출됨
app-queued = 대기함에 보관
app-opened-from-registry = 레지스트리에서 열었습니다(저장하면 파일을 묻습니다)
app-review-status-draft = 초안
app-review-status-submitted = 제출
app-review-status-under-review = 심사 중
app-review-status-returned = 보완 요구
app-review-status-signed-off = 승인(서명 완료)
app-registry-role-officer = 예산 담당
app-registry-role-reviewer = 심사관
app-registry-role-admin = 관리자

# The regional card's 시·군·구 rows (ui/src/views/results.ts).
app-sigungu-index = 시·군·구 낙후도 지수
app-percentile = 백분위
app-factor-weights = 요인 가중치
app-equal-weights = 요인별 동일 가중치 (Yeta의 가정, 지침의 가중치는 비공개)
