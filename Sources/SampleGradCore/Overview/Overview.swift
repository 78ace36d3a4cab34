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
    /// The evidence in a few characters, for a narrow screen ("p 0.62", "14 SE", "-100%"), or
    /// empty where the answer says enough.
    public let brief: String
    public let tone: Tone

    public init(_ answer: String, _ evidence: String, brief: String = "", tone: Tone) {
      self.answer = answer
      self.evidence = evidence
      self.brief = brief
      self.tone = tone
    }

    static func yes(_ evidence: String, brief: String = "", good: Bool = true) -> Cell {
      Cell("yes", evidence, brief: brief, tone: good ? .good : .bad)
    }
    static func no(_ evidence: String, brief: String = "", good: Bool = false) -> Cell {
      Cell("no", evidence, brief: brief, tone: good ? .good : .bad)
    }
    static func unmeasured(_ evidence: String) -> Cell { Cell("n/a", evidence, tone: .none) }

    /// `yes: χ² p 0.62`.
    public var text: String { evidence.isEmpty ? answer : "\(answer): \(evidence)" }

    /// `yes p 0.62`: the answer and the brief evidence.
    public var briefText: String { brief.isEmpty ? answer : "\(answer) \(brief)" }
  }

  public struct Row: Sendable, Equatable {
    public let kind: EstimatorKind
    public let cells: [Column: Cell]
    /// Variance and SD/|exact| of one estimate on the chosen component, where it ran.
    public let variance: Double?
    public let relativeNoise: Double?
    /// Samples behind the row's numbers: the table's, or more where its "unbiased" answer
    /// needed them to be decisive (`OverviewDecision`); nil where it did not run.
    public let samples: Int?

    public init(
      kind: EstimatorKind, cells: [Column: Cell], variance: Double? = nil,
      relativeNoise: Double? = nil, samples: Int? = nil
    ) {
      self.kind = kind
      self.cells = cells
      self.variance = variance
      self.relativeNoise = relativeNoise
      self.samples = samples
    }

    /// Whether the method works on this kind of distribution at all (a row that does not
    /// has nothing measured but its kind of samples).
    public var isForThisDistribution: Bool { cells[.samples]?.tone != Cell.Tone.none }
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
