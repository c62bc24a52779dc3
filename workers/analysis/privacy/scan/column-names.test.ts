import { describe, expect, it } from 'vitest';
import { kindFromName, nameWords, type NameKind } from './column-names.js';

const KINDS: Record<NameKind, string[]> = {
  person_name: [
    'name', 'Name', 'patient_name', 'PatientName', 'Patient Name', 'full_name', 'fullName', 'first_name', 'FIRST_NAME', 'last_name',
    'given_name', 'family_name', 'surname', 'middle_name', 'emergency_contact_name', 'mother_maiden_name', 'provider_name',
    'name_first', '姓名', '患者姓名', '病人姓名', '名字', '家属姓名',
  ],
  phone: [
    'phone', 'Phone Number', 'phone_no', 'tel', 'telephone', 'mobile', 'MobilePhone', 'cell', 'cell_phone', 'home_phone', 'work_tel_2',
    'contact_number', 'fax', 'patient_mobile_number', '电话', '手机', '手机号码', '联系电话', '联系方式',
  ],
  national_id: [
    'id_card', 'IDCard', 'IDCardNo', 'id_number', 'id_no', 'national_id', 'nationalId', 'resident_id', 'identity_card_number', 'passport_no',
    '身份证', '身份证号', '身份证号码', '证件号码', '患者身份证号',
  ],
  ssn: ['ssn', 'SSN', 'social_security_number', 'SocialSecurityNo', 'patient_ssn'],
  address: ['address', 'Address', 'home_address', 'address_1', 'address_line_2', 'street', 'street_address', 'mailing_address', '住址', '地址', '家庭住址', '居住地'],
  email: ['email', 'e_mail', 'e-mail', 'eMail', 'EMAIL_ADDRESS', 'contact_email', '邮箱', '电子邮件', '电子邮箱', '邮件地址'],
  record_number: ['mrn', 'MRN', 'medical_record_number', 'medical_record_no', 'patient_number', 'hospital_no', 'inpatient_number', 'chart_number', '病历号', '住院号', '病案号', '门诊号'],
  birth_date: ['dob', 'DOB', 'birth_date', 'birthDate', 'birthdate', 'date_of_birth', 'DateOfBirth', 'birth_datetime', 'birthday', 'patient_dob', '出生日期', '生日'],
  postcode: ['zip', 'ZIP', 'zipcode', 'zip_code', 'ZipCode', 'postcode', 'postal_code', 'zip3', '邮编', '邮政编码'],
};

/** Names of things, ids, years and other columns that must not be taken for identifiers. */
const NOT_IDENTIFIERS = [
  'concept_name', 'drug_name', 'care_site_name', 'vocabulary_name', 'product_name', 'domain_name', 'relationship_name', 'cdm_source_name',
  'concept_class_name', 'concept_synonym_name', 'drugname', 'prod_ai', '药品名称', '产品名称', '疾病名称',
  'person_id', 'patient_id', 'provider_id', 'caseid', 'primaryid', 'person_source_value', 'location_id', 'lot_num', 'mfr_num', 'auth_num',
  'year_of_birth', 'month_of_birth', 'day_of_birth', 'birth_weight', 'cell_type', 'white_cell_count', 'ip_address', 'mac_address',
  'telomere_length', 'hotel', 'record_id', 'case_number', 'phone_hash', 'address_id', 'zip_valid', 'reporter_country', 'city', 'state',
  'visit_date', 'condition_start_date', 'value_as_number', 'var1', 'strat1', 'id',
];

describe('kindFromName', () => {
  for (const [kind, names] of Object.entries(KINDS)) {
    it(`reads ${kind} from ${names.length} spellings`, () => {
      for (const name of names) expect([name, kindFromName(name)]).toEqual([name, kind]);
    });
  }

  it('takes no name of a thing, id, year or code for an identifier', () => {
    for (const name of NOT_IDENTIFIERS) expect([name, kindFromName(name)]).toEqual([name, null]);
  });
});

describe('nameWords', () => {
  it('splits snake_case, camelCase, acronyms, spaces, dashes and digits', () => {
    expect(nameWords('PatientName')).toEqual(['patient', 'name']);
    expect(nameWords('IDCardNo')).toEqual(['id', 'card', 'no']);
    expect(nameWords('home_phone2')).toEqual(['home', 'phone', '2']);
    expect(nameWords('e-Mail address')).toEqual(['e', 'mail', 'address']);
    expect(nameWords('DOB')).toEqual(['dob']);
  });
});
