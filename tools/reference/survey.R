# Reference values for survey scoring and reliability (packages/stats: survey-scoring.ts, reliability.ts).
#
# Regenerate (from the repository root, R with psych, multilevel and jsonlite installed — Debian packages
# r-base-core, r-cran-psych, r-cran-multilevel, r-cran-jsonlite):
#
#   Rscript tools/reference/survey.R
#
# It reads survey-instrument.json (an instrument definition) and survey-responses.csv (respondents × items, with
# program, country, language and stakeholder group) from this directory and writes survey-expected.json beside them, which
# survey-reference.test.ts compares with our functions to 1e-6. CI has no R: the JSON is committed; rerun this and
# commit the output whenever a fixture changes. Versions used for the committed file are recorded in it.
#
# Item and subscale scores are computed here in base R, independently of our TypeScript, from the conventions of
# issue 9. Alpha and item–rest correlations come from psych::alpha, rwg(j) from multilevel::rwg.j, ICC(1) and ICC(2)
# from multilevel::ICC1/ICC2 on aov(). Where we differ from a plain reading of a formula it is to match these:
# - psych::alpha (use = "pairwise") deletes items with no variance (sd 0 or NA) before computing alpha, and its
#   r.drop is computed from the pairwise covariance matrix C: (sum(C[, i]) - C[i, i]) / sqrt(C[i, i] * sum(C[-i, -i])),
#   not from a correlation over respondents; our cronbachAlpha does the same. psych's own reverse keying flips with
#   the minimum and maximum of the whole data frame, so items are reversed here, per item, before psych sees them.
# - multilevel::rwg.j drops respondents with any missing item (na.exclude), then groups by what is left: a program
#   whose respondents all miss an item is absent from its output; ours lists it with n = 0 and rwg null.
# Descriptive figures (packages/stats describe.ts, and the summaries of campaign results) are base R: mean, sd (n − 1),
# quantile (type 7) and hist(right = FALSE, include.lowest = TRUE) over 8 equal bins of the subscale's possible range
# — the lowest and highest score any allowed set of answered items can give (a sum of the fewest items allowed can
# be below the sum of every item's minimum: r068's success).

suppressPackageStartupMessages({
  library(jsonlite)
  library(psych)
  library(multilevel)
})

args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))

definition <- fromJSON(file.path(here, "survey-instrument.json"), simplifyVector = FALSE)
responses <- read.csv(file.path(here, "survey-responses.csv"), colClasses = "character", na.strings = "")

scales <- setNames(definition$scales, vapply(definition$scales, function(s) s$id, ""))

# The possible scores of an item (before reverse keying) and the function from raw answers to scores.
item_scoring <- function(item) {
  if (item$type == "likert") {
    points <- scales[[item$scale]]$points
    values <- vapply(points, function(p) p$value, 0)
    scores <- vapply(points, function(p) if (is.null(p$score)) p$value else p$score, 0)
    list(possible = scores, min = min(scores), max = max(scores),
         score = function(raw) scores[match(as.numeric(raw), values)])
  } else if (item$type == "single") {
    codes <- vapply(item$options, function(o) o$code, "")
    scores <- vapply(item$options, function(o) o$score, 0)
    list(possible = scores, min = min(scores), max = max(scores),
         score = function(raw) scores[match(raw, codes)])
  } else if (item$type == "number") {
    list(possible = NULL, min = item$min, max = item$max, score = function(raw) as.numeric(raw))
  } else {
    NULL
  }
}

scored <- list()
for (item in definition$items) {
  s <- item_scoring(item)
  if (is.null(s)) next
  x <- s$score(responses[[item$name]])
  possible <- s$possible
  if (isTRUE(item$reverse)) {
    x <- (s$min + s$max) - x
    if (!is.null(possible)) possible <- (s$min + s$max) - possible
  }
  scored[[item$name]] <- list(x = x, min = s$min, max = s$max, possible = sort(possible))
}
item_scores <- as.data.frame(lapply(scored, function(s) s$x))

subscale_scores <- list()
subscale_null <- list()
subscale_range <- list()
for (sub in definition$subscales) {
  names <- unlist(sub$items)
  x <- as.matrix(item_scores[, names, drop = FALSE])
  n <- length(names)
  rule <- if (is.null(sub$minAnswered)) list(fraction = 0.5) else sub$minAnswered
  needed <- if (!is.null(rule$fraction)) max(1, ceiling(rule$fraction * n - 1e-9)) else rule$count
  answered <- rowSums(!is.na(x))
  aggregate <- if (is.null(sub$aggregate)) "mean" else sub$aggregate
  transform <- if (is.null(sub$transform)) "none" else sub$transform
  if (transform == "percent") {
    lows <- vapply(names, function(i) scored[[i]]$min, 0)
    highs <- vapply(names, function(i) scored[[i]]$max, 0)
    above <- sweep(x, 2, lows)
    span <- (!is.na(x)) %*% (highs - lows)
    score <- 100 * rowSums(above, na.rm = TRUE) / as.vector(span)
  } else if (aggregate == "sum") {
    score <- rowSums(x, na.rm = TRUE)
  } else {
    score <- rowMeans(x, na.rm = TRUE)
  }
  score[answered < needed] <- NA
  subscale_scores[[sub$id]] <- score
  # The possible range: the `needed` lowest (highest) item minimums (maximums), plus, for a sum, any further item
  # that can only lower (raise) it; a mean of more items than `needed` cannot go beyond the mean of the extremes.
  lows <- sort(vapply(names, function(i) scored[[i]]$min, 0))
  highs <- sort(vapply(names, function(i) scored[[i]]$max, 0), decreasing = TRUE)
  first <- seq_len(needed)
  subscale_range[[sub$id]] <- if (transform == "percent") c(0, 100) else if (aggregate == "sum") {
    c(sum(lows[first]) + sum(pmin(lows[-first], 0)), sum(highs[first]) + sum(pmax(highs[-first], 0)))
  } else {
    c(mean(lows[first]), mean(highs[first]))
  }
  # The uniform null of rwg(j): every item with the same possible scores, each equally likely.
  possible <- lapply(names, function(i) scored[[i]]$possible)
  same <- all(vapply(possible, function(p) length(p) > 0 && identical(p, possible[[1]]), TRUE))
  subscale_null[[sub$id]] <- if (same) mean((possible[[1]] - mean(possible[[1]]))^2) else NA
}
# For scores 1 … A the uniform null is (A² − 1)/12.
stopifnot(isTRUE(all.equal(subscale_null$culture, (5^2 - 1) / 12)), isTRUE(all.equal(subscale_null$success, (7^2 - 1) / 12)))

alpha_of <- function(x) {
  n_item <- colSums(!is.na(x))
  # max: how many distinct values psych tabulates (only for its response frequencies, which are not used here).
  result <- NULL
  invisible(capture.output(result <- tryCatch(suppressMessages(suppressWarnings(psych::alpha(x, warnings = FALSE, max = 101))), error = function(e) NULL)))
  if (is.null(result)) {
    return(list(alpha = NA, n = 0, items = lapply(colnames(x), function(i) list(name = i, n = n_item[[i]], itemRest = NA))))
  }
  kept <- rownames(result$item.stats)
  list(
    alpha = result$total$raw_alpha,
    n = sum(rowSums(!is.na(x[, kept, drop = FALSE])) > 0),
    items = lapply(colnames(x), function(i) {
      list(name = i, n = n_item[[i]], itemRest = if (i %in% kept) result$item.stats[i, "r.drop"] else NA)
    })
  )
}

subsets <- list(
  overall = list(all = rep(TRUE, nrow(responses))),
  country = lapply(split(seq_len(nrow(responses)), responses$country), function(i) seq_len(nrow(responses)) %in% i),
  language = lapply(split(seq_len(nrow(responses)), responses$language), function(i) seq_len(nrow(responses)) %in% i),
  program = lapply(split(seq_len(nrow(responses)), responses$program), function(i) seq_len(nrow(responses)) %in% i)
)

alpha <- list()
for (sub in definition$subscales) {
  names <- unlist(sub$items)
  alpha[[sub$id]] <- lapply(subsets, function(by) lapply(by, function(rows) alpha_of(item_scores[rows, names, drop = FALSE])))
}

rwg <- list()
for (sub in definition$subscales) {
  if (is.na(subscale_null[[sub$id]])) next
  names <- unlist(sub$items)
  out <- rwg.j(item_scores[, names], responses$program, ranvar = subscale_null[[sub$id]])
  rwg[[sub$id]] <- list(
    nullVariance = subscale_null[[sub$id]],
    groups = lapply(seq_len(nrow(out)), function(i) list(group = as.character(out$grpid[i]), n = out$gsize[i], rwg = out$rwg.j[i]))
  )
}

# n, mean, sd, quartiles and 8-bin counts of a subscale's scores (missing ones left out), as describe.ts reports them.
BINS <- 8
describe_scores <- function(x, breaks) {
  x <- x[!is.na(x)]
  n <- length(x)
  list(
    n = n,
    mean = if (n > 0) mean(x) else NA,
    sd = if (n > 1) sd(x) else NA,
    quartiles = if (n > 0) unname(quantile(x, type = 7)) else NA,
    histogram = hist(x, breaks = breaks, right = FALSE, include.lowest = TRUE, plot = FALSE)$counts
  )
}
describe_subsets <- c(subsets, list(group = lapply(split(seq_len(nrow(responses)), responses$group), function(i) seq_len(nrow(responses)) %in% i)))
descriptives <- list()
for (sub in definition$subscales) {
  range <- subscale_range[[sub$id]]
  breaks <- seq(range[1], range[2], length.out = BINS + 1)
  score <- subscale_scores[[sub$id]]
  descriptives[[sub$id]] <- c(
    list(range = range, breaks = breaks),
    lapply(describe_subsets, function(by) lapply(by, function(rows) describe_scores(score[rows], breaks)))
  )
}
stopifnot(isTRUE(all.equal(subscale_range$success, c(2, 21))), min(subscale_scores$success, na.rm = TRUE) == 2)
# Values on and within R's fuzz (1e-7 of a bin's width) of the edges, and beyond the ends: where hist puts them.
edge_breaks <- seq(1, 5, length.out = BINS + 1)
edge_x <- c(1 - 4e-8, 1, 1.5 - 4e-8, 1.5 - 1e-6, 1.5, 2.75, 3, 3 + 1e-9, 4.5 - 1e-12, 5, 5 + 4e-8, 0.9, 5.1)
edge_in <- edge_x >= 1 - 1e-7 * 0.5 & edge_x <= 5 + 1e-7 * 0.5
edge_cases <- list(x = edge_x, breaks = edge_breaks,
                   counts = hist(edge_x[edge_in], breaks = edge_breaks, right = FALSE, include.lowest = TRUE, plot = FALSE)$counts)

icc <- list()
for (sub in definition$subscales) {
  d <- data.frame(score = subscale_scores[[sub$id]], program = responses$program)
  d <- d[!is.na(d$score), ]
  model <- aov(score ~ as.factor(program), data = d)
  table <- summary(model)[[1]]
  icc[[sub$id]] <- list(icc1 = ICC1(model), icc2 = ICC2(model), n = nrow(d), groups = length(unique(d$program)),
                        msBetween = table[1, 3], msWithin = table[2, 3])
}

expected <- list(
  generatedWith = list(R = as.character(getRversion()), psych = as.character(packageVersion("psych")),
                       multilevel = as.character(packageVersion("multilevel"))),
  respondents = responses$respondent,
  itemScores = lapply(item_scores, identity),
  subscaleScores = subscale_scores,
  nullVariance = subscale_null,
  alpha = alpha,
  rwg = rwg,
  icc = icc,
  describe = descriptives,
  histogramEdgeCases = edge_cases
)
writeLines(toJSON(expected, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), file.path(here, "survey-expected.json"))
