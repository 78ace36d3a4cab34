import SampleGradCore

/// The live screen's help page, from the same table as the bindings (`KeyMap.action`). On D
/// variables the parameter keys read as variable keys and the keys that only make sense
/// there (Tab, `A`, `d`) are listed; on one variable the page is as it always was.
extension KeyMap {
  /// One line of the help overlay.
  struct Entry: Sendable {
    let keys: String
    let asciiKeys: String
    let text: String

    init(_ keys: String, _ asciiKeys: String, _ text: String) {
      self.keys = keys
      self.asciiKeys = asciiKeys
      self.text = text
    }

    init(_ keys: String, _ text: String) {
      self.init(keys, keys, text)
    }
  }

  /// The help's section on a tour's keys, which a tour binds (`Explorer.handleTourKey`).
  static let tourSection = "In a tour (samplegrad tour NAME)"

  /// Every key of the live screen on one variable, grouped as its help page lists them.
  static var help: [(title: String, entries: [Entry])] { help(variables: nil) }

  /// Every key of the live screen, grouped as its help page lists them; the keys that open
  /// the other views come from `ViewRegistry`. `variables` (D > 1) turns the parameter keys
  /// into variable keys.
  static func help(variables: VariableSelection?) -> [(title: String, entries: [Entry])] {
    let many = variables.flatMap { $0.isMany ? $0 : nil }
    return [
      many.map {
        ("Variables (\($0.variables) \($0.isBits ? "bits" : "categoricals"))", keys(of: $0))
      }
        ?? ("Parameters", parameterKeys),
      ("Estimators and numbers", estimatorKeys + (many == nil ? [] : [componentKey])),
      (
        "Screen",
        [
          Entry("L", "show or hide the lesson"),
          Entry("c", "cycle the middle pane: samples, lesson, chart"),
          Entry("p", "pick a preset (/ filters the list)"),
          Entry("O", "estimator options (\(EstimatorRegistry.optionNames)): type KEY=VALUE"),
        ] + ViewRegistry.helpEntries + [
          Entry("x", "export the screen and the numbers to files"),
          Entry("?", "this help; Tab turns to the legend of every symbol"),
          Entry("q", "quit"),
        ]
      ),
      (
        tourSection,
        [
          Entry("space →", "space Right", "the next step (it starts from its own settings)"),
          Entry("←", "Left", "the step before"),
          Entry("P", "pause or resume (space is the next step)"),
          Entry("h l", "select a parameter (the arrows move between steps)"),
          Entry("c", "the whole caption of the step"),
          Entry("Esc", "leave a step's view (sweep, race, overview) for its live numbers"),
        ]
      ),
      (
        "Lists and prompts",
        [
          Entry("↑ ↓ j k", "Up Down j k", "move; Enter loads, sets or toggles"),
          Entry("/", "filter the preset list as you type"),
          Entry("Esc", "close the overlay or cancel the prompt"),
        ]
      ),
    ]
  }

  private static let parameterKeys =
    [
      Entry("← → h l", "Left Right h l", "select a parameter"),
      Entry("Home End g G", "select the first or the last"),
      Entry("↑ ↓ k j", "Up Down k j", "change it by 0.1 (a std: x1.25, /1.25)"),
      Entry("PgUp PgDn", "change it by 1 (a std: x2, /2)"),
      Entry("= v", "type a value for it"),
    ] + settingKeys

  private static let settingKeys = [
    Entry("0", "restore the preset's parameters"),
    Entry("[ ]", "lower or raise the temperature (x1.25)"),
    Entry("t", "type a temperature"),
  ]

  private static let estimatorKeys = [
    Entry("1 - 9", "turn estimator row 1 to 9 on or off"),
    Entry("e", "choose estimators (every row)"),
    Entry("m  M", "pin the numbers to compare after a change; clear"),
    Entry("r", "reset the statistics and the chart"),
    Entry("space  s", "pause or resume; one batch while paused"),
  ]

  private static let componentKey = Entry(
    "d", "the selected logit's own verdict, bias, variance and SD/|g| beside the totals")

  /// The parameter keys on D variables: ←/→ go a variable at a time, Tab within one.
  private static func keys(of selection: VariableSelection) -> [Entry] {
    let logit = selection.isBits ? "its log-odds" : "the selected logit"
    var entries = [
      Entry("← → h l", "Left Right h l", "select a variable (its bar in the marginals)"),
      Entry("Home End g G", "select the first or the last variable"),
    ]
    if !selection.isBits {
      entries.append(Entry("Tab", "the variable's next logit (back to the first after the last)"))
    }
    entries += [
      Entry("↑ ↓ k j", "Up Down k j", "change \(logit) by 0.1"),
      Entry("PgUp PgDn", "change it by 1"),
      Entry("= v", "type a value for it"),
      Entry(
        "A",
        selection.isBits
          ? "type one log-odds for every bit"
          : "type one value for every logit, or K values for every variable's row"),
    ]
    return entries + settingKeys
  }
}
