/**
 * Test support: a seeded table of identifiers planted at known rows, among look-alikes that must not count,
 * and the ledger of what was planted where (the recall test compares the scan's counts with it).
 */
import { createHash, createHmac } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnFinding, FindingKind } from '../../../engine/api.js';
import { Random } from '../../../../samples/generate/random.js';
import { isValidResidentId } from './cn-resident-id.js';
import { quoteIdentifier } from '../../../db/quote.js';
import {
  address, chineseName, dateOfBirthPhrase, distractorText, email, englishName, internationalPhone, invalidResidentId,
  isoBirthDate, mobile, mobileDigits, residentId, ssn,
} from './planted-values.js';

export interface Planted {
  kind: FindingKind;
  evidence: ColumnFinding['evidence'];
  /** Rows that hold it (for `name` evidence: the non-null rows). */
  rows: number;
}

export interface PlantedColumn {
  name: string;
  type: string;
  values: (string | null)[];
  /** What the scan must find in this column, and nothing else. */
  planted: Planted[];
  /** The identifiers written into the column (whole values or inside text), for the masking checks. */
  identifiers: string[];
}

type Maker = (random: Random, row: number) => string | null;

/** Counts what a maker plants: it calls `plant(kind)` for each identifier it writes into a row. */
class Ledger {
  readonly counts = new Map<string, number>();
  readonly identifiers: string[] = [];
  plant(kind: FindingKind, evidence: 'content' | 'free_text', identifier: string): string {
    const key = `${kind}/${evidence}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.identifiers.push(identifier);
    return identifier;
  }
}

function column(name: string, type: string, rows: number, random: Random, make: (ledger: Ledger) => Maker, named?: FindingKind): PlantedColumn {
  const ledger = new Ledger();
  const maker = make(ledger);
  const stream = random.fork(name);
  const values = Array.from({ length: rows }, (_, row) => maker(stream, row));
  const planted: Planted[] = [...ledger.counts].map(([key, count]) => {
    const [kind, evidence] = key.split('/') as [FindingKind, 'content' | 'free_text'];
    return { kind, evidence, rows: count };
  });
  if (named) planted.unshift({ kind: named, evidence: 'name', rows: values.filter((v) => v !== null).length });
  return { name, type, values, planted, identifiers: ledger.identifiers };
}

/** Every value an identifier (2 % nulls); `byContent` when the scan must also recognise the values themselves. */
function whole(value: (random: Random) => string, byContent: FindingKind | null) {
  return (ledger: Ledger): Maker => (random) => {
    if (random.bernoulli(0.02)) return null;
    const v = value(random);
    if (byContent) ledger.plant(byContent, 'content', v);
    return v;
  };
}

/** Half the rows an identifier (whole value), half look-alikes. */
function mixed(kind: FindingKind, value: (random: Random) => string, other: (random: Random) => string = distractorText) {
  return (ledger: Ledger): Maker => (random) => {
    return random.bernoulli(0.5) ? ledger.plant(kind, 'content', value(random)) : other(random);
  };
}

/** A kind, its identifier and the sentence around it. */
type Template = [FindingKind, (r: Random) => string, (identifier: string) => string];

const ENGLISH_NOTE: Template[] = [
  ['national_id', residentId, (v) => `ID card ${v} checked`],
  ['phone', (r) => (r.bernoulli(0.7) ? mobile(r) : internationalPhone(r)), (v) => `asked to call ${v}, if worse`],
  ['ssn', ssn, (v) => `SSN ${v} on file`],
  ['email', (r) => email(r, false), (v) => `results sent to ${v}.`],
  ['birth_date', dateOfBirthPhrase, (v) => `${v}, lives alone`],
];
const CHINESE_NOTE: Template[] = [
  ['national_id', residentId, (v) => `身份证号${v}，已核对`],
  ['phone', mobile, (v) => `手机${v}，随访`],
  ['ssn', ssn, (v) => `美国社保号${v}。`],
  ['email', (r) => email(r, false), (v) => `邮箱${v}，已发送报告`],
  ['birth_date', dateOfBirthPhrase, (v) => `${v}，独居`],
];

/** Free text: 30 % of rows carry one identifier (a tenth of those a second of another kind), 40 % a look-alike. */
function notes(templates: Template[], opening: string, closing: string) {
  return (ledger: Ledger): Maker => (random) => {
    const draw = random.uniform();
    if (draw < 0.3) {
      const picked = random.shuffle([...templates]).slice(0, random.bernoulli(0.1) ? 2 : 1);
      const sentences = picked.map(([kind, identifier, sentence]) => sentence(ledger.plant(kind, 'free_text', identifier(random))));
      return `${opening} ${sentences.join('; ')} ${closing}`;
    }
    return draw < 0.7 ? `${opening} ${distractorText(random)}, ${closing}` : `${opening} ${closing}`;
  };
}

const constant = (value: (random: Random) => string | null) => (): Maker => (random) => value(random);
const hex = (algorithm: string, random: Random): string => createHash(algorithm).update(String(random.uint32())).digest('hex');
const uuid = (random: Random): string => hex('md5', random).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
const bigNumber = (random: Random): string => String(random.pick([random.integer(1, 99_999), 1_000_000_000 + random.integer(0, 8_999_999_999), 200_000_000_000 + random.integer(0, 99_999_999_999)]));

/** The planted `patients` table: identifiers by name and by content, free text, look-alikes, keys and gates. */
export function plantedColumns(seed: number, rows: number): PlantedColumn[] {
  const random = new Random(seed, 'planted');
  const c = (name: string, type: string, make: (ledger: Ledger) => Maker, named?: FindingKind): PlantedColumn => column(name, type, rows, random, make, named);
  return [
    c('person_id', 'BIGINT', constant((r) => String(r.integer(1, 1e9)))),
    c('patient_name', 'VARCHAR', whole(englishName, null), 'person_name'),
    c('姓名', 'VARCHAR', whole(chineseName, null), 'person_name'),
    c('身份证号', 'VARCHAR', whole(residentId, 'national_id'), 'national_id'),
    c('MobilePhone', 'VARCHAR', whole(mobile, 'phone'), 'phone'),
    c('联系电话', 'VARCHAR', whole((r) => (r.bernoulli(0.7) ? mobile(r) : internationalPhone(r)), 'phone'), 'phone'),
    c('e-mail', 'VARCHAR', whole(email, 'email'), 'email'),
    c('电子邮件', 'VARCHAR', whole(email, 'email'), 'email'),
    c('SSN', 'VARCHAR', whole(ssn, 'ssn'), 'ssn'),
    c('social_security_number', 'VARCHAR', whole((r) => ssn(r).replaceAll('-', ''), 'ssn'), 'ssn'),
    c('home_address', 'VARCHAR', whole(address, null), 'address'),
    c('家庭住址', 'VARCHAR', whole(address, null), 'address'),
    c('mrn', 'VARCHAR', whole((r) => `A${r.integer(1_000_000, 9_999_999)}`, null), 'record_number'),
    c('病历号', 'VARCHAR', whole((r) => String(r.integer(10_000_000, 99_999_999)), null), 'record_number'),
    c('date_of_birth', 'DATE', whole(isoBirthDate, null), 'birth_date'),
    c('出生日期', 'VARCHAR', whole(isoBirthDate, null), 'birth_date'),
    c('zip', 'VARCHAR', whole((r) => String(r.integer(10_000, 999_999)), null), 'postcode'),
    c('邮编', 'INTEGER', whole((r) => String(r.integer(100_000, 999_999)), null), 'postcode'),
    c('field_a', 'VARCHAR', mixed('national_id', residentId)),
    c('field_b', 'VARCHAR', mixed('phone', (r) => (r.bernoulli(0.8) ? mobile(r) : internationalPhone(r)))),
    c('field_c', 'VARCHAR', mixed('ssn', ssn)),
    c('field_d', 'VARCHAR', mixed('email', email)),
    c('value_x', 'BIGINT', mixed('phone', mobileDigits, bigNumber)),
    c('value_y', 'BIGINT', mixed('national_id', (r) => residentIdWithoutX(r), invalidNumericResidentId)),
    c('notes', 'VARCHAR', notes(ENGLISH_NOTE, 'Follow-up visit.', 'Plan: continue metformin.')),
    c('病程记录', 'VARCHAR', notes(CHINESE_NOTE, '患者复诊。', '继续原方案治疗。')),
    c('misc', 'VARCHAR', constant(distractorText)),
    c('order_no', 'VARCHAR', constant((r) => `ORD-${r.integer(2020, 2025)}${String(r.integer(0, 9999)).padStart(4, '0')}-${r.integer(1000, 9999)}`)),
    c('lab_result', 'VARCHAR', constant((r) => r.pick(['5.6 mmol/L', '13.5 g/dL', '120/80 mmHg', 'HbA1c 6.5%', 'negative', '++']))),
    c('concept_code', 'VARCHAR', constant((r) => r.pick(['E11.9', '2345-7', '44054006', '1118084', 'C0011849', '0002-3227-30', '427.31']))),
    c('concept_name', 'VARCHAR', constant((r) => r.pick(['Type 2 diabetes mellitus', 'Gastrointestinal hemorrhage', 'Essential hypertension']))),
    c('drug_name', 'VARCHAR', constant((r) => r.pick(['celecoxib 200 MG Oral Capsule', 'metformin', 'warfarin 5 MG']))),
    c('care_site_name', 'VARCHAR', constant((r) => r.pick(['Springfield General Hospital', 'Riverton Clinic']))),
    c('药品名称', 'VARCHAR', constant((r) => r.pick(['阿司匹林肠溶片', '二甲双胍', '华法林钠片']))),
    c('visit_date', 'DATE', constant((r) => `20${r.integer(10, 23)}-0${r.integer(1, 9)}-${r.integer(10, 28)}`)),
    c('order_number', 'BIGINT', constant((r) => String(2_024_000_000_000 + r.integer(0, 999_999_999)))),
    c('amount', 'DOUBLE', constant((r) => (r.uniform() * 1000).toFixed(2))),
    c('person_uuid', 'VARCHAR', whole(uuid, 'pseudonymous_key')),
    c('hashed_id', 'VARCHAR', whole((r) => hex('sha256', r).toUpperCase(), 'pseudonymous_key')),
    c('phone', 'VARCHAR', whole((r) => createHmac('sha256', 'workspace secret').update(mobileDigits(r)).digest('hex'), 'pseudonymous_key')),
    c('visit_uuid', 'UUID', whole(uuid, 'pseudonymous_key')),
    c('dob', 'DATE', constant((r) => `${r.integer(1940, 2005)}-${String(r.integer(1, 12)).padStart(2, '0')}-01`)),
    c('zip3', 'VARCHAR', constant((r) => String(r.integer(100, 999)))),
    c('surname', 'VARCHAR', constant(() => null)),
    c('email', 'BOOLEAN', constant((r) => String(r.bernoulli(0.5)))),
  ];
}

/** An invalid resident ID that is all digits (and stays invalid once an `X` is replaced). */
function invalidNumericResidentId(random: Random): string {
  for (;;) {
    const id = invalidResidentId(random).replace(/[Xx]$/, '0');
    if (!isValidResidentId(id)) return id;
  }
}

function residentIdWithoutX(random: Random): string {
  for (;;) {
    const id = residentId(random);
    if (!/[Xx]$/.test(id)) return id;
  }
}

/** Writes the columns into `table` (VARCHAR through an appender, then cast to each column's type). */
export async function writePlantedTable(connection: DuckDBConnection, table: string, columns: PlantedColumn[]): Promise<void> {
  const staging = quoteIdentifier(`${table}_staging`);
  await connection.run(`CREATE TABLE ${staging} (${columns.map((c) => `${quoteIdentifier(c.name)} VARCHAR`).join(', ')})`);
  const appender = await connection.createAppender(`${table}_staging`);
  const rows = columns[0]?.values.length ?? 0;
  for (let row = 0; row < rows; row++) {
    for (const c of columns) {
      const value = c.values[row];
      if (value === null || value === undefined) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
  const casts = columns.map((c) => `CAST(${quoteIdentifier(c.name)} AS ${c.type}) AS ${quoteIdentifier(c.name)}`);
  await connection.run(`CREATE TABLE ${quoteIdentifier(table)} AS SELECT ${casts.join(', ')} FROM ${staging}`);
  await connection.run(`DROP TABLE ${staging}`);
}
