import SampleGradCore
import SampleGradEngine

/// The second help page: every symbol, colour, shade and scale on the screen, in a sentence
/// each, written with the glyphs and colours of the current display options.
enum Legend {
  /// `rows` are the scenario's estimator rows, whose theory the legend states; on D
  /// `variables` the strip, the selected variable and the ranked totals come first.
  static func entries(
    theme: Theme, rows: [EstimatorSnapshot] = [], variables: VariableSelection? = nil
  ) -> [(symbol: String, text: String)] {
    let many = variables.map { $0.isMany ? manyVariables(theme, bits: $0.isBits) : [] } ?? []
    return many + oneVariable(theme: theme, rows: rows)
  }

  private static func oneVariable(theme: Theme, rows: [EstimatorSnapshot]) -> [(
    symbol: String, text: String
  )] {
    let g = theme.glyphs
    let full = String(g.eighths[8])
    let shades = g.shades.dropFirst().map(String.init).joined(separator: " ")
    let series = g.series.prefix(3).map(String.init).joined(separator: " ")
    return [
      (
        "\(full) \(g.exactMarker) 0.455",
        "Samples: the bar is how often an outcome was drawn, the thin line where its exact "
          + "probability ends, the number the observed frequency."
      ),
      (
        "\(g.chiSquare) p",
        "A chi-square test of the counts against the exact probabilities: it wanders between 0 "
          + "and 1 while the samples follow them and sinks toward 0 when they do not."
      ),
      (
        shades,
        "Relaxed samples: one row per vector y, one cell per category, shaded by the entry: "
          + "blank below 0.01, then light, medium, dark, full (one-hot is one full block)."
      ),
      (
        "E[y] softmax",
        "The mean of the relaxed vectors beside the exact probabilities (shaded against the "
          + "largest entry when the cells are narrow); max |E[y] - p| is their widest gap."
      ),
      (
        "\(full) \(g.densityMarker)",
        "Gaussian samples: the columns count the samples per bin, the dot marks the exact "
          + "probability of the bin."
      ),
      (
        "mean \(g.plusMinus) 2 SE",
        "The running mean of the estimates and two standard errors of that mean: about 95% of "
          + "such intervals hold the true mean."
      ),
      (
        "bias 12 SE",
        "The data show a bias: mean - exact is 12 standard errors from zero (more than "
          + "\(NumberFormat.short(BiasVerdict.threshold)))."
      ),
      (
        "no bias seen",
        "(1.3 SE): within \(NumberFormat.short(BiasVerdict.threshold)) standard errors of zero. "
          + "That is not a proof: a small bias needs many samples to show."
      ),
      ("theory", theory(rows)),
      (
        "SD   SD/|g|",
        "The standard deviation of one estimate, and that noise over the size of the exact "
          + "gradient g: 45 means one estimate's noise is 45 times the signal."
      ),
      (
        "n 10%",
        g.text(
          "Estimates to average for an error of 10% of g, (10 SD/|g|)²; "
            + "never when the data show a bias of 10% of g or more.")
      ),
      (
        "MSE",
        g.text(
          "bias² + variance of one estimate. \"lowest MSE\" names, and the MSE table "
            + "stars (*), the lowest of each component among the estimates that vary: exact "
            + "(no noise) and a constant that misses (argmax's 0, all bias) are not ranked, "
            + "so argmax's MSE may be lower than the starred one's.")
      ),
      (
        "\(g.eta)",
        "REBAR's control-variate scale: fixed for REBAR, tuned as it samples for REBAR-auto."
      ),
      (
        "needs df/dx",
        "An estimator this objective cannot serve says what it lacks, and has no numbers; off "
          + "rows say how to turn them on (e lists every row)."
      ),
      (
        "( )",
        "Numbers pinned with m, beside the live ones; the title says the setting they were "
          + "taken at. M clears them."
      ),
      (
        series,
        "Variance chart: each enabled row's running variance on one log scale (ticks such as "
          + "0.1, 0.2, 0.5, 1), over the samples drawn; glyph and colour match the row's."
      ),
      (
        "\(g.changeMark) \(g.tau) 0.4",
        "A change of the parameters, with the new value: every statistic restarts there."
      ),
      ("colours", colours(theme)),
      (
        "yes: \(g.chiSquare) p 0.62",
        "Overview (o): each answer with the measurement behind it (a \(g.chiSquare) p, a mean "
          + "\(g.plusMinus) 2 SE, a bias in SE); coloured as a property to have or a limitation, "
          + "n/a where this scenario cannot measure it. The exact distribution is tested on each "
          + "method's own forward samples; df/dx is measured on a second objective without a "
          + "derivative: a reward table, or a step for a gaussian. Methods for another kind of "
          + "distribution are measured on a built-in scenario, named above their rows."
      ),
      (
        "step 3/14",
        "A tour's step and its title (samplegrad tour NAME): its caption is in the lesson pane, "
          + "or its first sentence below with c for all of it."
      ),
      (
        "\(g.running)",
        "Sampling runs; \(g.paused): space resumes. \(g.selection) and reverse video mark the "
          + "selected parameter."
      ),
    ]
  }

  /// What theory expects of this scenario's estimators (the verdicts say what the data show).
  private static func theory(_ rows: [EstimatorSnapshot]) -> String {
    let names = { (unbiased: Bool) in
      rows.filter { $0.isUnbiased == unbiased && $0.unavailable == nil }
        .map { $0.kind.descriptor.shortName }.joined(separator: ", ")
    }
    let unbiased = names(true)
    let biased = names(false)
    guard !rows.isEmpty else {
      return "Each estimator's theory: unbiased, or biased for L (the relaxed ones follow E[f(y)])."
    }
    var text = unbiased.isEmpty ? "" : "Unbiased in theory: \(unbiased)."
    if !biased.isEmpty {
      text += (text.isEmpty ? "" : " ") + "Biased for L in theory: \(biased)."
    }
    return text
  }

  /// What each colour means in this theme.
  private static func colours(_ theme: Theme) -> String {
    switch theme.name {
    case .mono:
      return "No colour: bold marks a bias and the lowest MSE, dim marks pinned values and "
        + "switched-off rows."
    case .dark:
      return "Green: no bias seen; yellow: a bias shown; magenta: pinned values and changes; "
        + "cyan: bars and labels; dim: switched off."
    case .light:
      return "Green: no bias seen; red: a bias shown; magenta: pinned values and changes; "
        + "blue: bars and labels; gray: switched off."
    }
  }
}
