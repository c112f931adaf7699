# The R side of bench:analysis (scripts/bench-analysis.ts): the same steps on the same data, each timed in ms, printed
# as one JSON line. Arguments: the data CSV and the number of bootstrap resamples.
suppressPackageStartupMessages({
  library(jsonlite)
  library(lme4)
  library(lmerTest)
  library(sandwich)
})
args <- commandArgs(trailingOnly = TRUE)
resamples <- as.integer(args[2])
ms <- function(expr) { started <- proc.time()[["elapsed"]]; force(expr); 1000 * (proc.time()[["elapsed"]] - started) }
timing <- list()

timing$`sample, design` <- ms({
  d <- read.csv(args[1])
  factors <- grep("^f[0-9]+$", names(d), value = TRUE)
  d <- d[complete.cases(d), ]
  for (v in factors) d[[v]] <- (d[[v]] - mean(d[[v]])) / sd(d[[v]])
  d$country <- factor(d$country, levels = c("CA", "NO"))
  d$group <- factor(d$group, levels = c("psp", "clinician", "manager"))
})
formula <- as.formula(paste("outcome ~", paste(factors, collapse = " + "), "+ country + group + (1 | program)"))
timing$`mixed model, REML + Satterthwaite` <- ms(fitted <- summary(lmerTest::lmer(formula, data = d, REML = TRUE)))
timing$`program level: means + OLS (HC3)` <- ms({
  means <- aggregate(d[, c(factors, "outcome")], by = list(program = d$program), FUN = mean)
  for (v in factors) means[[v]] <- (means[[v]] - mean(means[[v]])) / sd(means[[v]])
  fit <- lm(as.formula(paste("outcome ~", paste(factors, collapse = " + "))), data = means)
  vcovHC(fit, type = "HC3")
})
p <- length(factors)
subsets <- lapply(seq_len(2^p - 1), function(s) which(bitwAnd(s, 2^(seq_len(p) - 1)) > 0))
general <- function(x, y) {
  r <- cor(cbind(x, y))
  r2 <- c(0, vapply(subsets, function(s) { v <- r[s, p + 1]; sum(v * solve(r[s, s, drop = FALSE], v)) }, 0))
  index <- function(s) sum(2^(s - 1)) + 1
  sizes <- vapply(subsets, length, 0)
  vapply(seq_len(p), function(i) {
    lacking <- c(list(integer(0)), subsets[vapply(subsets, function(s) !(i %in% s), TRUE)])
    gains <- vapply(lacking, function(s) r2[index(c(s, i))] - r2[index(s)], 0)
    size <- vapply(lacking, length, 0)
    mean(tapply(gains, size, mean))
  }, 0)
}
x <- as.matrix(means[, factors])
timing$`dominance` <- ms(general(x, means$outcome))
timing$`bootstrap` <- ms({
  set.seed(1)
  draws <- replicate(resamples, { i <- sample.int(nrow(x), nrow(x), replace = TRUE); general(x[i, , drop = FALSE], means$outcome[i]) })
})
check <- list(theta = fitted$varcor$program[1, 1]^0.5 / fitted$sigma, f02 = fitted$coefficients["f02", "Estimate"], df = fitted$coefficients["f02", "df"])
cat(toJSON(list(timing = timing, check = check), auto_unbox = TRUE, digits = NA), "\n")
