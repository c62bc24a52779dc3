#!/usr/bin/env bash
# PLINK 1.9's allelic association on the bundled VCF with the bundled phenotype: the numbers the
# genotype-association notebook must show (test/e2e/notebook-app.test.ts). Run from the repository root:
#   bash test/e2e/reference/genotype-association.sh
# Output: test/e2e/reference/genotype-association.assoc (committed; PLINK v1.90b6.26, Debian plink1.9).
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# PLINK phenotypes: 2 = case, 1 = control (phenotype.tsv says 1/0).
awk 'NR > 1 { print $1 "\t" $1 "\t" ($2 + 1) }' samples/small/vcf/phenotype.tsv > "$out/pheno.txt"
plink1.9 --vcf samples/small/vcf/cohort.vcf --double-id --keep-allele-order --allow-extra-chr --allow-no-sex \
  --pheno "$out/pheno.txt" --assoc --out "$out/small" > "$out/log.txt"
cp "$out/small.assoc" test/e2e/reference/genotype-association.assoc
