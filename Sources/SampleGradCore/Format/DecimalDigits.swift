import Foundation

/// Decimal rounding in double arithmetic, so `NumberFormat` need not call
/// `String(format:)` (about 1.5 µs a call through Foundation; a frame prints about 100
/// numbers). Every function returns nil (or its caller falls back to printf) within a hair
/// of a rounding tie, where that could differ from printf's exact decimal rounding; a test
/// compares `NumberFormat` with printf on many values.
enum DecimalDigits {
  private static let powers: [Double] = (0...22).map { pow(10, Double($0)) }

  /// `x` scaled by `10^k`: correctly rounded for |k| <= 22, within a few ulps beyond.
  private static func scale(_ x: Double, _ k: Int) -> Double {
    var x = x
    var k = k
    while k > 22 {
      x *= powers[22]
      k -= 22
    }
    while k < -22 {
      x /= powers[22]
      k += 22
    }
    return k >= 0 ? x * powers[k] : x / powers[-k]
  }

  /// `m > 0` rounded to `n` significant digits: `digits` has exactly `n` digits and
  /// `m ≈ digits × 10^(exponent - n + 1)`. Nil near a tie or outside the easy range.
  static func significant(_ m: Double, _ n: Int) -> (digits: Int, exponent: Int)? {
    guard m.isFinite, m > 0, m >= 1e-280, m < 1e280 else { return nil }
    var e = Int(log10(m).rounded(.down))
    let low = powers[n - 1]
    let high = powers[n]
    var scaled = scale(m, n - 1 - e)
    if scaled < low {
      e -= 1
      scaled = scale(m, n - 1 - e)
    } else if scaled >= high {
      e += 1
      scaled = scale(m, n - 1 - e)
    }
    let fraction = scaled - scaled.rounded(.down)
    // Scaling is exact to a few ulps, so only a near-tie can round differently from
    // printf's exact decimal rounding.
    guard abs(fraction - 0.5) > 1e-6 else { return nil }
    var digits = Int(scaled.rounded())
    if digits >= Int(high) {
      digits /= 10
      e += 1
    }
    return (digits, e)
  }

  /// `NumberFormat.short` of a finite, non-zero `x`, or nil near a tie.
  static func short(_ x: Double) -> String? {
    let m = abs(x)
    guard let (digits, e) = significant(m, 3) else { return nil }
    let sign = x < 0 ? "-" : ""
    if m >= 1e5 || m < 1e-3 || e >= 3 { return sign + scientific(digits, e, 3) }
    return sign + fixedDigits(digits, e)
  }

  /// `%.(n-1)e` from `n` significant digits: `1.23e-05`, `4.6e+03`.
  static func scientific(_ digits: Int, _ e: Int, _ n: Int) -> String {
    var text = String(digits)
    if n > 1 { text.insert(".", at: text.index(after: text.startIndex)) }
    let magnitude = abs(e)
    return text + (e < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
  }

  /// `%.3g` for exponents -4...2: fixed notation without trailing zeros.
  private static func fixedDigits(_ digits: Int, _ e: Int) -> String {
    var decimals = max(2 - e, 0)
    let divisor = Int(powers[decimals])
    var fraction = digits % divisor
    let whole = digits / divisor
    while decimals > 0, fraction % 10 == 0 {
      fraction /= 10
      decimals -= 1
    }
    guard decimals > 0 else { return String(whole) }
    let text = String(fraction)
    return String(whole) + "." + String(repeating: "0", count: decimals - text.count) + text
  }

  /// `%.4f` of `x`, or nil near a tie or for huge values.
  static func fixed(_ x: Double) -> String? {
    let scaled = abs(x) * 1e4
    let fraction = scaled - scaled.rounded(.down)
    guard x.isFinite, scaled < 1e15, abs(fraction - 0.5) > 1e-6 else { return nil }
    let units = Int(scaled.rounded())
    let decimals = String(units % 10_000)
    let sign = x.sign == .minus ? "-" : ""
    return sign + String(units / 10_000) + "." + String(repeating: "0", count: 4 - decimals.count)
      + decimals
  }
}
