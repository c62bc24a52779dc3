#!/usr/bin/env Rscript
# Independent Table 1 of Eunomia GiBleed: new users of celecoxib (target) vs new users of diclofenac
# (comparator), each person's first drug era of the ingredient as index. Base R only, sharing no code with
# the TypeScript/SQL implementation; the definitions it follows are those of the characterization:
#   - age at index = year(index) - year_of_birth (OHDSI Circe); mean and sample SD (sd(), n - 1)
#   - age bands [0,18) [18,35) [35,50) [50,65) [65,80) [80,Inf); sex 8507 male, 8532 female, else other
#   - conditions and drugs: persons with >= 1 record whose start date lies in [index - 365, index];
#     drugs rolled up to every ancestor of concept class 'Ingredient' in concept_ancestor, else kept;
#     the 10 with the larger of the two prevalences, ties by lower concept id
#   - SMD, comparator minus target (Austin, Stat Med 2009;28:3083, section 3):
#     proportions (pC - pT) / sqrt((pT(1 - pT) + pC(1 - pC)) / 2); means (mC - mT) / sqrt((sT^2 + sC^2) / 2)
#
# Input: gibleed/*.csv.gz beside this script (export-gibleed-csv.ts copies the needed columns from
# samples/gibleed/*.parquet). Run from the repository root:
#   Rscript workers/analysis/characterize/reference/table1_reference.R
# Writes table1_reference.json beside this script (numbers as %.17g).

options(warn = 1)
here <- "workers/analysis/characterize/reference"
read_table <- function(name) {
  read.csv(gzfile(file.path(here, "gibleed", paste0(name, ".csv.gz"))), stringsAsFactors = FALSE, encoding = "UTF-8")
}
person <- read_table("person")
era <- read_table("drug_era")
conditions <- read_table("condition_occurrence")
exposures <- read_table("drug_exposure")
concept <- read_table("concept")
ancestor <- read_table("concept_ancestor")

CELECOXIB <- 1118084
DICLOFENAC <- 1124300
TOP <- 10
WINDOW <- c(-365, 0)

# ---- Cohorts: first era of the ingredient per person ----
first_era <- function(ingredient) {
  e <- era[era$drug_concept_id == ingredient, ]
  first <- tapply(as.numeric(as.Date(e$drug_era_start_date)), e$person_id, min)
  data.frame(person_id = as.numeric(names(first)), index = as.Date(as.numeric(first), origin = "1970-01-01"))
}
cohorts <- list(target = first_era(CELECOXIB), comparator = first_era(DICLOFENAC))
n <- sapply(cohorts, nrow)

# ---- Demographics ----
with_person <- lapply(cohorts, function(m) {
  m <- merge(m, person, by = "person_id", all.x = TRUE)
  m$age <- as.numeric(format(m$index, "%Y")) - m$year_of_birth
  m
})
edges <- c(0, 18, 35, 50, 65, 80)
band_labels <- c(paste0(edges[-length(edges)], "\u2013", edges[-1] - 1), paste0(edges[length(edges)], "+"))
band_of <- function(age) {
  b <- findInterval(age, edges)  # 0 below the first edge, k for [edges[k], edges[k+1])
  ifelse(is.na(age), "unknown", ifelse(b == 0, paste0("<", edges[1]), band_labels[pmax(b, 1)]))
}

prop_smd <- function(ct, cc, nt, nc) {
  pt <- ct / nt; pc <- cc / nc
  d <- pc - pt
  if (d == 0) return(0)
  pooled <- sqrt((pt * (1 - pt) + pc * (1 - pc)) / 2)
  if (pooled > 0) d / pooled else NA
}
mean_smd <- function(mt, st, mc, sc) {
  d <- mc - mt
  if (d == 0) return(0)
  pooled <- sqrt((st^2 + sc^2) / 2)
  if (pooled > 0) d / pooled else NA
}

rows <- list()
add_count_row <- function(section, label, counts, concept_id = NA) {
  rows[[length(rows) + 1]] <<- list(section = section, label = label, concept_id = concept_id,
    counts = counts, means = c(NA, NA), sds = c(NA, NA), smd = prop_smd(counts[1], counts[2], n[1], n[2]))
}

ages <- lapply(with_person, function(m) m$age[!is.na(m$age)])
age_mean <- sapply(ages, mean)
age_sd <- sapply(ages, sd)
rows[[1]] <- list(section = "persons", label = "persons", concept_id = NA, counts = as.numeric(n),
  means = c(NA, NA), sds = c(NA, NA), smd = NA)
rows[[2]] <- list(section = "age", label = "age at index, years", concept_id = NA, counts = sapply(ages, length),
  means = age_mean, sds = age_sd, smd = mean_smd(age_mean[1], age_sd[1], age_mean[2], age_sd[2]))
bands <- lapply(with_person, function(m) band_of(m$age))
for (label in c(paste0("<", edges[1]), band_labels, "unknown")) {
  counts <- sapply(bands, function(b) sum(b == label))
  if (label %in% band_labels || any(counts > 0)) add_count_row("age band", label, counts)
}
sex_of <- function(g) ifelse(!is.na(g) & g == 8507, "male", ifelse(!is.na(g) & g == 8532, "female", "other/unknown"))
for (label in c("male", "female", "other/unknown")) {
  add_count_row("sex", label, sapply(with_person, function(m) sum(sex_of(m$gender_concept_id) == label)))
}

# ---- Conditions and drugs in the window ----
in_window <- function(events, date_column, concept_column, m) {
  e <- merge(events, m[, c("person_id", "index")], by = "person_id")
  offset <- as.numeric(as.Date(e[[date_column]]) - e$index)
  e <- e[offset >= WINDOW[1] & offset <= WINDOW[2], ]
  unique(data.frame(person_id = e$person_id, concept_id = e[[concept_column]]))
}
ingredients <- concept$concept_id[concept$concept_class_id == "Ingredient"]
to_ingredient <- ancestor[ancestor$ancestor_concept_id %in% ingredients, ]
roll_up <- function(pairs) {
  r <- merge(pairs, to_ingredient, by.x = "concept_id", by.y = "descendant_concept_id", all.x = TRUE)
  r$concept_id <- ifelse(is.na(r$ancestor_concept_id), r$concept_id, r$ancestor_concept_id)
  unique(r[, c("person_id", "concept_id")])
}
name_of <- function(id) {
  name <- concept$concept_name[match(id, concept$concept_id)]
  ifelse(id == 0, "unmapped", ifelse(is.na(name), paste("concept", id), name))
}
add_top <- function(section, pairs_by_cohort) {
  counts <- lapply(pairs_by_cohort, function(p) table(p$concept_id))
  ids <- sort(unique(as.numeric(unlist(lapply(counts, names)))))
  count_in <- function(k) { x <- as.numeric(counts[[k]][as.character(ids)]); ifelse(is.na(x), 0, x) }
  ct <- count_in(1); cc <- count_in(2)
  prevalence <- pmax(ct / n[1], cc / n[2])
  chosen <- order(-prevalence, ids)[seq_len(min(TOP, length(ids)))]
  for (i in chosen) add_count_row(section, name_of(ids[i]), c(ct[i], cc[i]), ids[i])
}
add_top("conditions", lapply(cohorts, function(m) in_window(conditions, "condition_start_date", "condition_concept_id", m)))
add_top("drugs", lapply(cohorts, function(m) roll_up(in_window(exposures, "drug_exposure_start_date", "drug_concept_id", m))))

# ---- JSON by hand (base R has no writer) ----
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
text <- function(s) paste0("\"", gsub("\"", "\\\\\"", gsub("\\\\", "\\\\\\\\", s)), "\"")
cell <- function(r, k) sprintf("{\"count\": %s, \"mean\": %s, \"sd\": %s}", num(r$counts[k]), num(r$means[k]), num(r$sds[k]))
lines <- sapply(rows, function(r) sprintf(
  "    {\"section\": %s, \"label\": %s, \"conceptId\": %s, \"target\": %s, \"comparator\": %s, \"smd\": %s}",
  text(r$section), text(r$label), num(r$concept_id), cell(r, 1), cell(r, 2), num(r$smd)))
json <- c("{",
  sprintf("  \"targetPersons\": %d,", n[1]),
  sprintf("  \"comparatorPersons\": %d,", n[2]),
  "  \"rows\": [", paste(lines, collapse = ",\n"), "  ]", "}")
out <- file(file.path(here, "table1_reference.json"), open = "w", encoding = "UTF-8")
writeLines(json, out)
close(out)
cat(sprintf("target %d, comparator %d persons; %d rows\n", n[1], n[2], length(rows)))
