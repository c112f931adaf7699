# Reference values for the agreement statistics (packages/stats: agreement.ts).
#
# Regenerate (from the repository root; Debian package r-base-core, r-cran-jsonlite):
#
#   Rscript tools/reference/agreement.R
#
# It writes the fixtures agreement-*.csv (drawn here with set.seed) and agreement-expected.json beside them, which
# agreement-reference.test.ts compares with our functions to 1e-9. The statistics are those of R's irr package —
# agree (tolerance 0), kappa2 (unweighted) and kripp.alpha (method "nominal") — written out below from their
# definitions, because irr is not packaged in Debian 12 (bookworm); where irr is installed, the script also checks
# that irr gives the same numbers and stops if it does not.
#
# Fixtures (a row per unit, a column per coder, empty = not rated):
#   agreement-two.csv    two coders, four codes, 120 segments, some not rated by one coder
#   agreement-three.csv  three coders, three codes, 80 segments, missing ratings
#   agreement-chars.csv  two coders, one code at character level: 1 = the character is in a coding, 0 = not (600 characters)

suppressPackageStartupMessages(library(jsonlite))
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

set.seed(11)
codes <- c("barrier", "enabler", "strategy", "principle")
truth <- sample(codes, 120, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1))
noisy <- function(x, p, pool) ifelse(runif(length(x)) < p, sample(pool, length(x), replace = TRUE), x)
two <- data.frame(coder1 = noisy(truth, 0.2, codes), coder2 = noisy(truth, 0.3, codes))
two$coder2[sample.int(120, 9)] <- NA
truth3 <- sample(codes[1:3], 80, replace = TRUE)
three <- data.frame(coder1 = noisy(truth3, 0.15, codes[1:3]), coder2 = noisy(truth3, 0.25, codes[1:3]), coder3 = noisy(truth3, 0.35, codes[1:3]))
for (j in 1:3) three[sample.int(80, 6 + 2 * j), j] <- NA
span <- rep(0:1, times = c(250, 350))[order(runif(600) + rep(0:5, each = 100))]
chars <- data.frame(coder1 = as.character(span), coder2 = as.character(ifelse(runif(600) < 0.08, 1 - span, span)))

write_fixture <- function(d, name) write.csv(d, file.path(here, name), row.names = FALSE, na = "", quote = FALSE)
write_fixture(two, "agreement-two.csv")
write_fixture(three, "agreement-three.csv")
write_fixture(chars, "agreement-chars.csv")

# irr::agree(ratings, tolerance = 0): complete units, all ratings equal.
agree0 <- function(m) {
  m <- m[complete.cases(m), , drop = FALSE]
  list(agreement = mean(apply(m, 1, function(r) length(unique(r)) == 1)), units = nrow(m))
}

# irr::kappa2(ratings, weight = "unweighted"): complete units; marginal shares of each coder.
kappa_unweighted <- function(m) {
  m <- m[complete.cases(m), , drop = FALSE]
  levels <- sort(unique(c(m[, 1], m[, 2])))
  t <- table(factor(m[, 1], levels), factor(m[, 2], levels)) / nrow(m)
  po <- sum(diag(t))
  pe <- sum(rowSums(t) * colSums(t))
  list(kappa = (po - pe) / (1 - pe), units = nrow(m), observed = po, expected = pe)
}

# irr::kripp.alpha(t(ratings), method = "nominal"): the coincidence matrix over units with two ratings or more.
kripp_nominal <- function(m) {
  levels <- sort(unique(na.omit(as.vector(m))))
  o <- matrix(0, length(levels), length(levels), dimnames = list(levels, levels))
  pairable <- 0
  for (u in seq_len(nrow(m))) {
    v <- na.omit(m[u, ])
    if (length(v) < 2) next
    pairable <- pairable + 1
    for (i in seq_along(v)) for (j in seq_along(v)) if (i != j) o[v[i], v[j]] <- o[v[i], v[j]] + 1 / (length(v) - 1)
  }
  nc <- rowSums(o)
  n <- sum(nc)
  do <- sum(o) - sum(diag(o))
  de <- (sum(nc %o% nc) - sum(nc^2)) / (n - 1)
  list(alpha = 1 - do / de, units = pairable, values = n, observedDisagreement = do / n, expectedDisagreement = de / n)
}

compute <- function(d, name) {
  m <- as.matrix(d)
  out <- list(fixture = name, agreement = agree0(m), alpha = kripp_nominal(m))
  if (ncol(m) == 2) out$kappa <- kappa_unweighted(m)
  if (requireNamespace("irr", quietly = TRUE)) {
    stopifnot(abs(irr::kripp.alpha(t(m), method = "nominal")$value - out$alpha$alpha) < 1e-12)
    if (ncol(m) == 2) stopifnot(abs(irr::kappa2(m)$value - out$kappa$kappa) < 1e-12)
    out$checkedWithIrr <- as.character(packageVersion("irr"))
  }
  out
}

read_fixture <- function(name) read.csv(file.path(here, name), colClasses = "character", na.strings = "")
fixtures <- c("agreement-two.csv", "agreement-three.csv", "agreement-chars.csv")
result <- list(generatedBy = "tools/reference/agreement.R", versions = list(R = R.version.string),
               fixtures = lapply(fixtures, function(f) compute(read_fixture(f), f)))
writeLines(toJSON(result, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "agreement-expected.json"))
