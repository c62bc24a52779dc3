#!/usr/bin/env Rscript
# Independent reference figures for the signal screen on test/fixtures/caers.csv (openEBGM's `caers`).
# Base R only; written from the formulas in shared/reference/pv-formulas.md and the cited papers, sharing
# no code with the TypeScript implementation (which uses its own likelihood, optimiser and root finder).
#
# Run from the repository root:
#   Rscript workers/analysis/signals/reference/caers_reference.R
# Writes, beside this script:
#   caers_reference.csv.gz  one row per product–event pair (all measures, full precision, %.17g)
#   caers_prior.json        the fitted DuMouchel priors (unstratified E and E stratified by strat1)

options(warn = 1)
here <- "workers/analysis/signals/reference"
z <- 1.96  # the 95% normal quantile as Evans (2001) and van Puijenbroek (2002) write it

raw <- read.csv("test/fixtures/caers.csv", colClasses = "character", encoding = "UTF-8")
stopifnot(identical(names(raw), c("id", "var1", "var2", "strat1")))

# ---- Counts: distinct report ids (openEBGM processRaw counts unique ids) ----
count_by <- function(rows, keys) {
  u <- unique(rows[, c("id", keys)])
  a <- aggregate(u$id, by = u[keys], FUN = length)
  names(a)[ncol(a)] <- "count"
  a
}
pairs <- count_by(raw, c("var1", "var2")); names(pairs)[3] <- "n"
drugs <- count_by(raw, "var1"); names(drugs)[2] <- "n_drug"
events <- count_by(raw, "var2"); names(events)[2] <- "n_event"
pairs <- merge(merge(pairs, drugs, by = "var1"), events, by = "var2")
pairs$n_total <- length(unique(raw$id))
pairs <- pairs[order(pairs$var1, pairs$var2, method = "radix"), c("var1", "var2", "n", "n_drug", "n_event", "n_total")]
rownames(pairs) <- NULL
pairs$e <- as.numeric(pairs$n_drug) * pairs$n_event / pairs$n_total

# Stratified expected count: E = sum over strata s of n_drug,s * n_event,s / N_s (each report has one strat1).
stopifnot(nrow(unique(raw[, c("id", "strat1")])) == length(unique(raw$id)))
drug_s <- count_by(raw, c("var1", "strat1")); names(drug_s)[3] <- "nd"
event_s <- count_by(raw, c("var2", "strat1")); names(event_s)[3] <- "ne"
total_s <- count_by(raw, "strat1"); names(total_s)[2] <- "ns"
pair_keys <- unique(pairs[, c("var1", "var2")])
grid <- merge(merge(pair_keys, drug_s, by = "var1"), event_s, by = c("var2", "strat1"))
grid <- merge(grid, total_s, by = "strat1")
grid$es <- grid$nd * grid$ne / grid$ns
e_strat <- aggregate(grid$es, by = grid[c("var1", "var2")], FUN = sum)
names(e_strat)[3] <- "e_strat"
pairs <- merge(pairs, e_strat, by = c("var1", "var2"), all.x = TRUE, sort = FALSE)
pairs <- pairs[order(pairs$var1, pairs$var2, method = "radix"), ]
stopifnot(!anyNA(pairs$e_strat))

# ---- PRR (Evans 2001), Yates chi-square, ROR (van Puijenbroek 2002), IC (Noren 2013) ----
for (col in c("n", "n_drug", "n_event", "n_total")) pairs[[col]] <- as.numeric(pairs[[col]])  # no integer overflow
a <- pairs$n
b <- pairs$n_drug - a
c <- pairs$n_event - a
d <- pairs$n_total - a - b - c
N <- pairs$n_total

pairs$prr <- (a / (a + b)) / (c / (c + d))
se_prr <- sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
pairs$prr_lo <- exp(log(pairs$prr) - z * se_prr)
pairs$prr_hi <- exp(log(pairs$prr) + z * se_prr)
# a = 0 or c = 0: the Wald interval's limit as the cell goes to 0 (SE grows like cell^-1/2, faster than |log PRR|).
pairs$prr_lo[a == 0 | c == 0] <- 0
pairs$prr_hi[a == 0 | c == 0] <- Inf

# Yates-corrected Pearson chi-square, the correction capped at |ad - bc| as chisq.test(correct = TRUE) does.
dev <- abs(a * d - b * c)
pairs$chisq <- N * (dev - pmin(N / 2, dev))^2 / ((a + b) * (c + d) * (a + c) * (b + d))
check <- which(a >= 1)[seq(1, sum(a >= 1), length.out = 200)]
for (i in check) {
  t <- suppressWarnings(chisq.test(matrix(c(a[i], c[i], b[i], d[i]), 2), correct = TRUE)$statistic)
  stopifnot(abs(t - pairs$chisq[i]) <= 1e-9 * max(1, t))
}

zero <- a == 0 | b == 0 | c == 0 | d == 0
h <- ifelse(zero, 0.5, 0)  # Haldane-Anscombe: 0.5 to all four cells, only when a cell is 0
pairs$ror <- ((a + h) * (d + h)) / ((b + h) * (c + h))
se_ror <- sqrt(1 / (a + h) + 1 / (b + h) + 1 / (c + h) + 1 / (d + h))
pairs$ror_lo <- exp(log(pairs$ror) - z * se_ror)
pairs$ror_hi <- exp(log(pairs$ror) + z * se_ror)
pairs$ror_corrected <- as.integer(zero)

ic_columns <- function(n, e) {
  data.frame(ic = log2((n + 0.5) / (e + 0.5)),
             ic025 = log2(qgamma(0.025, shape = n + 0.5, rate = e + 0.5)),
             ic975 = log2(qgamma(0.975, shape = n + 0.5, rate = e + 0.5)))
}
pairs <- cbind(pairs, ic_columns(pairs$n, pairs$e))
ics <- ic_columns(pairs$n, pairs$e_strat); names(ics) <- paste0(names(ics), "_strat")
pairs <- cbind(pairs, ics)

# ---- MGPS (DuMouchel 1999): two-gamma prior, truncated (N* = 1) mixture of negative binomials ----
# theta on the unconstrained scale: log alpha1, log beta1, log alpha2, log beta2, logit P.
# NB of component k: size alpha_k, mean alpha_k * E / beta_k (R's mu parametrisation); each component is
# truncated to N >= N* on its own (openEBGM negLL, DuMouchel & Pregibon 2001).
n_star <- 1
log_component <- function(alpha, beta, n, e) {
  mu <- alpha * e / beta
  dnbinom(n, size = alpha, mu = mu, log = TRUE) -
    pnbinom(n_star - 1, size = alpha, mu = mu, lower.tail = FALSE, log.p = TRUE)
}
log_sum_exp <- function(x, y) { m <- pmax(x, y); m + log(exp(x - m) + exp(y - m)) }
neg_log_lik <- function(phi, n, e) {
  th <- c(exp(phi[1:4]), plogis(phi[5]))
  -sum(log_sum_exp(log(th[5]) + log_component(th[1], th[2], n, e),
                   log1p(-th[5]) + log_component(th[3], th[4], n, e)))
}
central_gradient <- function(f, phi, h = 1e-5) {
  sapply(seq_along(phi), function(j) { u <- phi; v <- phi; u[j] <- u[j] + h; v[j] <- v[j] - h; (f(u) - f(v)) / (2 * h) })
}
starts <- cbind(alpha1 = c(0.2, 0.1, 0.3, 0.5, 0.2), beta1 = c(0.1, 0.1, 0.5, 0.3, 0.2),
                alpha2 = c(2, 10, 6, 12, 5), beta2 = c(4, 10, 6, 12, 5), p = c(1/3, 0.2, 0.5, 0.8, 0.4))
fit_prior <- function(n, e) {
  keep <- n >= n_star
  n <- n[keep]; e <- e[keep]
  f <- function(phi) neg_log_lik(phi, n, e)
  runs <- lapply(seq_len(nrow(starts)), function(i) {
    phi <- c(log(starts[i, 1:4]), qlogis(starts[i, 5]))
    best <- Inf
    # nlminb (PORT) restarted from its own end point until the objective stops improving.
    for (round in 1:20) {
      r <- nlminb(phi, f, control = list(eval.max = 20000, iter.max = 20000, rel.tol = 1e-15, x.tol = 1e-12))
      phi <- r$par
      if (best - r$objective < 1e-11) { best <- min(best, r$objective); break }
      best <- r$objective
    }
    # A few Newton steps on finite-difference derivatives take the end point to the optimum's precision.
    gr <- function(x) central_gradient(f, x)
    for (step in 1:5) {
      H <- optimHess(phi, f, gr, control = list(ndeps = rep(1e-4, 5)))
      candidate <- phi - solve(H, gr(phi))
      value <- f(candidate)
      if (!is.finite(value) || value > best) break
      phi <- candidate; best <- value
    }
    g <- gr(phi)
    list(start = unname(starts[i, ]), end = c(exp(phi[1:4]), plogis(phi[5])), logLik = -best,
         gradient = g, converged = max(abs(g)) < 1e-4)
  })
  best <- runs[[which.max(sapply(runs, function(r) if (r$converged) r$logLik else -Inf))]]
  list(theta = best$end, logLik = best$logLik, pairsUsed = length(n), runs = runs)
}

posterior <- function(theta, n, e) {
  a1 <- theta[1]; b1 <- theta[2]; a2 <- theta[3]; b2 <- theta[4]; P <- theta[5]
  l1 <- log(P) + dnbinom(n, size = a1, mu = a1 * e / b1, log = TRUE)
  l2 <- log1p(-P) + dnbinom(n, size = a2, mu = a2 * e / b2, log = TRUE)
  q <- 1 / (1 + exp(l2 - l1))  # DuMouchel eq. 6, untruncated as in openEBGM Qn
  ebgm <- exp(q * (digamma(a1 + n) - log(b1 + e)) + (1 - q) * (digamma(a2 + n) - log(b2 + e)))
  quantile_of <- function(p) {
    mapply(function(qi, ni, ei) {
      s1 <- a1 + ni; r1 <- b1 + ei; s2 <- a2 + ni; r2 <- b2 + ei
      cdf <- function(u) qi * pgamma(exp(u), s1, r1) + (1 - qi) * pgamma(exp(u), s2, r2) - p
      # The mixture quantile lies between the two components' quantiles.
      ends <- log(c(qgamma(p, s1, r1), qgamma(p, s2, r2)))
      lo <- min(ends) - 1e-9; hi <- max(ends) + 1e-9
      exp(uniroot(cdf, c(lo, hi), tol = 1e-14, maxiter = 10000, extendInt = "yes")$root)
    }, q, n, e)
  }
  data.frame(qn = q, ebgm = ebgm, eb05 = quantile_of(0.05), eb95 = quantile_of(0.95))
}

fit <- fit_prior(pairs$n, pairs$e)
# The likelihood is multimodal: the five starts all reach the maximum openEBGM's vignette reports, but the
# TypeScript fit, when its first stage runs on squashed data, ends at a higher one near this point. Polished
# here with the same nlminb + Newton steps, from that neighbourhood only, to confirm it independently.
higher <- local({
  saved <- starts
  starts <<- cbind(alpha1 = 20, beta1 = 1.6, alpha2 = 1.7, beta2 = 1.5, p = 0.04)
  on.exit(starts <<- saved)
  fit_prior(pairs$n, pairs$e)
})
post <- posterior(fit$theta, pairs$n, pairs$e)
pairs$ebgm <- post$ebgm; pairs$eb05 <- post$eb05; pairs$eb95 <- post$eb95
fit_strat <- fit_prior(pairs$n, pairs$e_strat)
post_s <- posterior(fit_strat$theta, pairs$n, pairs$e_strat)
pairs$ebgm_strat <- post_s$ebgm; pairs$eb05_strat <- post_s$eb05; pairs$eb95_strat <- post_s$eb95

# ---- Output ----
num <- function(x) {
  s <- sprintf("%.17g", x)
  s[is.infinite(x) & x > 0] <- "Infinity"; s[is.infinite(x) & x < 0] <- "-Infinity"; s[is.nan(x)] <- "NaN"
  s
}
out <- pairs
for (col in names(out)[-(1:2)]) out[[col]] <- num(out[[col]])
con <- gzfile(file.path(here, "caers_reference.csv.gz"), "w")
write.table(out, con, sep = ",", quote = c(1, 2), row.names = FALSE, qmethod = "double")
close(con)

json_num <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
json_fit <- function(f) {
  runs <- sapply(f$runs, function(r) sprintf(
    '      { "start": %s, "end": %s, "logLik": %s, "gradient": %s, "converged": %s }',
    json_num(r$start), json_num(r$end), num(r$logLik), json_num(r$gradient), tolower(r$converged)))
  sprintf(paste0('{\n    "alpha1": %s, "beta1": %s, "alpha2": %s, "beta2": %s, "p": %s,\n',
                 '    "logLik": %s, "pairsUsed": %d,\n    "starts": [\n%s\n    ]\n  }'),
          num(f$theta[1]), num(f$theta[2]), num(f$theta[3]), num(f$theta[4]), num(f$theta[5]),
          num(f$logLik), f$pairsUsed, paste(runs, collapse = ",\n"))
}
writeLines(c("{",
  sprintf('  "source": "Rscript workers/analysis/signals/reference/caers_reference.R (%s)",', R.version.string),
  '  "nStar": 1,',
  sprintf('  "unstratified": %s,', json_fit(fit)),
  sprintf('  "stratifiedBySex": %s,', json_fit(fit_strat)),
  sprintf('  "higherMaximum": %s', json_fit(higher)),
  "}"), file.path(here, "caers_prior.json"))
cat("pairs:", nrow(pairs), " logLik:", num(fit$logLik), " stratified:", num(fit_strat$logLik), "\n")
