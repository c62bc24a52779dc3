#!/usr/bin/env bash
# Reference numbers for the variant statistics and association tests, from PLINK 1.9 and bcftools
# (Debian packages: apt-get install -y plink1.9 bcftools) and from exact_reference.py (python3 with
# numpy and scipy). Writes everything under out/; the outputs are committed, so the tests need none of
# these tools. Run from anywhere: bash workers/analysis/genetics/reference/make_reference.sh
#
# PLINK conventions used (see README.md):
#   --keep-allele-order   A1 is the ALT allele (PLINK's default makes A1 the minor allele); F_A, F_U, OR,
#                         MAF and GENO are then about ALT, as ours are
#   --vcf-half-call missing  './1' is missing (PLINK's default is to stop with an error)
#   --allow-no-sex        the .fam has no sexes; every file here is autosomal
#   multi-allelic records are split first (bcftools norm -m -any): PLINK 1.9 cannot hold them
#   (by default it keeps the most common ALT and sets the others to missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/data"
out="$here/out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

plink1.9 --version | head -1 > "$out/VERSIONS.txt"
bcftools --version | head -1 >> "$out/VERSIONS.txt"
python3 -c 'import sys, numpy, scipy; print("python", sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__)' >> "$out/VERSIONS.txt"

# name | VCF | phenotype file (ours) | phenotype format
datasets=(
  "hail_sample|hail_sample.100s.chr20.vcf.bgz|hail_sample.pheno.tsv|words"
  "chr22_100s|bio2zarr_1kg2020_chr22.100s.vcf.gz|chr22_100s.pheno.csv|ones"
  "hail_sample2|hail_sample2.100s.chr22.multiallelic.gt.vcf.gz|hail_sample2.pheno.txt|plink"
  "hwe_test|hail_HWE_test.vcf|hwe_test.pheno.tsv|ones"
  "casecontrol|hail_casecontrolcount.vcf|casecontrol.pheno.tsv|ones"
)

# Phenotypes are made once, deterministically from the sample names (SHA-256, first byte < 128 = case),
# with a few unknowns; they are committed, and only written when missing.
make_phenotype() {
  local vcf="$1" file="$2" format="$3"
  [[ -f "$data/$file" ]] && return
  bcftools query -l "$data/$vcf" > "$work/samples.txt"
  python3 - "$data/$file" "$format" "$work/samples.txt" <<'PY'
import hashlib, sys
path, fmt, listed = sys.argv[1], sys.argv[2], sys.argv[3]
samples = [l.strip() for l in open(listed) if l.strip()]
words = {'words': ('case', 'control', 'NA'), 'ones': ('1', '0', 'NA'), 'plink': ('2', '1', '-9')}[fmt]
sep = ',' if path.endswith('.csv') else '\t'
with open(path, 'w') as f:
    if fmt == 'words':
        f.write(f'sample{sep}status\n')
    for i, s in enumerate(samples):
        unknown = len(samples) > 10 and i % 37 == 5
        case = hashlib.sha256(s.encode()).digest()[0] < 128
        f.write(f'{s}{sep}{words[2] if unknown else words[0] if case else words[1]}\n')
PY
}

with_contigs() {
  local text
  text="$(if [[ "$1" == *gz ]]; then zcat "$1"; else cat "$1"; fi)"
  awk -v chroms="$(grep -v '^#' <<< "$text" | cut -f1 | uniq | sort -u | tr '\n' ' ')" '
    BEGIN { n = split(chroms, list, " ") }
    /^##contig=<ID=/ { id = $0; sub(/^##contig=<ID=/, "", id); sub(/[,>].*/, "", id); declared[id] = 1 }
    /^#CHROM/ { for (i = 1; i <= n; i++) if (!(list[i] in declared)) print "##contig=<ID=" list[i] ">" }
    { print }' <<< "$text"
}

for entry in "${datasets[@]}"; do
  IFS='|' read -r name vcf pheno format <<< "$entry"
  make_phenotype "$vcf" "$pheno" "$format"

  # Split multi-allelic records (a no-op for biallelic files) into a VCF PLINK and bcftools both read;
  # bcftools needs a ##contig line for every chromosome, which some of these files lack.
  with_contigs "$data/$vcf" > "$work/$name.vcf"
  bcftools norm -m -any "$work/$name.vcf" -Ov -o "$work/$name.split.vcf" 2> /dev/null

  # PLINK's phenotype file: FID IID 2/1/-9 (with --double-id, FID = IID = the VCF sample name).
  python3 - "$data/$pheno" "$work/$name.plink.pheno" <<'PY'
import sys
src, dst = sys.argv[1], sys.argv[2]
rows = [l.rstrip('\n\r').replace(',', '\t').split('\t') for l in open(src) if l.strip()]
plink = any(r[1] == '2' for r in rows)
code = {'case': '2', 'control': '1'} if not plink else {}
with open(dst, 'w') as f:
    for sample, value in ((r[0], r[1].strip().lower()) for r in rows):
        if value in ('status',):
            continue
        if plink:
            v = value if value in ('1', '2') else '-9'
        else:
            v = {'case': '2', 'control': '1', '1': '2', '0': '1'}.get(value, '-9')
        f.write(f'{sample}\t{sample}\t{v}\n')
PY

  common=(--vcf "$work/$name.split.vcf" --double-id --keep-allele-order --vcf-half-call missing
          --allow-no-sex --allow-extra-chr --pheno "$work/$name.plink.pheno" --silent)
  plink1.9 "${common[@]}" --freq --hardy --assoc --ci 0.95 --out "$work/$name"
  plink1.9 "${common[@]}" --assoc fisher --out "$work/$name"
  plink1.9 "${common[@]}" --model --out "$work/$name"
  for ext in frq hwe assoc assoc.fisher; do
    cp "$work/$name.$ext" "$out/$name.$ext"
  done
  # Of --model's five tests only TREND is ours (ALLELIC repeats --assoc).
  awk 'NR == 1 || $5 == "TREND"' "$work/$name.model" > "$out/$name.model"

  # bcftools: AC and AN over every sample, per split record.
  bcftools +fill-tags "$work/$name.split.vcf" -- -t AC,AN 2> /dev/null \
    | bcftools query -f '%CHROM\t%POS\t%REF\t%ALT\t%INFO/AC\t%INFO/AN\n' > "$out/$name.bcftools_ac_an.tsv"

  python3 "$here/exact_reference.py" "$data/$vcf" "$data/$pheno" "$out/$name.exact.tsv"
done
gzip -n -f "$out"/*.frq "$out"/*.hwe "$out"/*.assoc "$out"/*.assoc.fisher "$out"/*.model "$out"/*.tsv
echo "reference outputs written to $out"
