# Reference values for the random-intercept mixed model (packages/stats: mixed-model.ts, analysis-design.ts).
#
# Regenerate (from the repository root; Debian packages r-base-core, r-cran-lme4, r-cran-lmertest, r-cran-jsonlite):
#
#   Rscript tools/reference/mixed.R
#
# For each fixture (mixed-*.csv, written by mixed-fixtures.R) it takes the analysis sample (listwise: every factor,
# the outcome, country and group present), z-scores each factor over it (mean, sd with n − 1), and fits
#   outcome ~ f1 + f2 + f3 + country + group + (1 | program)
# with treatment contrasts (references CA and psp; other groups in code-point order) by REML with lmerTest
# (Satterthwaite df) and again by ML. The optimizer's tolerances are tightened far below lme4's defaults so that the
# reference is the optimum itself, not a point near it. It writes mixed-expected.json beside the fixtures, which
# mixed-reference.test.ts compares with our functions. CI has no R: the JSON is committed; rerun this and commit its
# output whenever a fixture changes. The versions used are recorded in the file.
#
# Nakagawa's R² is computed here from its definition: σ²_f = var(X β̂) over the analysis sample (n − 1).
#
# The country comparison (country-comparison.ts): the main model plus f1:country + f2:country + f3:country by REML,
# each factor's Norwegian slope with contest() (Satterthwaite), anova() of the ML fits with and without the
# interactions, and the model without country on each country's rows (z-scores of the pooled sample kept).
#
# Cluster-mean centering (analysis.ts, analysis-design.ts): each z-scored factor split into its program's mean over
# the sample (f_between) and the deviation from it (f_within), fitted by REML with lmerTest; the contextual effect of
# each factor (f_between − f_within) with contest().
#
# The program level (program-level.ts): each program's means of the raw factor scores and the outcome over the analysis
# sample, the factor means z-scored over programs, lm(outcome ~ f1 + f2 + f3) with classical and HC3 standard errors
# (sandwich::vcovHC, type "HC3"; t and p on the residual df), and a dominance analysis written out below: R² of every
# subset of factors from lm, each factor's mean R² increment over the subsets of each size that lack it (conditional
# dominance), and their mean over sizes (general dominance). Bootstrap: 50 resamples of programs drawn here with
# set.seed(1) and written out (0-based), with each factor's 2.5 % and 97.5 % quantiles (type 7) of general dominance and
# the share of resamples in which it holds its full-sample rank (ties by factor order).

# Dominance on the mixed model (level-specific R², Luo & Azen 2013; program-level.ts levelDominance): for every
# subset S of the factors, outcome ~ S + country + group + (1 | program) by REML; with σ²_S and τ²_S its residual and
# program variances and 0 the model with country and group alone, R²₁(S) = 1 − (σ²_S + τ²_S) / (σ²_0 + τ²_0) (within
# programs, Snijders & Bosker 1994) and R²₂(S) = 1 − (σ²_S / B + τ²_S) / (σ²_0 / B + τ²_0) (between programs), B the mean
# number of respondents per program; general and conditional dominance of each factor on each, written out as above.

suppressPackageStartupMessages({
  library(jsonlite)
  library(lme4)
  library(lmerTest)
  library(sandwich)
})

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

factors <- c("f1", "f2", "f3")
tight <- lmerControl(optimizer = "nloptwrap", check.conv.singular = "ignore",
                     optCtrl = list(xtol_abs = 1e-14, ftol_abs = 1e-15, xtol_rel = 0, ftol_rel = 0, maxeval = 1e5))

general_dominance <- function(x, y) {
  p <- ncol(x)
  r2 <- function(members) if (length(members) == 0) 0 else summary(lm(y ~ x[, members, drop = FALSE]))$r.squared
  subsets <- c(list(integer(0)), unlist(lapply(1:p, function(k) combn(p, k, simplify = FALSE)), recursive = FALSE))
  key <- function(s) paste0("s", paste(sort(s), collapse = ","))
  values <- setNames(vapply(subsets, r2, 0), vapply(subsets, key, ""))
  conditional <- t(vapply(seq_len(p), function(i) vapply(0:(p - 1), function(k) {
    lacking <- Filter(function(s) length(s) == k && !(i %in% s), subsets)
    mean(vapply(lacking, function(s) values[[key(c(s, i))]] - values[[key(s)]], 0))
  }, 0), numeric(p)))
  list(r2 = values[[key(seq_len(p))]], general = rowMeans(conditional), conditional = conditional)
}

dominance_of <- function(values, p) {
  subsets <- c(list(integer(0)), unlist(lapply(1:p, function(k) combn(p, k, simplify = FALSE)), recursive = FALSE))
  key <- function(s) paste0("s", paste(sort(s), collapse = ","))
  conditional <- t(vapply(seq_len(p), function(i) vapply(0:(p - 1), function(k) {
    lacking <- Filter(function(s) length(s) == k && !(i %in% s), subsets)
    mean(vapply(lacking, function(s) values[[key(c(s, i))]] - values[[key(s)]], 0))
  }, 0), numeric(p)))
  list(r2 = values[[key(seq_len(p))]], general = unname(rowMeans(conditional)), conditional = unname(conditional))
}

level_dominance <- function(d) {
  p <- length(factors)
  subsets <- c(list(integer(0)), unlist(lapply(1:p, function(k) combn(p, k, simplify = FALSE)), recursive = FALSE))
  key <- function(s) paste0("s", paste(sort(s), collapse = ","))
  variances <- lapply(subsets, function(s) {
    formula <- as.formula(paste("outcome ~", paste(c(factors[s], "country", "group"), collapse = " + "), "+ (1 | program)"))
    vc <- as.data.frame(VarCorr(lme4::lmer(formula, data = d, REML = TRUE, control = tight)))
    c(sigma2 = vc$vcov[vc$grp == "Residual"], tau2 = vc$vcov[vc$grp == "program"])
  })
  names(variances) <- vapply(subsets, key, "")
  b <- nrow(d) / length(unique(d$program))
  base <- variances[[key(integer(0))]]
  within <- vapply(variances, function(v) 1 - (v[["sigma2"]] + v[["tau2"]]) / (base[["sigma2"]] + base[["tau2"]]), 0)
  between <- vapply(variances, function(v) 1 - (v[["sigma2"]] / b + v[["tau2"]]) / (base[["sigma2"]] / b + base[["tau2"]]), 0)
  list(clusterSize = b, within = dominance_of(within, p), between = dominance_of(between, p))
}

program_level <- function(d) {
  means <- aggregate(d[, c(factors, "outcome")], by = list(program = d$program), FUN = mean)
  means <- means[order(means$program, method = "radix"), ]
  for (v in factors) means[[v]] <- (means[[v]] - mean(means[[v]])) / sd(means[[v]])
  fit <- lm(outcome ~ f1 + f2 + f3, data = means)
  coefs <- summary(fit)$coefficients
  hc3 <- sqrt(diag(vcovHC(fit, type = "HC3")))
  t_hc3 <- coef(fit) / hc3
  x <- as.matrix(means[, factors])
  dom <- general_dominance(x, means$outcome)
  set.seed(1)
  resamples <- replicate(50, sample.int(nrow(means), nrow(means), replace = TRUE), simplify = FALSE)
  draws <- t(vapply(resamples, function(i) general_dominance(x[i, , drop = FALSE], means$outcome[i])$general, numeric(length(factors))))
  full_rank <- rank(-dom$general, ties.method = "first")
  list(
    programs = means$program, y = means$outcome,
    ols = list(estimate = unname(coef(fit)), se = unname(coefs[, "Std. Error"]), t = unname(coefs[, "t value"]),
               p = unname(coefs[, "Pr(>|t|)"]), seHC3 = unname(hc3), tHC3 = unname(t_hc3),
               pHC3 = unname(2 * pt(-abs(t_hc3), fit$df.residual)), df = fit$df.residual, r2 = summary(fit)$r.squared),
    dominance = list(r2 = dom$r2, general = unname(dom$general), conditional = unname(dom$conditional)),
    bootstrap = list(
      resamples = lapply(resamples, function(i) i - 1),
      low = unname(apply(draws, 2, quantile, probs = 0.025, type = 7)),
      high = unname(apply(draws, 2, quantile, probs = 0.975, type = 7)),
      rankStability = unname(vapply(seq_along(factors), function(i)
        mean(apply(draws, 1, function(g) rank(-g, ties.method = "first")[i]) == full_rank[i]), 0))
    )
  )
}

country_comparison <- function(d, ml) {
  formula <- outcome ~ f1 + f2 + f3 + country + group + f1:country + f2:country + f3:country + (1 | program)
  int <- lmerTest::lmer(formula, data = d, REML = TRUE, control = tight)
  ml_int <- lme4::lmer(formula, data = d, REML = FALSE, control = tight)
  coefs <- summary(int)$coefficients
  terms <- rownames(coefs)
  slopes <- lapply(factors, function(f) {
    L <- matrix(as.numeric(terms %in% c(f, paste0(f, ":countryNO"))), nrow = 1)
    s <- contest(int, L, joint = FALSE)
    list(factor = f, estimate = s$Estimate, se = s$`Std. Error`, df = s$df, t = s$`t value`, p = s$`Pr(>|t|)`)
  })
  lrt <- anova(ml, ml_int)
  per_country <- lapply(c("CA", "NO"), function(country) {
    dd <- d[d$country == country, ]
    dd$group <- droplevels(dd$group)
    fit <- lmerTest::lmer(outcome ~ f1 + f2 + f3 + group + (1 | program), data = dd, REML = TRUE, control = tight)
    cf <- summary(fit)$coefficients
    list(country = country, n = nrow(dd), terms = rownames(cf), estimate = unname(cf[, "Estimate"]), se = unname(cf[, "Std. Error"]),
         df = unname(cf[, "df"]), theta = unname(getME(fit, "theta")))
  })
  list(terms = terms, estimate = unname(coefs[, "Estimate"]), se = unname(coefs[, "Std. Error"]), df = unname(coefs[, "df"]),
       slopes = slopes, lrt = list(statistic = lrt$Chisq[2], df = lrt$Df[2], p = lrt$`Pr(>Chisq)`[2]), perCountry = per_country)
}

centered <- function(d) {
  for (v in factors) {
    d[[paste0(v, "_between")]] <- ave(d[[v]], d$program)
    d[[paste0(v, "_within")]] <- d[[v]] - d[[paste0(v, "_between")]]
  }
  formula <- as.formula(paste("outcome ~", paste(c(paste0(factors, "_within"), paste0(factors, "_between")), collapse = " + "),
                              "+ country + group + (1 | program)"))
  fit <- lmerTest::lmer(formula, data = d, REML = TRUE, control = tight)
  coefs <- summary(fit)$coefficients
  terms <- rownames(coefs)
  contextual <- lapply(factors, function(f) {
    L <- matrix(ifelse(terms == paste0(f, "_between"), 1, ifelse(terms == paste0(f, "_within"), -1, 0)), nrow = 1)
    s <- contest(fit, L, joint = FALSE)
    list(factor = f, estimate = s$Estimate, se = s$`Std. Error`, df = s$df)
  })
  list(terms = terms, estimate = unname(coefs[, "Estimate"]), se = unname(coefs[, "Std. Error"]), df = unname(coefs[, "df"]),
       contextual = contextual)
}

fit_fixture <- function(name) {
  raw <- read.csv(file.path(here, name), colClasses = c(respondent = "character", program = "character",
                  country = "character", group = "character"), na.strings = "")
  needed <- c(factors, "outcome", "country", "group")
  lost <- vapply(needed, function(v) sum(is.na(raw[[v]])), 0)
  d <- raw[complete.cases(raw[, needed]), ]
  for (v in factors) d[[v]] <- (d[[v]] - mean(d[[v]])) / sd(d[[v]])
  others <- sort(setdiff(unique(d$group), "psp"), method = "radix")
  d$group <- factor(d$group, levels = c("psp", others))
  d$country <- factor(d$country, levels = c("CA", "NO"))
  formula <- outcome ~ f1 + f2 + f3 + country + group + (1 | program)
  reml <- lmerTest::lmer(formula, data = d, REML = TRUE, control = tight)
  ml <- lme4::lmer(formula, data = d, REML = FALSE, control = tight)
  coefs <- summary(reml)$coefficients
  X <- getME(reml, "X")
  fixed_var <- var(as.vector(X %*% fixef(reml)))
  vc <- as.data.frame(VarCorr(reml))
  tau2 <- vc$vcov[vc$grp == "program"]
  sigma2 <- vc$vcov[vc$grp == "Residual"]
  z <- qnorm(0.975)
  tq <- qt(0.975, coefs[, "df"])
  blups <- ranef(reml)$program
  # The Norwegian slope of f1 (f1 + f1:countryNO) would need an interaction; as a contrast test here: f1 − f2.
  contrast <- contest(reml, matrix(c(0, 1, -1, 0, 0, 0, rep(0, ncol(X) - 6)), nrow = 1), joint = FALSE)
  list(
    fixture = name,
    n = nrow(d),
    programs = length(unique(d$program)),
    lost = as.list(lost),
    terms = colnames(X),
    reml = list(
      estimate = unname(coefs[, "Estimate"]), se = unname(coefs[, "Std. Error"]), df = unname(coefs[, "df"]),
      t = unname(coefs[, "t value"]), p = unname(coefs[, "Pr(>|t|)"]),
      waldLow = unname(coefs[, "Estimate"] - z * coefs[, "Std. Error"]), waldHigh = unname(coefs[, "Estimate"] + z * coefs[, "Std. Error"]),
      tLow = unname(coefs[, "Estimate"] - tq * coefs[, "Std. Error"]), tHigh = unname(coefs[, "Estimate"] + tq * coefs[, "Std. Error"]),
      theta = unname(getME(reml, "theta")), programVariance = tau2, residualVariance = sigma2, icc = tau2 / (tau2 + sigma2),
      logLik = as.numeric(logLik(reml)), deviance = unname(REMLcrit(reml)), aic = AIC(reml), bic = BIC(reml),
      singular = isSingular(reml, tol = 1e-6),
      r2 = list(marginal = fixed_var / (fixed_var + tau2 + sigma2), conditional = (fixed_var + tau2) / (fixed_var + tau2 + sigma2)),
      blups = setNames(as.list(blups[["(Intercept)"]]), rownames(blups)),
      contrast = list(weights = c(0, 1, -1, rep(0, ncol(X) - 3)), estimate = contrast$Estimate, se = contrast$`Std. Error`,
                      df = contrast$df, t = contrast$`t value`, p = contrast$`Pr(>|t|)`)
    ),
    programLevel = program_level(d),
    countries = country_comparison(d, ml),
    centered = centered(d),
    levelDominance = level_dominance(d),
    ml = list(
      estimate = unname(fixef(ml)), se = unname(sqrt(diag(as.matrix(vcov(ml))))),
      theta = unname(getME(ml, "theta")), logLik = as.numeric(logLik(ml)), deviance = deviance(ml), aic = AIC(ml), bic = BIC(ml)
    )
  )
}

fixtures <- c("mixed-unbalanced.csv", "mixed-boundary.csv", "mixed-collinear.csv")
out <- list(
  generatedBy = "tools/reference/mixed.R",
  versions = list(R = R.version.string, lme4 = as.character(packageVersion("lme4")),
                  lmerTest = as.character(packageVersion("lmerTest"))),
  fixtures = lapply(fixtures, fit_fixture)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "mixed-expected.json"))
