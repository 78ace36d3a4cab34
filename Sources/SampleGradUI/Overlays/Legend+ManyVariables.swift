/// The legend's entries for the symbols of D variables, first on its page there: the strip
/// of marginals, the selected variable, and the rows ranked by their totals.
extension Legend {
  static func manyVariables(_ theme: Theme, bits: Bool) -> [(symbol: String, text: String)] {
    let g = theme.glyphs
    let full = String(g.columnEighths[8])
    let strip =
      bits
      ? (
        "\(full) \(g.densityMarker)",
        "Marginals: a bar per bit rising to how often b_d = 1 was drawn, the dot at its exact "
          + "P(b_d = 1); the selected bit's bar is bright and marked \(g.moreAbove) below."
      )
      : (
        g.shades.dropFirst().map(String.init).joined(separator: " "),
        "Marginals: a heat cell per variable (column) and category (row k), shaded by p_d(k); "
          + "the selected logit's cell in reverse video, its variable marked \(g.moreAbove) below."
      )
    return [
      strip,
      (
        "vars 1-78 of 128",
        "The strip pages past the width: the page shown holds the selected variable."
      ),
      (
        "drawn  E[y]",
        "The selected variable: its logits, p, the frequencies drawn, its latest relaxed "
          + "vectors and their mean E[y] beside p."
      ),
      (
        "MSE *",
        g.text(
          "Rows rank by the total MSE, |mean - exact|² plus the sum of the components' "
            + "variances: the lowest is starred and bold; exact is the reference, on top.")
      ),
      (
        "SD/|g|",
        "On the rows of D variables: the total noise, sqrt(sum of variances), over |g|."
      ),
      (
        "cos \(g.eighths[8])\(g.eighths[8])\(g.eighths[4])",
        "The mean cosine between one estimate and the exact gradient: 1 (a full bar) when "
          + "every estimate points the right way, about 0 when its direction is noise."
      ),
      (
        "\(g.vertical) bias",
        "With d, the selected logit's own verdict, bias, variance and SD/|g|, right of the rule."
      ),
      (
        "f/est",
        g.text("Evaluations of f per estimate (IndeCateR's D·K·k), to compare at equal cost.")
      ),
    ]
  }
}
