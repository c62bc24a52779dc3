/**
 * Test support: seeded makers of identifier values (planted) and of look-alikes that must not count
 * (distractors). Every valid value follows the rules the scanner is meant to implement, written here
 * independently of it (the check character comes from cn-resident-id.ts, which has its own hand-computed
 * tests).
 */
import type { Random } from '../../../../samples/generate/random.js';
import { residentIdCheckCharacter } from './cn-resident-id.js';

/** Real county-level region codes (GB/T 2260): Beijing Chaoyang, Shanghai Huangpu, Shenzhen Futian, Chengdu Jinjiang, Hangzhou Shangcheng, Nanjing Xuanwu. */
const REGIONS = ['110105', '310101', '440304', '510104', '330102', '320102'];

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function birthDate(random: Random): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(1935, 0, 1) + random.integer(0, 70 * 365) * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function yyyymmdd({ year, month, day }: { year: number; month: number; day: number }): string {
  return `${year}${pad(month, 2)}${pad(day, 2)}`;
}

/** A resident ID with a real region, a real birth date and the right check character (lower-case x now and then). */
export function residentId(random: Random): string {
  const body = `${random.pick(REGIONS)}${yyyymmdd(birthDate(random))}${pad(random.integer(1, 999), 3)}`;
  const check = residentIdCheckCharacter(body);
  return body + (check === 'X' && random.bernoulli(0.3) ? 'x' : check);
}

/** Look-alikes: a wrong check character, or an impossible date / unknown province with a matching check character. */
export function invalidResidentId(random: Random): string {
  const flaw = random.integer(0, 2);
  if (flaw === 0) {
    const valid = residentId(random);
    const wrong = '0123456789X'.replace(valid[17]!.toUpperCase(), '');
    return valid.slice(0, 17) + wrong[random.integer(0, wrong.length - 1)];
  }
  const date = flaw === 1 ? random.pick(['19800230', '19811301', '19900431', '20000000', '21990101']) : yyyymmdd(birthDate(random));
  const region = flaw === 1 ? random.pick(REGIONS) : random.pick(['990101', '000000', '190101', '600101']);
  const body = `${region}${date}${pad(random.integer(1, 999), 3)}`;
  return body + residentIdCheckCharacter(body);
}

/** A Chinese mobile number as 11 digits. */
export function mobileDigits(random: Random): string {
  return `1${random.integer(3, 9)}${pad(random.integer(0, 999_999_999), 9)}`;
}

/** The same in one of the ways people write it. */
export function mobile(random: Random): string {
  const d = mobileDigits(random);
  const [a, b, c] = [d.slice(0, 3), d.slice(3, 7), d.slice(7)];
  return random.pick([d, d, `${a} ${b} ${c}`, `${a}-${b}-${c}`, `+86 ${d}`, `+86-${a}-${b}-${c}`, `0086 ${d}`, `+86${d}`]);
}

export function internationalPhone(random: Random): string {
  const n = (digits: number): string => pad(random.integer(0, 10 ** digits - 1), digits);
  return random.pick([
    `+44 20 ${n(4)} ${n(4)}`, `+1 (415) 555-${n(4)}`, `+1 212-555-${n(4)}`, `+49 30 ${n(7)}`, `+81 3-${n(4)}-${n(4)}`,
    `+33 1 ${n(2)} ${n(2)} ${n(2)} ${n(2)}`, `+852 ${n(4)} ${n(4)}`,
  ]);
}

/** A dashed SSN that follows the assignment rules: area 001–899 without 666, group 01–99, serial 0001–9999. */
export function ssn(random: Random): string {
  let area = random.integer(1, 899);
  if (area === 666) area = 665;
  return `${pad(area, 3)}-${pad(random.integer(1, 99), 2)}-${pad(random.integer(1, 9999), 4)}`;
}

/** Dashed SSN shapes that were never assigned: area 000, 666 or 900–999, group 00, serial 0000. */
export function invalidSsn(random: Random): string {
  const [area, group, serial] = ssn(random).split('-') as [string, string, string];
  return random.pick([
    `000-${group}-${serial}`, `666-${group}-${serial}`, `${random.integer(900, 999)}-${group}-${serial}`,
    `${area}-00-${serial}`, `${area}-${group}-0000`,
  ]);
}

const GIVEN = ['wei', 'na', 'min', 'anna', 'john', 'yang', 'jing', 'maria', 'li', 'james', 'fang', 'emma'];
const FAMILY = ['wang', 'li', 'zhang', 'smith', 'garcia', 'liu', 'chen', 'jones', 'zhao', 'brown'];
const DOMAINS = ['example.com', '163.com', 'qq.com', 'hospital.org.cn', 'mail.example.co.uk'];

/** An e-mail address; `mobileLocalPart` allows `13812345678@163.com`, common in China (and a phone number too). */
export function email(random: Random, mobileLocalPart = true): string {
  const locals = [
    `${random.pick(GIVEN)}.${random.pick(FAMILY)}`, `${random.pick(FAMILY)}${random.integer(1, 9999)}`,
    `${random.pick(GIVEN)}_${random.pick(FAMILY)}+clinic`,
  ];
  const local = random.pick(mobileLocalPart ? [...locals, mobileDigits(random)] : locals);
  return `${local}@${random.pick(DOMAINS)}`;
}

export function englishName(random: Random): string {
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  return `${cap(random.pick(GIVEN))} ${cap(random.pick(FAMILY))}`;
}

export function chineseName(random: Random): string {
  return random.pick(['王', '李', '张', '刘', '陈', '赵']) + random.pick(['伟', '娜', '敏', '静', '磊', '洋', '芳', '军']) + (random.bernoulli(0.5) ? random.pick(['华', '明', '红']) : '');
}

export function address(random: Random): string {
  return random.pick([
    `${random.integer(1, 999)} ${random.pick(['Main', 'Oak', 'Park', 'Elm'])} Street, ${random.pick(['Springfield', 'Riverton', 'Fairview'])}`,
    `${random.pick(['北京市朝阳区', '上海市黄浦区', '成都市锦江区'])}${random.pick(['建国路', '南京东路', '春熙路'])}${random.integer(1, 300)}号`,
  ]);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date of birth with its keyword, English or Chinese, in one of several formats. */
export function dateOfBirthPhrase(random: Random): string {
  const { year, month, day } = birthDate(random);
  const [mm, dd] = [pad(month, 2), pad(day, 2)];
  return random.pick([
    `DOB ${year}-${mm}-${dd}`, `D.O.B.: ${dd}/${mm}/${year}`, `born ${day} ${MONTHS[month - 1]!.slice(0, 3)} ${year}`,
    `date of birth ${year}/${mm}/${dd}`, `Born on ${MONTHS[month - 1]} ${day}, ${year}`, `出生日期：${year}年${month}月${day}日`,
    `生日 ${year}-${mm}-${dd}`, `出生于${year}年${mm}月${dd}日`,
  ]);
}

/** A day-precise ISO birth date (a day other than the 1st, so the precision shows). */
export function isoBirthDate(random: Random): string {
  const { year, month, day } = birthDate(random);
  return `${year}-${pad(month, 2)}-${pad(Math.max(day, 2), 2)}`;
}

/** Values that look a little like identifiers and are not: codes, lab results, order numbers, non-birth dates. */
export function distractorText(random: Random): string {
  const d = (digits: number): string => pad(random.integer(0, 10 ** digits - 1), digits);
  return random.pick([
    `ORD-${2020 + random.integer(0, 5)}${d(4)}-${d(4)}`, `SO${mobileDigits(random)}`, `E11.9`, `2345-7`, `44054006`, `1118084`,
    `0002-3227-30`, `427.31`, `13.5 g/dL`, `HbA1c 6.5%`, `120/80 mmHg`, `eGFR 90 mL/min/1.73m2`, `WBC 7.2 x10^9/L`,
    `admitted 2021-${pad(random.integer(1, 12), 2)}-${pad(random.integer(1, 28), 2)}`, `visit on 04/05/2021`,
    `newborn screening on 2021-03-04`, `birth weight 3.2 kg, delivered 2021-03-04`, `入院日期2021年3月4日`, `出生体重3.2kg`,
    `barcode 6901234567892`, `lot ${d(10)}`, `batch 1${d(12)}`, `tel. ext 4021`, `+2 units`, `dose 5 mg + 10 mg`,
    invalidResidentId(random), invalidSsn(random), `ID ${invalidResidentId(random)}`, `ssn ${invalidSsn(random)}`,
  ]);
}
