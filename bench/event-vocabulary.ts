import type { Prng } from './prng.js';

export const EVENT_COUNT = 3_000;

/** The terms every FAERS screen meets at the top of its counts; they get the most frequent ranks. */
const COMMON_TERMS = [
  'Drug ineffective', 'Off label use', 'Fatigue', 'Nausea', 'Headache', 'Death', 'Diarrhoea', 'Dyspnoea', 'Pain',
  'Dizziness', 'Vomiting', 'Pyrexia', 'Arthralgia', 'Rash', 'Pruritus', 'Malaise', 'Asthenia', 'Insomnia', 'Anxiety',
  'Pneumonia', 'Product use issue', 'Condition aggravated', 'Weight decreased', 'Hypertension', 'Fall',
];
const SITES = [
  'Hepatic', 'Renal', 'Cardiac', 'Pulmonary', 'Gastric', 'Intestinal', 'Skin', 'Muscle', 'Joint', 'Bone', 'Eye',
  'Ear', 'Nasal', 'Oral', 'Throat', 'Bladder', 'Pancreatic', 'Thyroid', 'Adrenal', 'Splenic', 'Vascular', 'Arterial',
  'Venous', 'Lymph node', 'Breast', 'Ovarian', 'Uterine', 'Prostatic', 'Testicular', 'Cerebral', 'Spinal', 'Nerve',
  'Back', 'Neck', 'Chest', 'Abdominal', 'Pelvic', 'Limb', 'Hand', 'Foot', 'Facial', 'Gingival', 'Tongue', 'Lip',
  'Oesophageal', 'Rectal', 'Anal', 'Biliary', 'Gallbladder', 'Pleural', 'Pericardial', 'Peritoneal', 'Retinal',
  'Corneal', 'Vitreous', 'Tendon', 'Ligament', 'Cartilage', 'Scalp', 'Nail', 'Injection site', 'Infusion site',
];
const CONDITIONS = [
  'pain', 'disorder', 'failure', 'injury', 'haemorrhage', 'infection', 'inflammation', 'oedema', 'swelling',
  'neoplasm', 'cyst', 'necrosis', 'fibrosis', 'atrophy', 'hypertrophy', 'ulcer', 'abscess', 'stenosis', 'obstruction',
  'perforation', 'rupture', 'discomfort', 'dysfunction', 'impairment', 'toxicity', 'ischaemia', 'infarction',
  'thrombosis', 'embolism', 'calcification', 'enlargement', 'lesion', 'mass', 'erosion', 'fistula', 'spasm',
  'irritation', 'hypersensitivity', 'discolouration', 'deformity', 'insufficiency', 'congestion', 'hyperplasia',
  'pruritus', 'rash', 'erythema', 'hypoaesthesia', 'weakness', 'stiffness', 'abnormal',
];

/** `EVENT_COUNT` distinct MedDRA-like preferred terms, most frequent first (their order is their rank). */
export function eventVocabulary(r: Prng): string[] {
  const combined = SITES.flatMap((site) => CONDITIONS.map((condition) => `${site} ${condition}`));
  for (let i = combined.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [combined[i], combined[j]] = [combined[j]!, combined[i]!];
  }
  const terms = [...COMMON_TERMS, ...combined].slice(0, EVENT_COUNT);
  if (terms.length < EVENT_COUNT) throw new Error(`only ${terms.length} event terms; ${EVENT_COUNT} are needed`);
  return terms;
}
