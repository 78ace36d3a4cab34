import Foundation

/// Losses printed with as many decimals as their range needs. In the RELAX toy the whole
/// race happens between 0.250001 and 0.249001, which three significant digits would print as
/// one number; here the decimals follow the gap between the start and the optimum.
public enum LossFormat {
  /// Decimals that resolve a thousandth of `scale` (one to twelve).
  public static func decimals(scale: Double) -> Int {
    guard scale.isFinite, scale > 0 else { return 4 }
    // A gap of 0.001 computed as 0.00099999... still gets 6 decimals, not 7.
    return min(max(Int((-log10(scale) - 1e-9).rounded(.up)) + 3, 1), 12)
  }

  /// `x` with `decimals` decimals ("nan" and "inf" spelled out).
  public static func fixed(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
    let text = String(format: "%.\(decimals)f", x)
    // No "-0.000": a value that rounds to zero prints without a sign.
    return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." })
      ? String(text.dropFirst()) : text
  }

  /// The share of the gap to the optimum a loss has closed, `(L_0 - L) / (L_0 - L*)`, as a
  /// percentage: nothing short of the optimum reads "100%" (99.5 to 100 keep one decimal,
  /// cut down), "<-999%" below that, and "" without a finite optimum or gap.
  public static func gapClosed(_ loss: Double, start: Double, optimum: Double?) -> String {
    guard let optimum, start > optimum else { return "" }
    let share = 100 * (start - loss) / (start - optimum)
    guard share.isFinite else { return "-" }
    if share >= 99.5 && share < 100 {
      return String(format: "%.1f%%", (share * 10).rounded(.down) / 10)
    }
    // A lane far worse than its start (a learning rate far too large) fits a column too.
    if share < -999 { return "<-999%" }
    return (abs(share) >= 100 ? String(Int(share.rounded())) : NumberFormat.short(share)) + "%"
  }

  /// The scale a race's losses live on: the gap from the start to the optimum, or the start
  /// loss's own size when there is no finite optimum.
  public static func scale(startLoss: Double, optimum: Double?) -> Double {
    if let optimum, startLoss - optimum > 0 { return startLoss - optimum }
    return max(abs(startLoss), 1e-12)
  }
}
