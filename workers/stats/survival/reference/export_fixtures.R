#!/usr/bin/env Rscript
# Exports the public data sets of R's survival package that the survival tests use to small CSV files
# (time, status 0/1, group 0-based), so the TypeScript tests and survival_reference.R read the same bytes.
# Sources, group labels and licences: fixtures/SOURCES.md.
#
# Run from the repository root (only needed if the fixtures are to be rebuilt):
#   Rscript workers/stats/survival/reference/export_fixtures.R

library(survival)
out <- "workers/stats/survival/reference/fixtures"

write_fixture <- function(name, time, status, group) {
  stopifnot(!anyNA(time), !anyNA(status), !anyNA(group), all(status %in% c(0, 1)))
  d <- data.frame(time = time, status = as.integer(status), group = as.integer(group))
  write.csv(d, file.path(out, paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}

# lung: status 1 = censored, 2 = dead; sex 1 = male, 2 = female.
write_fixture("lung", lung$time, lung$status - 1, lung$sex - 1)
# The same patients with follow-up counted in whole months (30.4375 days, rounded up): heavy ties.
write_fixture("lung_months", ceiling(lung$time / 30.4375), lung$status - 1, lung$sex - 1)
# aml: x = Maintained (0) / Nonmaintained (1).
write_fixture("aml", aml$time, aml$status, as.integer(aml$x) - 1)
# veteran: four cell types (squamous, smallcell, adeno, large) for a k-group log-rank test.
write_fixture("veteran", veteran$time, veteran$status, as.integer(veteran$celltype) - 1)
# ovarian: staggered entry, so censoring times spread through follow-up; rx 1 / 2.
write_fixture("ovarian", ovarian$futime, ovarian$fustat, ovarian$rx - 1)
# rats: 300 rats, 42 tumours, most censored at 104 weeks (ties among the censored); rx 0 = control, 1 = drug.
write_fixture("rats", rats$time, rats$status, rats$rx)
# Not a study: ten made-up persons where, whenever both groups are at risk, only group 1 has events, so
# the Cox partial likelihood keeps rising with the coefficient (no finite maximum).
write_fixture("separated", c(1, 4, 6, 10, 2, 3, 5, 7, 8, 11), c(1, 1, 1, 0, 0, 0, 0, 0, 0, 1), c(1, 1, 1, 1, 0, 0, 0, 0, 0, 0))
