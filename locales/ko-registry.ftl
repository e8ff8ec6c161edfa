# 공유 검토 레지스트리(yeta-registry): 클라이언트가 받는 모든 오류, 코드별.
registry-unauthorized = 로그인되지 않았습니다: 유효한 레지스트리 토큰(Authorization: Bearer …)을 보내십시오. 삭제된 사용자의 토큰은 더 이상 쓸 수 없습니다.
registry-forbidden = 현재 역할로는 다음을 할 수 없습니다: { $action }.
registry-not-found = { $what }이(가) 없거나 볼 권한이 없습니다.
registry-bad-field = { $path } 항목을 받아들일 수 없습니다: { $reason }.
registry-bad-json = 요청이 올바른 JSON이 아닙니다({ $line }행 { $column }열): { $reason }
registry-bad-body = 요청 본문을 읽을 수 없습니다: { $reason }
registry-bad-query = 쿼리 문자열을 읽을 수 없습니다: { $reason }
registry-too-large = 요청 본문이 레지스트리가 받는 크기보다 큽니다.
registry-study-invalid = 사업 파일을 평가할 수 없습니다(문제 { $count }건). { $path }: { $reason }
registry-wrong-status = 사업의 상태가 { $status }이므로 지금은 { $action }을(를) 할 수 없습니다.
registry-exists = 이미 있습니다.
registry-no-trust = 레지스트리에 신뢰하는 검토자 인증서가 없습니다: 서명 확인 전에 관리자가 먼저 등록해야 합니다.
registry-signoff-refused = 서명 확인이 거부되었습니다: { $reason }
registry-busy = 레지스트리가 바쁩니다. 다시 시도하십시오.
registry-unavailable = 레지스트리 데이터베이스를 쓸 수 없습니다. 잠시 후 다시 시도하십시오.
registry-internal = 레지스트리에 오류가 났습니다. 자세한 내용은 관리자가 서버 로그에서 확인합니다.
