# Reference values for the random-intercept mixed model (packages/stats: mixed-model.ts, analysis-design.ts).
#
# Regenerate (from the repository root; Debian packages r-base-core, r-cran-lme4, r-cran-lmertest, r-cran-jsonlite):
#
#   Rscript packages/stats/reference/mixed.R
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

suppressPackageStartupMessages({
  library(jsonlite)
  library(lme4)
  library(lmerTest)
})

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

factors <- c("f1", "f2", "f3")
tight <- lmerControl(optimizer = "nloptwrap", check.conv.singular = "ignore",
                     optCtrl = list(xtol_abs = 1e-14, ftol_abs = 1e-15, xtol_rel = 0, ftol_rel = 0, maxeval = 1e5))

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
    ml = list(
      estimate = unname(fixef(ml)), se = unname(sqrt(diag(as.matrix(vcov(ml))))),
      theta = unname(getME(ml, "theta")), logLik = as.numeric(logLik(ml)), deviance = deviance(ml), aic = AIC(ml), bic = BIC(ml)
    )
  )
}

fixtures <- c("mixed-unbalanced.csv", "mixed-boundary.csv", "mixed-collinear.csv")
out <- list(
  generatedBy = "packages/stats/reference/mixed.R",
  versions = list(R = R.version.string, lme4 = as.character(packageVersion("lme4")),
                  lmerTest = as.character(packageVersion("lmerTest"))),
  fixtures = lapply(fixtures, fit_fixture)
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), file.path(here, "mixed-expected.json"))
