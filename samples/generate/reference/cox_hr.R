# Cox proportional-hazards fit of the planted NSAID -> GI hemorrhage effect, as an outside check on the
# generator (samples/generate/effects.ts: hazard ratio 2.0, diclofenac vs celecoxib new users).
#
#   Rscript samples/generate/reference/cox_hr.R samples/small > samples/generate/reference/cox_hr.small.txt
#
# Needs R with the survival package (Debian: r-base-core, r-cran-survival). The cohort definition is the
# one samples/README.md documents: index = first exposure to either drug, event = first GI hemorrhage
# (concept 192671) after the index date, censored at the end of the observation period.
suppressPackageStartupMessages(library(survival))

args <- commandArgs(trailingOnly = TRUE)
sample_dir <- if (length(args) >= 1) args[[1]] else "samples/small"
omop_dir <- file.path(sample_dir, "omop")
exposure_id <- 1124300   # diclofenac
comparator_id <- 1118084 # celecoxib
outcome_id <- 192671     # gastrointestinal hemorrhage

read_table <- function(name) {
  read.csv(file.path(omop_dir, paste0(name, ".csv")), colClasses = "character")
}
inputs <- c("drug_exposure", "condition_occurrence", "observation_period")
checksums <- tools::md5sum(file.path(omop_dir, paste0(inputs, ".csv")))

drugs <- read_table("drug_exposure")
drugs <- drugs[drugs$drug_concept_id %in% c(exposure_id, comparator_id), ]
drugs$start <- as.Date(drugs$drug_exposure_start_date)
drugs <- drugs[order(drugs$person_id, drugs$start), ]
first_use <- drugs[!duplicated(drugs$person_id), c("person_id", "drug_concept_id", "start")]
names(first_use) <- c("person_id", "drug", "index_date")

conditions <- read_table("condition_occurrence")
outcomes <- conditions[conditions$condition_concept_id == outcome_id, c("person_id", "condition_start_date")]
outcomes$date <- as.Date(outcomes$condition_start_date)

periods <- read_table("observation_period")
periods$start <- as.Date(periods$observation_period_start_date)
periods$end <- as.Date(periods$observation_period_end_date)

cohort <- merge(first_use, periods[, c("person_id", "start", "end")], by = "person_id")
cohort <- cohort[cohort$index_date >= cohort$start & cohort$index_date <= cohort$end, ]
after_index <- merge(cohort[, c("person_id", "index_date")], outcomes[, c("person_id", "date")], by = "person_id")
after_index <- after_index[after_index$date > after_index$index_date, ]
first_event <- aggregate(date ~ person_id, data = after_index, FUN = min)
cohort <- merge(cohort, first_event, by = "person_id", all.x = TRUE)
cohort$event <- as.integer(!is.na(cohort$date))
cohort$days <- as.numeric(ifelse(is.na(cohort$date), cohort$end - cohort$index_date, cohort$date - cohort$index_date))
cohort$diclofenac <- as.integer(cohort$drug == exposure_id)

cat("# Cox model: diclofenac vs celecoxib new users, outcome GI hemorrhage (192671)\n")
cat(sprintf("# input %s md5 %s\n", basename(names(checksums)), unname(checksums)), sep = "")
cat(sprintf("# %s, survival %s\n", R.version.string, as.character(packageVersion("survival"))))
arms <- aggregate(cbind(persons = 1, events = event, person_years = days / 365.25) ~ diclofenac, data = cohort, FUN = sum)
print(arms, row.names = FALSE)

fit <- coxph(Surv(days, event) ~ diclofenac, data = cohort, ties = "efron")
print(summary(fit))

coefficient <- coef(summary(fit))["diclofenac", ]
interval <- exp(confint(fit))["diclofenac", ]
cat(sprintf("RESULT hazard_ratio=%.4f lower95=%.4f upper95=%.4f se_log_hr=%.4f events=%d persons=%d\n",
            coefficient[["exp(coef)"]], interval[[1]], interval[[2]], coefficient[["se(coef)"]],
            sum(cohort$event), nrow(cohort)))
