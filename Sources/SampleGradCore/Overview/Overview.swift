/// The "all in one" table that texts on gradient estimators print as constants (continuous or
/// discrete; differentiable w.r.t. the parameters; follows the exact distribution; needs
/// df/dx; unbiased), with every cell measured on the current scenario instead.
public struct Overview: Sendable, Equatable {
  /// The table's columns, in order.
  public enum Column: String, Sendable, CaseIterable {
    case samples = "samples"
    case differentiable = "differentiable in θ"
    case exactDistribution = "exact distribution"
    case needsDerivative = "needs df/dx"
    case unbiased = "unbiased"
  }

  /// One cell: the answer and the measurement behind it.
  public struct Cell: Sendable, Equatable {
    /// How the answer reads against the column: a property to have (`good`), a limitation
    /// (`bad`), or nothing measured here (`none`). The screen colours by it.
    public enum Tone: String, Sendable { case good, bad, none }

    /// "yes", "no", "discrete", "n/a".
    public let answer: String
    /// What was measured: "χ² p 0.62", "gradient 0 ± 0", "bias 14 SE".
    public let evidence: String
    public let tone: Tone

    public init(_ answer: String, _ evidence: String, tone: Tone) {
      self.answer = answer
      self.evidence = evidence
      self.tone = tone
    }

    static func yes(_ evidence: String, good: Bool = true) -> Cell {
      Cell("yes", evidence, tone: good ? .good : .bad)
    }
    static func no(_ evidence: String, good: Bool = false) -> Cell {
      Cell("no", evidence, tone: good ? .good : .bad)
    }
    static func unmeasured(_ evidence: String) -> Cell { Cell("n/a", evidence, tone: .none) }

    /// `yes: χ² p 0.62`.
    public var text: String { evidence.isEmpty ? answer : "\(answer): \(evidence)" }
  }

  public struct Row: Sendable, Equatable {
    public let kind: EstimatorKind
    public let cells: [Column: Cell]
    /// Variance and SD/|exact| of one estimate on the chosen component, where it ran.
    public let variance: Double?
    public let relativeNoise: Double?
  }

  /// The scenario measured, and the component the numbers are for.
  public let title: String
  public let distribution: String
  public let componentName: String
  /// What the df/dx column was measured on ("a reward table with the same f at each outcome").
  public let probeDescription: String
  public let samples: Int
  public let rows: [Row]

  public init(
    title: String, distribution: String, componentName: String, probeDescription: String,
    samples: Int, rows: [Row]
  ) {
    self.title = title
    self.distribution = distribution
    self.componentName = componentName
    self.probeDescription = probeDescription
    self.samples = samples
    self.rows = rows
  }
}
