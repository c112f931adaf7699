# Writes the fixture data of mixed.R (run once; the CSVs are committed, so this needs no rerun unless a fixture is
# meant to change):
#
#   Rscript tools/reference/mixed-fixtures.R
#
# Respondents in programs of Canada and Norway, with stakeholder group, three candidate factors and an outcome, drawn
# from a stated truth: outcome = 3 + 0.40·f1 + 0.15·f2 + 0·f3 + 0.2·[NO] − 0.1·[clinician] + 0.1·[manager]
# + program effect (sd 0.35) + noise (sd 0.6). Three sets:
# - mixed-unbalanced.csv: 36 programs of 1 to 40 respondents (four with one or two), about 4 % of each factor and of
#   the outcome missing;
# - mixed-boundary.csv: no program effect at all, and a seed whose REML estimate of the program variance is exactly 0;
# - mixed-collinear.csv: f2 is f1 plus a little noise (correlation about 0.98).

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

make <- function(seed, sizes, program_sd, collinear = FALSE, missing = 0) {
  set.seed(seed)
  programs <- sprintf("p%02d", seq_along(sizes))
  country <- ifelse(seq_along(sizes) %% 2 == 0, "NO", "CA")
  effect <- rnorm(length(sizes), 0, program_sd)
  rows <- do.call(rbind, lapply(seq_along(sizes), function(j) {
    n <- sizes[j]
    f1 <- rnorm(n, 3.5 + 0.3 * (j %% 3), 0.8)
    f2 <- if (collinear) f1 + rnorm(n, 0, 0.15) else rnorm(n, 3.2, 0.9)
    f3 <- rnorm(n, 2.8, 0.7)
    group <- sample(c("psp", "clinician", "manager"), n, replace = TRUE, prob = c(0.4, 0.4, 0.2))
    y <- 3 + 0.4 * f1 + 0.15 * f2 + 0.2 * (country[j] == "NO") - 0.1 * (group == "clinician") + 0.1 * (group == "manager") +
      effect[j] + rnorm(n, 0, 0.6)
    data.frame(respondent = sprintf("%s-r%02d", programs[j], seq_len(n)), program = programs[j], country = country[j],
               group = group, f1 = round(f1, 3), f2 = round(f2, 3), f3 = round(f3, 3), outcome = round(y, 3))
  }))
  if (missing > 0) for (column in c("f1", "f2", "f3", "outcome")) rows[[column]][runif(nrow(rows)) < missing] <- NA
  rows
}

write <- function(rows, name) write.csv(rows, file.path(here, name), row.names = FALSE, na = "", quote = FALSE)

sizes <- c(1, 2, 1, 2, rep(c(5, 8, 12, 20, 30, 40, 9, 15), 4))
write(make(20261204, sizes, 0.35, missing = 0.04), "mixed-unbalanced.csv")
write(make(2, rep(c(6, 10, 14), 6), 0), "mixed-boundary.csv")
write(make(11, rep(c(10, 18, 25), 8), 0.35, collinear = TRUE), "mixed-collinear.csv")
