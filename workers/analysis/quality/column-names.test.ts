import { describe, expect, it } from 'vitest';
import { codeSystemOfName, isAgeName, isNonNegativeName, nameWords, startEndPairs } from './column-names.js';

describe('column names', () => {
  it('splits names into words at separators and camelCase humps', () => {
    expect(nameWords('patientAge_years')).toEqual(['patient', 'age', 'years']);
    expect(nameWords('AGE-AT-ONSET')).toEqual(['age', 'at', 'onset']);
    expect(nameWords('ATCCode')).toEqual(['atc', 'code']);
    expect(nameWords('年龄')).toEqual(['年龄']);
  });

  it('takes ages in years, not ages in other units, age codes or bands, nor words that contain "age"', () => {
    const ages = ['age', 'Age', 'patient_age', 'ageYears', 'age_years', 'age_at_diagnosis', '年龄', '患者年龄'];
    const notAges = ['page', 'stage', 'dosage', 'age_months', 'age_cod', 'age_band', 'age_group', 'ageGrp', 'image_id'];
    expect(ages.filter(isAgeName)).toEqual(ages);
    expect(notAges.filter(isAgeName)).toEqual([]);
  });

  it('takes quantities, doses and amounts (and ages) as values that cannot be negative', () => {
    const amounts = ['quantity', 'qty', 'daily_dose', 'doseMg', 'dosage', 'amount_paid', 'days_supply', 'refills', 'age', '剂量', '数量'];
    const others = ['value', 'temperature', 'result', 'change_from_baseline', 'z_score'];
    expect(amounts.filter(isNonNegativeName)).toEqual(amounts);
    expect(others.filter(isNonNegativeName)).toEqual([]);
  });

  it('names the code system a column says it holds', () => {
    const names = ['icd10', 'ICD10CM', 'icd_10_code', 'dx_icd-10', 'atc', 'atc_code', 'ATCCode', 'loinc', 'loinc_num', 'LOINCCode', 'icd9', 'catalog', 'latch'];
    expect(names.map(codeSystemOfName)).toEqual(['icd10', 'icd10', 'icd10', 'icd10', 'atc', 'atc', 'atc', 'loinc', 'loinc', 'loinc', null, null, null]);
  });

  it('pairs temporal start and end columns by name, and only temporal ones', () => {
    const columns = [
      { name: 'start_date', type: 'DATE' }, { name: 'end_date', type: 'DATE' },
      { name: 'drug_exposure_start_datetime', type: 'TIMESTAMP' }, { name: 'drug_exposure_end_datetime', type: 'TIMESTAMP' },
      { name: 'startTime', type: 'TIMESTAMP' }, { name: 'endTime', type: 'TIMESTAMP' },
      { name: 'start_code', type: 'VARCHAR' }, { name: 'end_code', type: 'VARCHAR' },
      { name: 'start_only', type: 'DATE' },
    ];
    expect(startEndPairs(columns)).toEqual([
      { start: 'start_date', end: 'end_date' },
      { start: 'drug_exposure_start_datetime', end: 'drug_exposure_end_datetime' },
      { start: 'startTime', end: 'endTime' },
    ]);
  });
});
