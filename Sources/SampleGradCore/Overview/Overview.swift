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
    /// The section (an index into `sections`) whose scenario the row was measured on: 0 for
    /// the scenario on screen, another for a built-in one; nil where the method runs on none.
    public let section: Int?
    /// Forward passes behind the "exact distribution" answer (`OverviewFit`), nil where none.
    public let forwardSamples: Int?

    public init(
      kind: EstimatorKind, cells: [Column: Cell], variance: Double? = nil,
      relativeNoise: Double? = nil, samples: Int? = nil, section: Int? = 0,
      forwardSamples: Int? = nil
    ) {
      self.kind = kind
      self.cells = cells
      self.variance = variance
      self.relativeNoise = relativeNoise
      self.samples = samples
      self.section = section
      self.forwardSamples = forwardSamples
    }

    /// Whether the row was measured on the scenario on screen.
    public var isForThisDistribution: Bool { section == 0 }

    /// Whether the row was measured at all (here or on a built-in scenario).
    public var isMeasured: Bool { section != nil }
  }

  /// A scenario the table's rows were measured on.
  public struct Section: Sendable, Equatable {
    /// `this scenario`, `built-in gaussian: N(1, 1), f = x²`.
    public let label: String
    public let scenarioName: String
    public let distribution: String
    /// The parameter its rows' numbers are for.
    public let componentName: String
    /// What its df/dx column was measured on.
    public let probeDescription: String
    public let isCurrent: Bool

    public init(
      label: String, scenarioName: String, distribution: String, componentName: String,
      probeDescription: String, isCurrent: Bool
    ) {
      self.label = label
      self.scenarioName = scenarioName
      self.distribution = distribution
      self.componentName = componentName
      self.probeDescription = probeDescription
      self.isCurrent = isCurrent
    }
  }

  /// The scenario measured, and the component the numbers are for.
  public let title: String
  public let distribution: String
  public let componentName: String
  /// What the df/dx column was measured on ("a reward table with the same f at each outcome").
  public let probeDescription: String
  public let samples: Int
  /// The scenario on screen's rows first, then each built-in scenario's, then the methods
  /// that run on none.
  public let rows: [Row]
  /// The scenarios the rows were measured on, the one on screen first.
  public let sections: [Section]

  public init(
    title: String, distribution: String, componentName: String, probeDescription: String,
    samples: Int, rows: [Row], sections: [Section] = []
  ) {
    self.title = title
    self.distribution = distribution
    self.componentName = componentName
    self.probeDescription = probeDescription
    self.samples = samples
    self.rows = rows
    self.sections = sections
  }

  /// The section a row was measured on, if any.
  public func section(of row: Row) -> Section? {
    row.section.flatMap { sections.indices.contains($0) ? sections[$0] : nil }
  }
}
