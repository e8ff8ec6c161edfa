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
