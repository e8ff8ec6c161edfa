# The desktop app's native side (src-tauri): file dialog titles, filters and suggested names.
dialog-open-study = 연구 파일 열기
dialog-save-study = 연구 파일 저장
dialog-compare = 비교할 연구 파일 선택
dialog-export-pdf = 보고서 PDF 저장
dialog-sign-report = 서명할 보고서 선택
dialog-sign-key = 서명 키 파일 선택
dialog-verify-report = 검증할 서명 보고서 선택
dialog-ex-ante = 서명된 예비타당성조사 연구 파일 선택 (사후평가 비교 기준)
dialog-filter-study = Yeta 연구 파일
dialog-filter-key = 서명 키 (PEM, PKCS#12)
dialog-default-study = 새 연구
dialog-default-report = 예비타당성조사 보고서

# The app's command errors (src-tauri/src/error.rs `Code`): `app-error-<code>`.
app-error-io-read = 파일을 읽을 수 없습니다: { $file }
app-error-io-write = 파일을 저장할 수 없습니다(아무것도 바뀌지 않았습니다): { $file }
app-error-study-invalid = 연구 파일에 문제가 { $count }건 있습니다. 표시된 항목을 고쳐 주십시오.
app-error-study-parse = 연구 파일을 읽을 수 없습니다({ $line }행 { $column }열).
app-error-draws-out-of-range = 시뮬레이션 횟수 { $value }은(는) 허용 범위({ $min }–{ $max })를 벗어납니다.
app-error-risk-not-finite = 모의 결과({ $figure })가 금액으로 나타낼 수 있는 범위를 벗어났습니다. 위험 변수의 범위를 좁혀 주십시오.
app-error-cancelled = 취소되었습니다.
app-error-pdf-invalid = Yeta가 읽거나 서명할 수 있는 PDF 보고서가 아닙니다.
app-error-pdf-not-signed = 이 보고서에는 서명이 없습니다.
app-error-signature-invalid = 서명이 유효하지 않거나 서명 후 보고서가 바뀌었습니다.
app-error-key-invalid = 서명 키 파일을 쓸 수 없습니다(키, 인증서 또는 암호를 확인해 주십시오).
app-error-reviewer-mismatch = 검토자 이름 "{ $reviewer }"이(가) 인증서의 이름 "{ $subject }"과(와) 다릅니다.
app-error-study-mismatch = 보고서에 담긴 연구 파일이 보고서에 찍힌 것과 다릅니다. 서명하지 않았습니다.
app-error-not-in-recent = 최근 목록에 없는 파일입니다: { $file }. 열기 대화상자로 열어 주십시오.
app-error-budget-invalid = 예산 "{ $value }"은(는) 금액이 아닙니다(예: 2,000억, 200000000000).
app-error-matrix-invalid = 쌍대비교 행렬의 { $cell } 칸이 올바르지 않습니다(역수 관계, 1/9–9 척도).
app-error-rules-unknown = 규칙 집합 "{ $rules }"을(를) 찾을 수 없습니다.
app-error-no-studies-chosen = 먼저 비교할 연구 파일을 선택해 주십시오.
app-error-internal = 예상하지 못한 오류입니다.
