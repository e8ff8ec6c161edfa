// Display formatting only: money stays a decimal string everywhere else in the UI.

export type Lang = 'ko' | 'en';

/** Rounds a decimal string (as the engine writes money) to whole won, half away from zero. */
export function toWon(amount: string): bigint {
  const s = amount.trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal amount: "${amount}"`);
  const neg = m[1] === '-';
  let won = BigInt(m[2] === '' ? '0' : m[2]);
  const frac = m[3] ?? '';
  if (frac.length > 0 && frac.charCodeAt(0) >= 53 /* '5' */) won += 1n;
  return neg ? -won : won;
}

/** 1234567 -> "1,234,567" (plain digit grouping, as English uses). */
export function groupDigits(n: bigint | string): string {
  const s = typeof n === 'bigint' ? n.toString() : n;
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + g + (frac !== undefined ? '.' + frac : '');
}

const EOK = 100_000_000n; // 억 = 10^8
const JO = 1_000_000_000_000n; // 조 = 10^12

/**
 * KRW for display. Korean: 조 and 억 units as budget documents write them
 * ("1조 2,345억원", "2,974.6억원" below a 조, "5,000만원"/"950원" for small sums).
 * English: "KRW 1,234,567,890" with plain digit grouping.
 */
export function formatKrw(amount: string, lang: Lang): string {
  const won = toWon(amount);
  if (lang === 'en') return `KRW ${groupDigits(won)}`;
  const neg = won < 0n;
  const a = neg ? -won : won;
  const sign = neg ? '-' : '';
  if (a >= JO) {
    const eok = (a + EOK / 2n) / EOK; // whole 억, rounded
    const jo = eok / 10_000n;
    const rest = eok % 10_000n;
    return `${sign}${groupDigits(jo)}조${rest > 0n ? ' ' + groupDigits(rest) + '억' : ''}원`;
  }
  if (a >= EOK) {
    const tenths = (a * 10n + EOK / 2n) / EOK; // 억 with one decimal
    const whole = tenths / 10n;
    const d = tenths % 10n;
    return `${sign}${groupDigits(whole)}${d > 0n ? '.' + d : ''}억원`;
  }
  if (a >= 10_000n) {
    const man = (a + 5_000n) / 10_000n;
    return `${sign}${groupDigits(man)}만원`;
  }
  return `${sign}${groupDigits(a)}원`;
}

/** A ratio such as B/C, with fixed decimals; a dash when absent. */
export function formatRatio(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits);
}

/** 0.0463 -> "4.63 %"; a dash when absent. */
export function formatPct(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(digits)} %`;
}

/** What the user typed in an amount cell -> the decimal string the study stores ("" = no flow). */
export function parseAmount(typed: string): string | null {
  const s = typed.replace(/[,\s_₩원]/g, '');
  if (s === '') return '';
  return /^-?\d+(\.\d+)?$/.test(s) ? s : null;
}

/** The locale and time zone dates are shown in: Korean officers read KST (Asia/Seoul). */
const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-GB');
const KST = 'Asia/Seoul';

/** A time of day in KST, e.g. "오후 7:20:43" (Korean) or "19:20:43" (English). */
export function formatTime(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: KST, timeStyle: 'medium' }).format(d);
}

/** A date and time in KST, e.g. "2026. 12. 2. 오전 4:26:08". */
export function formatDateTime(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { timeZone: KST, dateStyle: 'medium', timeStyle: 'medium' }).format(d) + (lang === 'ko' ? '' : ' KST');
}

/**
 * A PDF date (ISO 32000 §7.9.4, `D:YYYYMMDDHHmmSS` then `Z` or `+HH'mm'`) or the CLI's
 * `YYYY-MM-DD HH:MM:SS UTC` as a Date; null when it is neither.
 */
export function parsePdfDate(s: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|([+-])(\d{2})'?(\d{2})?'?)?/.exec(s.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?: ?(UTC|Z))?$/.exec(s.trim());
  let p: number[];
  let offsetMin = 0;
  if (m) {
    p = [m[1], m[2] ?? '01', m[3] ?? '01', m[4] ?? '00', m[5] ?? '00', m[6] ?? '00'].map(Number);
    if (m[8]) offsetMin = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0));
  } else if (iso) {
    p = iso.slice(1, 7).map(Number);
  } else return null;
  const t = Date.UTC(p[0], p[1] - 1, p[2], p[3], p[4], p[5]) - offsetMin * 60_000;
  return Number.isFinite(t) ? new Date(t) : null;
}

/** A signature date for the reader: KST in the user's locale, or the text as given when it is not a date. */
export function formatPdfDate(s: string, lang: Lang): string {
  const d = parsePdfDate(s);
  return d ? formatDateTime(d, lang) : s;
}

// ---- money in the user's unit ----

/** The money unit the user reads and types in: 원, 천원, 백만원 or 억원 (one setting for the grid, dashboard and export). */
export type MoneyUnit = 'won' | 'thousand' | 'million' | 'eok';
export const MONEY_UNITS: MoneyUnit[] = ['won', 'thousand', 'million', 'eok'];
/** The power of ten each unit is in won. */
export const UNIT_EXP: Record<MoneyUnit, number> = { won: 0, thousand: 3, million: 6, eok: 8 };
/** The unit's name as a table caption writes it. */
export const UNIT_NAME: Record<Lang, Record<MoneyUnit, string>> = {
  ko: { won: '원', thousand: '천원', million: '백만원', eok: '억원' },
  en: { won: 'KRW', thousand: 'KRW thousand', million: 'KRW million', eok: 'KRW 100 million' },
};
/** A study's own `unit` (yeta_core::study::Unit, its bare amounts are in it) as a power of ten. */
export const STUDY_UNIT_EXP: Record<string, number> = { 원: 0, 천원: 3, 만원: 4, 백만원: 6, 억원: 8, 십억원: 9 };

/** A decimal string times 10^k, exactly (every unit is a power of ten): shiftDecimal("1.5", 8) = "150000000". */
export function shiftDecimal(s: string, k: number): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return s;
  let int = m[2];
  let frac = m[3] ?? '';
  if (k > 0) {
    frac = frac.padEnd(k, '0');
    int += frac.slice(0, k);
    frac = frac.slice(k);
  } else if (k < 0) {
    int = int.padStart(-k + 1, '0');
    frac = int.slice(int.length + k) + frac;
    int = int.slice(0, int.length + k);
  }
  int = int.replace(/^0+(?=\d)/, '') || '0';
  frac = frac.replace(/0+$/, '');
  const out = frac ? `${int}.${frac}` : int;
  return m[1] === '-' && /[1-9]/.test(out) ? `-${out}` : out;
}

/** Rounds a decimal string to `d` decimals, half away from zero. */
export function roundDecimal(s: string, d: number): string {
  const scaled = shiftDecimal(s, d);
  const won = toWon(scaled);
  return shiftDecimal(won.toString(), -d);
}

/** A number with optional thousands separators, as the engine reads it: `1,800`, `24,000,000,000` (not `1,2`). */
function grouped(t: string): string | null {
  let s = t.trim();
  if (s.includes(',')) {
    const [int, frac] = s.split('.', 2);
    const groups = int.split(',');
    const first = groups[0];
    const firstOk = first.length > 0 && first.length <= 3 + (first.startsWith('-') ? 1 : 0);
    if (!firstOk || groups.slice(1).some((g) => g.length !== 3)) return null;
    s = groups.join('') + (frac !== undefined ? `.${frac}` : '');
  }
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(s) ? shiftDecimal(s, 0) : null;
}

/** Korean amount units, longest first so 백만 wins over 만 (yeta_core::study::money). */
const KO_UNITS: [string, number][] = [['천만', 7], ['백만', 6], ['조', 12], ['억', 8], ['만', 4], ['천', 3]];

/**
 * What the user typed in a money field, as won (a decimal string; "" = nothing typed; null =
 * not an amount). The officer's notation is read as the engine reads it — `1,800억`,
 * `12억 3,000만`, `1조 2,000억`, `1,800백만원`, `5,000원` — and a bare number (`200`, `1,800.5`) is
 * in the unit on screen, `unitExp` (8 for 억원).
 */
export function parseMoney(typed: string, unitExp = 0): string | null {
  let t = typed.trim().replace(/^₩\s*/, '');
  if (t === '') return '';
  if (!/[조억만천백원]/.test(t)) {
    const x = grouped(t.replace(/\s+/g, ''));
    return x === null ? null : shiftDecimal(x, unitExp);
  }
  t = t.replace(/원$/, '').trim();
  const plain = grouped(t);
  if (plain !== null) return plain; // "5,000원": won
  // A sum of number-and-unit parts, largest unit first: "1조 2,000억", "3억 5천만".
  let total = '0';
  let rest = t;
  let last = Infinity;
  while (rest !== '') {
    const m = /^([\d,.-]*)\s*/.exec(rest);
    const num = m ? m[1] : '';
    const after = rest.slice(m ? m[0].length : 0);
    const unit = KO_UNITS.find(([u]) => after.startsWith(u));
    let exp: number;
    let tail: string;
    if (unit) {
      exp = unit[1];
      tail = after.slice(unit[0].length).trimStart();
    } else if (after === '' && num !== '' && total !== '0') {
      exp = 0;
      tail = '';
    } else return null;
    if (exp >= last || num === '') return null;
    last = exp;
    const x = grouped(num);
    if (x === null) return null;
    total = addDecimal(total, shiftDecimal(x, exp));
    rest = tail;
  }
  return total;
}

/** The sum of two decimal strings, exactly. */
function addDecimal(a: string, b: string): string {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const n = BigInt(shiftDecimal(a, scale)) + BigInt(shiftDecimal(b, scale));
  return shiftDecimal(n.toString(), -scale);
}

/** An amount in won shown exactly in the unit on screen, with digit grouping (a grid cell, a form field). */
export function inUnit(won: string, unit: MoneyUnit): string {
  return groupDigits(shiftDecimal(won, -UNIT_EXP[unit]));
}

/** Decimals a figure gets in each unit: 억원 figures keep one (29.7억원), the others none. */
const UNIT_DIGITS: Record<MoneyUnit, number> = { won: 0, thousand: 0, million: 0, eok: 1 };

/** A figure in won as a rounded, grouped number in the unit on screen, without the unit's name (a table cell). */
export function figureIn(won: string, unit: MoneyUnit): string {
  const d = UNIT_DIGITS[unit];
  let n = roundDecimal(shiftDecimal(won, -UNIT_EXP[unit]), d);
  if (n === '-0') n = '0';
  // Fixed decimals, so a column of figures lines up (124.0 under 123.1).
  if (d > 0) {
    const [i, f = ''] = n.split('.');
    n = `${i}.${f.padEnd(d, '0')}`;
  }
  return groupDigits(n);
}

/** A figure in won, rounded, in the unit on screen: "29.7억원", "2,975백만원"; "KRW 2,975 million". */
export function formatMoney(won: string, unit: MoneyUnit, lang: Lang): string {
  const d = UNIT_DIGITS[unit];
  let n = roundDecimal(shiftDecimal(won, -UNIT_EXP[unit]), d);
  if (n === '-0') n = '0';
  const g = groupDigits(n);
  if (lang === 'en') {
    if (unit === 'won') return `KRW ${g}`;
    // 억 has no English word: English readers get the same figure in billions (10 억 = 1 bn).
    if (unit === 'eok') return `KRW ${groupDigits(roundDecimal(shiftDecimal(won, -9), 2))} bn`;
    return `KRW ${g} ${UNIT_NAME.en[unit].slice(4)}`;
  }
  return `${g}${UNIT_NAME.ko[unit]}`;
}
