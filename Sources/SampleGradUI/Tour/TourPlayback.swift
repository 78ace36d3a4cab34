import SampleGradCore

/// A tour playing in the explorer: its steps with each one's scenario resolved before the
/// first is shown (so a broken step is an error at the start, not in front of the class),
/// the step on screen, and whether its caption box is open.
package struct TourPlayback: Sendable, Equatable {
  package let tour: Tour
  /// One per step, as `Tour.scenarios(presets:)` resolves them.
  package let scenarios: [Scenario]
  /// One per step: the model preset whose race the step shows, or nil for a scenario's step.
  package let models: [VAEPreset?]
  /// The step on screen, 0-based.
  package internal(set) var index = 0
  /// Whether the whole caption is shown in a box (`c`).
  package internal(set) var showsCaption = false
  /// The page of the caption in its box, from 0 (`c` turns it).
  package internal(set) var captionPage = 0
  /// Whether the step's caption has been shown in its box since the step began: until it
  /// has, `c` shows it first, whatever the middle pane shows.
  package internal(set) var captionSeen = false
  /// The numbers the tour pinned on entering the step on screen (the step before's), so
  /// leaving it clears them and a pin of the user's own stays.
  var pinned: Pin?

  /// Nil when the tour has no steps or `scenarios` (or `models`) does not match them.
  package init?(tour: Tour, scenarios: [Scenario], models: [VAEPreset?]? = nil) {
    let models = models ?? scenarios.map { _ in nil }
    guard !tour.steps.isEmpty, scenarios.count == tour.steps.count,
      models.count == tour.steps.count
    else { return nil }
    self.tour = tour
    self.scenarios = scenarios
    self.models = models
  }

  package var step: TourStep { tour.steps[index] }
  package var scenario: Scenario { scenarios[index] }
  /// The model preset of the step on screen, if it is a model's step.
  package var model: VAEPreset? { models[index] }
  package var isFirst: Bool { index == 0 }
  package var isLast: Bool { index == tour.steps.count - 1 }

  var chrome: TourChrome {
    TourChrome(
      number: index + 1, count: tour.steps.count, title: step.title, caption: step.caption)
  }
}

extension TourStep {
  /// Whether the step only turns a knob of the step before it (its temperature or its
  /// parameters, with the same estimators), so the numbers from before the turn are worth
  /// keeping beside the new ones.
  var turnsAKnob: Bool {
    preset == nil && estimators == nil
      && (temperature != nil || logits != nil || mean != nil || std != nil)
  }
}
