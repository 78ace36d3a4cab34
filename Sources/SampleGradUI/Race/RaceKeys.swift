import Foundation

/// What a key does in the race view. The view's footer and the help read this table, so
/// what is documented is what is bound.
public enum RaceAction: Sendable, Equatable {
  case togglePause
  /// Starts the race again from step 0 (the same seed: the same race).
  case restart
  /// Multiplies the learning rate by the next step of 1, 2, 5 (up) or back (down), and
  /// restarts.
  case raiseLearningRate, lowerLearningRate
  /// Back to the explorer.
  case close
  case quit
}

public enum RaceKeys {
  public static func action(for key: Key) -> RaceAction? {
    switch key {
    case .character(" "): .togglePause
    case .character("r"): .restart
    case .character("+"), .character("="): .raiseLearningRate
    case .character("-"), .character("_"): .lowerLearningRate
    case .escape, .character("T"): .close
    case .character("q"), .interrupt: .quit
    default: nil
    }
  }

  /// The footer, in screen order.
  static let footer: [(keys: String, text: String)] = [
    ("space", "pause"), ("r", "restart"), ("+ -", "learning rate"), ("Esc", "back"),
    ("q", "quit"),
  ]

  /// The learning rates `+` and `-` step through: 1, 2, 5 in each decade.
  public static func nextLearningRate(after rate: Double, up: Bool) -> Double {
    let exponent = (rate.magnitude.isFinite && rate > 0) ? floor(log10(rate)) : -2
    let candidates = (-1...1).flatMap { shift in
      [1.0, 2, 5].map { $0 * pow(10, exponent + Double(shift)) }
    }
    // Compare with a relative tolerance: 0.01 is not exactly a power of ten in binary.
    if up {
      return candidates.first { $0 > rate * (1 + 1e-9) } ?? rate * 2
    }
    return candidates.last { $0 < rate * (1 - 1e-9) } ?? rate / 2
  }
}
