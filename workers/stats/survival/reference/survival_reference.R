#!/usr/bin/env Rscript
# Reference figures for workers/stats/survival from R's survival package (Therneau), which the TypeScript
# code is checked against: Kaplan–Meier curves (survfit, three confidence-interval scales), medians and their
# intervals (print.survfit / summary(fit)$table), numbers at risk (summary(fit, times = …, extend = TRUE)),
# the log-rank test (survdiff, rho = 0), Cox models of one binary covariate (coxph, Efron and Breslow ties)
# and exact Poisson intervals (poisson.test). Base R and survival only.
#
# Inputs: the CSV fixtures in fixtures/ (see fixtures/SOURCES.md; rebuilt by export_fixtures.R), and for
# the Eunomia GiBleed check, CSV copies of its OMOP tables: gibleed/observation_period.csv.gz (written by
# export-gibleed-observation.ts) and the characterization's copies of drug_era, condition_occurrence and
# concept_ancestor (workers/analysis/characterize/reference/gibleed/).
# Run from the repository root:
#   Rscript workers/stats/survival/reference/survival_reference.R
# Writes survival_reference.json beside this script (numbers as %.17g; NA/NaN as null, ±Inf as "Inf"/"-Inf").

options(warn = 1)
suppressPackageStartupMessages(library(survival))
here <- "workers/stats/survival/reference"
conf_types <- c("log", "log-log", "plain")

# ---- A small JSON writer (jsonlite is not installed here) ----
json_array <- function(x) structure(list(x), class = "json_array")
to_json <- function(x) {
  if (inherits(x, "json_array")) return(paste0("[", paste(vapply(x[[1]], to_json, ""), collapse = ","), "]"))
  if (is.list(x)) {
    if (is.null(names(x))) return(paste0("[", paste(vapply(x, to_json, ""), collapse = ","), "]"))
    return(paste0("{", paste(sprintf("\"%s\":%s", names(x), vapply(x, to_json, "")), collapse = ","), "}"))
  }
  if (length(x) != 1) return(to_json(json_array(as.list(x))))
  if (is.character(x)) return(paste0("\"", gsub("\"", "\\\\\"", x), "\""))
  if (is.logical(x) && !is.na(x)) return(if (x) "true" else "false")
  if (is.na(x)) return("null")
  if (is.infinite(x)) return(if (x > 0) "\"Inf\"" else "\"-Inf\"")
  sprintf("%.17g", x)
}
vec <- function(x) json_array(as.list(as.numeric(x)))

# ---- Kaplan–Meier ----
km_curve <- function(d, conf_type) {
  fit <- survfit(Surv(time, status) ~ 1, data = d, conf.type = conf_type)
  table <- summary(fit)$table
  list(
    time = vec(fit$time), n_risk = vec(fit$n.risk), n_event = vec(fit$n.event), n_censor = vec(fit$n.censor),
    surv = vec(fit$surv), std_err = vec(fit$std.err), lower = vec(fit$lower), upper = vec(fit$upper),
    median = unname(table["median"]), median_lower = unname(table["0.95LCL"]), median_upper = unname(table["0.95UCL"])
  )
}

# Times for the numbers at risk: every 10% of the longest follow-up, plus a few times that are in the data
# (at a recorded time the count must include the persons whose time it is).
at_risk_times <- function(d) {
  tenths <- max(d$time) * (0:10) / 10
  sort(unique(c(tenths, d$time[c(1, nrow(d) %/% 2, nrow(d))], max(d$time) + 1)))
}

at_risk <- function(d, times) {
  fit <- survfit(Surv(time, status) ~ 1, data = d)
  s <- summary(fit, times = times, extend = TRUE)
  stopifnot(isTRUE(all.equal(s$time, times)))
  vec(s$n.risk)
}

# ---- Log-rank and Cox ----
log_rank <- function(d) {
  test <- survdiff(Surv(time, status) ~ group, data = d)
  df <- sum(test$exp > 0) - 1
  list(observed = vec(test$obs), expected = vec(test$exp), variance = vec(t(test$var)), chisq = test$chisq, df = df, p = test$pvalue)
}

cox_fit <- function(d, ties, control) {
  warned <- NULL
  fit <- withCallingHandlers(
    coxph(Surv(time, status) ~ group, data = d, ties = ties, control = control),
    warning = function(w) { warned <<- conditionMessage(w); invokeRestart("muffleWarning") }
  )
  s <- summary(fit)
  list(
    coef = unname(coef(fit)), se = unname(sqrt(fit$var[1, 1])), z = unname(s$coefficients[1, "z"]),
    p = unname(s$coefficients[1, "Pr(>|z|)"]), hazard_ratio = unname(s$conf.int[1, "exp(coef)"]),
    lower = unname(s$conf.int[1, "lower .95"]), upper = unname(s$conf.int[1, "upper .95"]),
    iterations = fit$iter, warning = if (is.null(warned)) "" else warned
  )
}

# coxph stops when the log partial likelihood changes by less than eps = 1e-9 (relative), one Newton step
# short of the maximum (~5e-9 relative in the coefficient on lung). The reference is the maximum itself
# (eps = 1e-13); R's default fit is kept beside it.
cox <- function(d, ties) {
  tight <- cox_fit(d, ties, coxph.control(eps = 1e-13, toler.chol = 1e-15, iter.max = 100))
  default <- cox_fit(d, ties, coxph.control())
  c(tight, list(default_coef = default$coef, default_se = default$se))
}

# Curves, numbers at risk, log-rank and (two groups) Cox of a data frame (time, status, group 0..k-1).
describe_follow_up <- function(d, name, times = at_risk_times(d), scales = conf_types) {
  groups <- sort(unique(d$group))
  stopifnot(identical(as.numeric(groups), as.numeric(seq_along(groups) - 1)))
  out <- list(name = name, groups = length(groups), at_risk_times = vec(times))
  out$km <- lapply(setNames(scales, scales), function(ct) list(
    all = km_curve(d, ct),
    groups = lapply(groups, function(g) km_curve(d[d$group == g, ], ct))
  ))
  out$at_risk <- list(all = at_risk(d, times), groups = lapply(groups, function(g) at_risk(d[d$group == g, ], times)))
  out$log_rank <- log_rank(d)
  if (length(groups) == 2) out$cox <- list(efron = cox(d, "efron"), breslow = cox(d, "breslow"))
  out
}

describe_data_set <- function(name) describe_follow_up(read.csv(file.path(here, "fixtures", paste0(name, ".csv"))), name)

data_sets <- c("lung", "lung_months", "aml", "veteran", "ovarian", "rats", "separated")
reference <- list(
  r_version = R.version.string,
  survival_version = as.character(packageVersion("survival")),
  data_sets = lapply(setNames(data_sets, data_sets), describe_data_set)
)

# ---- Exact Poisson intervals (Garwood 1936), as poisson.test reports them ----
poisson_cases <- list(c(0, 1), c(0, 123.4), c(1, 2.5), c(3, 1000), c(5, 1234.5), c(17, 3.2), c(1000, 50000.7), c(12345, 678.9))
reference$poisson <- lapply(poisson_cases, function(case) {
  ci <- poisson.test(case[1], case[2])$conf.int
  list(count = case[1], exposure = case[2], lower = ci[1], upper = ci[2])
})

# ---- Eunomia GiBleed: new users of celecoxib (target) and diclofenac (comparator), time to GI bleeding ----
# The cohorts are rebuilt here from CSV copies of the OMOP tables, independently of the SQL under test:
#   - entry: each person's first drug era of the ingredient, kept when it lies in one of the person's
#     observation periods; cohort end = end of that observation period (the default exit, observation end)
#   - outcome: each person's first condition occurrence of a descendant of 192671 (GI hemorrhage) in
#     concept_ancestor
#   - survival follow-up: index to cohort end; time in days with both ends counted (an outcome on the
#     index day is at time 1); persons in both cohorts, then persons with the outcome before index, then
#     persons whose follow-up ends before it starts are left out
#   - incidence in celecoxib users: time at risk index + 0 … index + 365, cut at observation end; person-
#     years = days at risk / 365.25; persons with the outcome before index left out
gibleed_copies <- "workers/analysis/characterize/reference/gibleed"
read_gz <- function(path) read.csv(gzfile(path), stringsAsFactors = FALSE)
as_day <- function(text) as.numeric(as.Date(text))
era <- read_gz(file.path(gibleed_copies, "drug_era.csv.gz"))
conditions <- read_gz(file.path(gibleed_copies, "condition_occurrence.csv.gz"))
ancestors <- read_gz(file.path(gibleed_copies, "concept_ancestor.csv.gz"))
observation <- read_gz(file.path(here, "gibleed", "observation_period.csv.gz"))
observation <- data.frame(person_id = observation$person_id,
  obs_start = as_day(observation$observation_period_start_date), obs_end = as_day(observation$observation_period_end_date))

new_users <- function(ingredient) {
  e <- era[era$drug_concept_id == ingredient, ]
  first <- aggregate(list(index = as_day(e$drug_era_start_date)), by = list(person_id = e$person_id), FUN = min)
  m <- merge(first, observation, by = "person_id")
  m <- m[m$index >= m$obs_start & m$index <= m$obs_end, ]
  stopifnot(!anyDuplicated(m$person_id))
  data.frame(person_id = m$person_id, index = m$index, cohort_end = m$obs_end)
}
bleeding <- conditions[conditions$condition_concept_id %in% ancestors$descendant_concept_id[ancestors$ancestor_concept_id == 192671], ]
first_bleed <- aggregate(list(bleed = as_day(bleeding$condition_start_date)), by = list(person_id = bleeding$person_id), FUN = min)

# One row per member: time and status when followed, and why not otherwise.
follow_up <- function(cohort, end_of, others) {
  m <- merge(cohort, first_bleed, by = "person_id", all.x = TRUE)
  end <- end_of(m)
  m$fate <- ifelse(m$person_id %in% others, "in both",
            ifelse(!is.na(m$bleed) & m$bleed < m$index, "prior outcome",
            ifelse(end < m$index, "no time", "at risk")))
  m$event <- !is.na(m$bleed) & m$bleed <= end
  m$time <- ifelse(m$event, m$bleed, end) - m$index + 1
  m
}
celecoxib <- new_users(1118084)
diclofenac <- new_users(1124300)
cohort_end <- function(m) m$cohort_end
target <- follow_up(celecoxib, cohort_end, diclofenac$person_id)
comparator <- follow_up(diclofenac, cohort_end, celecoxib$person_id)
both <- rbind(cbind(target, group = 0), cbind(comparator, group = 1))
kept <- both[both$fate == "at risk", ]
followed <- data.frame(time = kept$time, status = as.integer(kept$event), group = kept$group)
longest <- max(followed$time)
gibleed <- describe_follow_up(followed, "gibleed", times = unique(floor(longest * (0:10) / 10 + 0.5)), scales = "log")
gibleed$persons <- vec(c(nrow(celecoxib), nrow(diclofenac)))
gibleed$excluded <- list(
  in_both = length(intersect(celecoxib$person_id, diclofenac$person_id)),
  prior_outcome = sum(both$fate == "prior outcome"), no_time = sum(both$fate == "no time"))

first_year <- follow_up(celecoxib, function(m) pmin(m$index + 365, m$cohort_end), integer(0))
at_risk_year <- first_year[first_year$fate == "at risk", ]
outcomes <- sum(at_risk_year$event)
person_years <- sum(at_risk_year$time) / 365.25
interval <- poisson.test(outcomes, person_years)$conf.int * 1000
gibleed$incidence_first_year <- list(
  persons = nrow(first_year), excluded_prior_outcome = sum(first_year$fate == "prior outcome"),
  excluded_no_time = sum(first_year$fate == "no time"), persons_at_risk = nrow(at_risk_year), outcomes = outcomes,
  person_years = person_years, rate = outcomes / person_years * 1000, lower = interval[1], upper = interval[2])
reference$gibleed <- gibleed

writeLines(to_json(reference), file.path(here, "survival_reference.json"))
cat("wrote", file.path(here, "survival_reference.json"), "\n")
