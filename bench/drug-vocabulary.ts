import type { Prng } from './prng.js';

/** One made-up medicine, as FAERS spells it in its DRUG file. */
export interface Drug {
  /** Active ingredient, e.g. `ZOLAVETINIB`. */
  ingredient: string;
  /** The ingredient as sold: with a salt word for some drugs (`ZOLAVETINIB SODIUM`). */
  generic: string;
  /** What FDA fills into `prod_ai`: the generic, or two of them joined by `\` for a combination product. */
  prodAi: string;
  /** Trade name, e.g. `ZOLAVEX`. */
  brand: string;
  /** The two strengths it is sold in, mg: reported doses and names such as `ZOLAVETINIB 20 MG` use them. */
  strengths: [number, number];
}

export const DRUG_COUNT = 2_000;
const SALT_SHARE = 0.2;
const COMBINATION_SHARE = 0.03;

const SYLLABLES = [
  'ZO', 'LA', 'VE', 'TI', 'MA', 'RO', 'CE', 'FE', 'NI', 'PRA', 'DU', 'XI', 'BE', 'SA', 'TO', 'LU', 'MI', 'DA', 'QUI',
  'PE', 'GA', 'RI', 'NO', 'CA', 'SE', 'VO', 'TRA', 'BRI', 'DE', 'FLU', 'HY', 'KE', 'MO', 'NE', 'PO', 'RA', 'SU', 'TE',
];
/** Endings of international non-proprietary names. */
const STEMS = [
  'MAB', 'TINIB', 'PRIL', 'SARTAN', 'OLOL', 'STATIN', 'AZOLE', 'CYCLINE', 'FLOXACIN', 'ZEPAM', 'DRONATE', 'GLIPTIN',
  'FLOZIN', 'VIR', 'DIPINE', 'SETRON', 'TIDINE', 'PRAZOLE', 'CAINE', 'OXETINE', 'LUTAMIDE', 'PARIN', 'GRASTIM',
  'SONIDE', 'TRIPTAN', 'LUKAST', 'CILLIN', 'CEF', 'RELIN', 'PIDEM',
];
const BRAND_ENDINGS = ['EX', 'A', 'ON', 'IQ', 'RA', 'YL', 'IS', 'O', 'ENZ', 'AX', 'ITY', 'UM'];
const STRENGTHS = [1, 2.5, 5, 10, 20, 25, 40, 50, 100, 150, 200, 250, 500, 1000];
const SALTS = ['SODIUM', 'HYDROCHLORIDE', 'POTASSIUM', 'MESYLATE', 'SULFATE', 'CALCIUM', 'MALEATE', 'ACETATE'];

/** `DRUG_COUNT` distinct drugs, most popular first (their order is their popularity rank). */
export function drugVocabulary(r: Prng): Drug[] {
  const taken = new Set<string>();
  const fresh = (make: () => string): string => {
    for (;;) {
      const name = make();
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };
  const syllables = (n: number): string => Array.from({ length: n }, () => r.pick(SYLLABLES)).join('');
  const ingredients = Array.from({ length: DRUG_COUNT }, () => fresh(() => syllables(1 + r.int(3)) + r.pick(STEMS)));
  const generics = ingredients.map((ingredient) => (r.chance(SALT_SHARE) ? `${ingredient} ${r.pick(SALTS)}` : ingredient));
  return ingredients.map((ingredient, i) => {
    const partner = generics[r.int(DRUG_COUNT)]!;
    const combination = r.chance(COMBINATION_SHARE) && partner !== generics[i];
    return {
      ingredient,
      generic: generics[i]!,
      prodAi: combination ? `${generics[i]}\\${partner}` : generics[i]!,
      brand: fresh(() => syllables(2) + r.pick(BRAND_ENDINGS)),
      strengths: [r.pick(STRENGTHS), r.pick(STRENGTHS)],
    };
  });
}
