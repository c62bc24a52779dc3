import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed synthetic FAERS quarters (24Q1, 24Q2); samples/README.md documents their true counts. */
export const SAMPLE_FAERS = fileURLToPath(new URL('../../../../samples/small/faers/', import.meta.url));

export const HEADERS = {
  DEMO: 'primaryid$caseid$caseversion$i_f_code$event_dt$mfr_dt$init_fda_dt$fda_dt$rept_cod$auth_num$mfr_num$mfr_sndr$lit_ref$age$age_cod$age_grp$sex$e_sub$wt$wt_cod$rept_dt$to_mfr$occp_cod$reporter_country$occr_country',
  DRUG: 'primaryid$caseid$drug_seq$role_cod$drugname$prod_ai$val_vbm$route$dose_vbm$cum_dose_chr$cum_dose_unit$dechal$rechal$lot_num$exp_dt$nda_num$dose_amt$dose_unit$dose_form$dose_freq',
  REAC: 'primaryid$caseid$pt$drug_rec_act',
  OUTC: 'primaryid$caseid$outc_cod',
} as const;

/** A FAERS file as FDA writes it: header, CRLF line ends, Latin-1 bytes. */
export function faersText(header: string, rows: string[]): Buffer {
  return Buffer.from([header, ...rows].map((line) => `${line}\r\n`).join(''), 'latin1');
}

/** A DEMO row from the fields that matter; the rest are left empty. */
export function demoRow(f: { primaryid: number; caseid: number; version: number; fdaDate: string; age?: string; ageCode?: string; sex?: string; eventDate?: string }): string {
  const fields = Array<string>(25).fill('');
  fields[0] = String(f.primaryid);
  fields[1] = String(f.caseid);
  fields[2] = String(f.version);
  fields[4] = f.eventDate ?? '';
  fields[6] = f.fdaDate;
  fields[7] = f.fdaDate;
  fields[8] = 'EXP';
  fields[13] = f.age ?? '';
  fields[14] = f.ageCode ?? '';
  fields[16] = f.sex ?? '';
  fields[22] = 'MD';
  fields[23] = 'US';
  fields[24] = 'US';
  return fields.join('$');
}

export function drugRow(primaryid: number, seq: number, role: string, name: string, ingredient = ''): string {
  const fields = Array<string>(20).fill('');
  [fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]] = [String(primaryid), String(Math.floor(primaryid / 10)), String(seq), role, name, ingredient];
  return fields.join('$');
}

export function reacRow(primaryid: number, pt: string): string {
  return `${primaryid}$${Math.floor(primaryid / 10)}$${pt}$`;
}

/** Copies the sample quarters into `folder` (optionally under a subfolder), returning the target folder. */
export function copySampleQuarters(folder: string, subfolder = ''): string {
  const target = join(folder, subfolder);
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(SAMPLE_FAERS)) writeFileSync(join(target, name), readFileSync(join(SAMPLE_FAERS, name)));
  return target;
}

/** Writes files given by relative path under `folder`. */
export function writeFiles(folder: string, files: Record<string, Buffer | string>): string {
  for (const [relative, content] of Object.entries(files)) {
    const path = join(folder, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return folder;
}
