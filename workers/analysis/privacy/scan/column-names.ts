/**
 * What a column's name says it holds. English names are split into words (snake_case, camelCase, spaces,
 * digits) and must END with a known phrase, preceded only by words that say whose value it is
 * (`patient_name`, `home_phone_number`, `emergency_contact_name`); `concept_name` or `drug_name` end with
 * `name` but `concept` and `drug` are not such words, so names of things do not count. Chinese names are
 * compound words and are matched by the terms they contain (`患者姓名` holds `姓名`; `药品名称` does not).
 */
import type { DirectIdentifierKind, QuasiIdentifierKind } from '../../../engine/api.js';

export type NameKind = DirectIdentifierKind | QuasiIdentifierKind;

/** Number suffixes that may follow any phrase: `phone_number`, `id_no`, `mrn_num`. */
const NUMBER_WORDS = ['number', 'no', 'num', 'nr', 'nbr'];

/** `patient` → patient_number, patient_no, …: phrases that only count with a number word. */
function numbered(phrases: string[]): string[] {
  return phrases.flatMap((p) => NUMBER_WORDS.map((n) => `${p}_${n}`));
}

function withNumber(phrases: string[]): string[] {
  return [...phrases, ...numbered(phrases)];
}

/** English phrases (words joined by `_`) per kind; the column name must end with one of them. */
const ENGLISH: Record<NameKind, string[]> = {
  person_name: [
    'name', 'full_name', 'fullname', 'first_name', 'firstname', 'last_name', 'lastname', 'given_name', 'givenname',
    'family_name', 'familyname', 'surname', 'forename', 'middle_name', 'maiden_name', 'name_first', 'name_last',
    'name_full',
  ],
  phone: withNumber(['phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'mobile_phone', 'cell_phone', 'fax'])
    .concat(numbered(['contact'])),
  national_id: withNumber([
    'id_card', 'idcard', 'identity_card', 'national_id', 'nationalid', 'resident_id', 'citizen_id', 'passport',
  ]).concat(['id_number', 'id_no', 'idno', 'identity_number', 'identification_number']),
  ssn: withNumber(['ssn', 'social_security', 'social_security_card']),
  address: ['address', 'addr', 'street', 'street_address', 'address_line', 'street_name'],
  email: ['email', 'e_mail', 'email_address', 'e_mail_address', 'mail_address'],
  record_number: ['mrn', ...numbered(['mrn', 'medical_record', 'health_record', 'patient', 'hospital', 'inpatient', 'outpatient', 'admission', 'chart'])],
  birth_date: ['dob', 'birth_date', 'birthdate', 'date_of_birth', 'birth_datetime', 'birth_time', 'birthday', 'datetime_of_birth'],
  postcode: ['zip', 'zipcode', 'zip_code', 'postcode', 'post_code', 'postal_code', 'postalcode'],
};

/**
 * Words that may come before a phrase: whose value it is (`patient`, `mother`, `emergency contact`) or
 * which of several (`home`, `primary`). Kept short on purpose: anything else makes it a thing's name.
 */
const OWNER_WORDS = new Set([
  'patient', 'patients', 'pt', 'pat', 'person', 'subject', 'participant', 'member', 'client', 'customer', 'user',
  'contact', 'emergency', 'mother', 'father', 'parent', 'guardian', 'spouse', 'partner', 'relative', 'next', 'of', 'kin',
  'provider', 'physician', 'doctor', 'nurse', 'caregiver', 'reporter', 'informant', 'legal',
  'home', 'work', 'office', 'business', 'personal', 'private', 'primary', 'secondary', 'alternate', 'alt', 'other',
  'current', 'previous', 'prev', 'permanent', 'residential', 'residence', 'mailing', 'postal', 'billing', 'full',
]);

/** Words that may come after a phrase: a position (`address_1`) or a plain-text marker. */
const TRAILING_WORDS = /^(\d+|raw|text|str|string|value|plain|orig|original)$/;

/** Chinese terms per kind, in the order they are tried (e-mail before address: `邮件地址` is an e-mail). */
const CHINESE: [NameKind, RegExp][] = [
  ['email', /邮箱|电子邮件|邮件地址|电邮/],
  ['person_name', /姓名|名字|^姓$|^名$/],
  ['phone', /电话|手机|联系方式|传真/],
  ['national_id', /身份证|证件号|护照/],
  ['address', /住址|地址|住所|居住地/],
  ['record_number', /病历号|住院号|病案号|门诊号|就诊卡号/],
  ['birth_date', /出生日期|出生年月日|出生时间|生日/],
  ['postcode', /邮编|邮政编码/],
];

/** `PatientName` → patient name; `home_phone2` → home phone 2; `IDCard` → id card; `e-Mail` → e mail. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const PHRASE_KIND = new Map<string, NameKind>(
  (Object.entries(ENGLISH) as [NameKind, string[]][]).flatMap(([kind, phrases]) => phrases.map((p) => [p, kind] as const)),
);

/** The kind of value a column name announces, or null when it announces none. */
export function kindFromName(name: string): NameKind | null {
  for (const [kind, pattern] of CHINESE) if (pattern.test(name)) return kind;
  const words = nameWords(name);
  while (words.length > 1 && TRAILING_WORDS.test(words[words.length - 1]!)) words.pop();
  for (let start = 0; start < words.length; start++) {
    const kind = PHRASE_KIND.get(words.slice(start).join('_'));
    if (kind && words.slice(0, start).every((w) => OWNER_WORDS.has(w))) return kind;
  }
  return null;
}
