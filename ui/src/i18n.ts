// The UI's words in Korean and English. Engine messages (validation problems, verdict summary,
// hints) arrive in English from the engine and are shown as they are.

import type { Lang } from './format';

const en = {
  open: 'Open…', save: 'Save', saveAs: 'Save as…', recent: 'Recent', newStudy: 'New study',
  exportPdf: 'Export PDF', signOff: 'Sign off…', verify: 'Verify report…', undo: 'Undo', redo: 'Redo',
  tabStudy: 'Study', tabLines: 'Costs & benefits', tabAhp: 'AHP', tabResults: 'Results', tabRisk: 'Risk',
  project: 'Project', name: 'Name', sponsor: 'Sponsor', sector: 'Sector', region: 'Region (ISO 3166-2:KR)',
  totalCost: 'Total cost (KRW)', stateFunding: 'State funding (KRW)', description: 'Description',
  parameters: 'Parameters', baseYear: 'Base year', firstYear: 'First year', lastYear: 'Last year',
  discount: 'Discount schedule', fromYear: 'From year', rate: 'Rate', addStep: '+ step', remove: 'Remove',
  rules: 'Rule set', otherSections: 'Other sections (JSON, checked by the engine)',
  costs: 'Costs', benefits: 'Benefits', revenues: 'Revenues', kind: 'Kind', addLine: '+ line',
  ranges: 'Ranged flows of', from: 'From', to: 'To', amount: 'Amount (first year)', growth: 'Yearly growth',
  addRange: '+ range', pasteHint: 'Arrow keys move between cells; paste a block copied from Excel (tab-separated).',
  inRange: 'in a ranged flow: edit it below', verdict: 'Verdict', bc: 'B/C', npv: 'NPV', irr: 'IRR',
  pvBenefits: 'PV benefits', pvCosts: 'PV costs', ahpScore: 'AHP score', implement: 'Implement',
  notImplement: 'Do not implement', feasible: 'economically feasible', notFeasible: 'not economically feasible',
  cashFlow: 'Cash flow by year (nominal)', cumulative: 'cumulative PV of net flow', tornado: 'Sensitivity (B/C)',
  ahpWeights: 'AHP weights', regional: 'Regional', environment: 'Environment', backwardness: 'Backwardness index',
  rank: 'rank', production: 'Production effect', jobs: 'Jobs', emissions: 'Emissions (tCO2e)',
  carbonPv: 'PV of carbon', bcWithCarbon: 'B/C with carbon', problems: 'Problems', noProblems: 'No problems',
  evaluator: 'Evaluator', panel: 'Panel (aggregated)', weights: 'Weights', cr: 'CR', consistent: 'consistent',
  inconsistent: 'inconsistent — revise', hint: 'Repair hint', apply: 'Apply', alternatives: 'Implement vs. not, per criterion',
  implementSide: 'implement', notSide: 'do not implement', scoreRange: 'Score range', robust: 'robust',
  notRobust: 'not robust', draws: 'Draws', seed: 'Seed', run: 'Run', cancel: 'Cancel', probBc: 'P(B/C ≥ 1)',
  mean: 'mean', critical: 'Critical variables', language: 'Report language', reviewer: 'Reviewer', role: 'Role',
  password: 'PKCS#12 password (if any)', sign: 'Choose report and key, then sign', close: 'Close',
  saved: 'Saved', autosaved: 'Autosaved', recovered: 'Recovered the autosaved study', unsaved: 'unsaved',
  exporting: 'Exporting PDF…', exported: 'Exported', cancelled: 'Cancelled', running: 'Running…',
  signed: 'Signed', valid: 'Valid signatures', invalid: 'NOT VALID', empty: 'Open a study (.yeta.json) or start a new one.',
  noAhp: 'This study has no AHP section.', nothing: 'No result yet: fix the problems listed.',
  base: 'base', pasted: 'Pasted', skipped: 'skipped',
};
type Dict = typeof en;

const ko: Dict = {
  open: '열기…', save: '저장', saveAs: '다른 이름으로 저장…', recent: '최근 파일', newStudy: '새 조사',
  exportPdf: 'PDF 내보내기', signOff: '검토 서명…', verify: '보고서 검증…', undo: '실행 취소', redo: '다시 실행',
  tabStudy: '조사 개요', tabLines: '비용·편익', tabAhp: 'AHP', tabResults: '결과', tabRisk: '위험분석',
  project: '사업', name: '사업명', sponsor: '주관 부처', sector: '부문', region: '지역 (ISO 3166-2:KR)',
  totalCost: '총사업비 (원)', stateFunding: '국고 (원)', description: '설명',
  parameters: '분석 조건', baseYear: '기준 연도', firstYear: '시작 연도', lastYear: '종료 연도',
  discount: '할인율', fromYear: '적용 연도', rate: '할인율', addStep: '+ 구간', remove: '삭제',
  rules: '규칙 세트', otherSections: '기타 항목 (JSON, 엔진이 검증)',
  costs: '비용', benefits: '편익', revenues: '수입', kind: '유형', addLine: '+ 항목',
  ranges: '기간 흐름:', from: '시작', to: '종료', amount: '금액 (첫해)', growth: '연 증가율',
  addRange: '+ 기간', pasteHint: '방향키로 셀 이동, 엑셀에서 복사한 블록(탭 구분)을 붙여넣을 수 있습니다.',
  inRange: '기간 흐름에 속함: 아래에서 수정', verdict: '판정', bc: 'B/C', npv: 'NPV', irr: 'IRR',
  pvBenefits: '편익 현재가치', pvCosts: '비용 현재가치', ahpScore: 'AHP 점수', implement: '시행',
  notImplement: '미시행', feasible: '경제성 있음', notFeasible: '경제성 없음',
  cashFlow: '연도별 현금흐름 (경상)', cumulative: '순편익 누적 현재가치', tornado: '민감도 (B/C)',
  ahpWeights: 'AHP 가중치', regional: '지역균형', environment: '환경', backwardness: '지역낙후도 지수',
  rank: '순위', production: '생산유발효과', jobs: '고용유발', emissions: '온실가스 (tCO2e)',
  carbonPv: '탄소 비용 현재가치', bcWithCarbon: '탄소 포함 B/C', problems: '문제', noProblems: '문제 없음',
  evaluator: '평가자', panel: '종합 (집계)', weights: '가중치', cr: 'CR', consistent: '일관성 있음',
  inconsistent: '일관성 부족 — 재검토', hint: '수정 제안', apply: '적용', alternatives: '기준별 시행 대 미시행',
  implementSide: '시행', notSide: '미시행', scoreRange: '점수 범위', robust: '강건함',
  notRobust: '강건하지 않음', draws: '시행 횟수', seed: '시드', run: '실행', cancel: '취소', probBc: 'P(B/C ≥ 1)',
  mean: '평균', critical: '핵심 변수', language: '보고서 언어', reviewer: '검토자', role: '역할',
  password: 'PKCS#12 비밀번호 (있으면)', sign: '보고서와 키 선택 후 서명', close: '닫기',
  saved: '저장됨', autosaved: '자동 저장됨', recovered: '자동 저장된 조사를 복구했습니다', unsaved: '저장 안 됨',
  exporting: 'PDF 내보내는 중…', exported: '내보냄', cancelled: '취소됨', running: '실행 중…',
  signed: '서명됨', valid: '유효한 서명', invalid: '유효하지 않음', empty: '조사 파일(.yeta.json)을 열거나 새로 시작하세요.',
  noAhp: '이 조사에는 AHP 항목이 없습니다.', nothing: '결과 없음: 아래 문제를 고치세요.',
  base: '기준', pasted: '붙여넣음', skipped: '건너뜀',
};

export type Key = keyof Dict;
const dicts: Record<Lang, Dict> = { en, ko };
export const t = (lang: Lang, k: Key): string => dicts[lang][k];
export const keys = Object.keys(en) as Key[];
export const dictionary = dicts;
