import SampleGradCore
import SampleGradEngine

/// Playing a tour: each step loads its own scenario (so a step starts from its settings
/// again, whatever was changed in the step before), selects its parameter and opens its view.
/// Space or → goes to the next step, ← back; every other key is the view's own, except that
/// P pauses (space is taken) and h/l select where the arrows did. `c` shows the whole caption.
extension Explorer {
  /// Starts `playback` at its first step; returns the effects that load it.
  package mutating func play(_ playback: TourPlayback, snapshot: Snapshot) -> [ExplorerEffect] {
    tour = playback
    return goToStep(0, snapshot: snapshot)
  }

  /// The tour's keys, before the view's: nil when `key` is left to the view.
  mutating func handleTourKey(_ key: Key, snapshot: Snapshot) -> [ExplorerEffect]? {
    guard let playback = tour else { return nil }
    switch overlay {
    case .none, .sweep, .race, .overview: break
    case .help, .presets, .prompt, .estimators: return nil
    }
    if playback.showsCaption {
      tour?.showsCaption = false
      if key == .escape { return [] }
      if key == .character("c") {
        // Closing the box moves on in the cycle of the middle pane: samples, caption, chart.
        guard case .none = overlay, layout(snapshot).needsMiddle else { return [] }
        return perform(.cycleView, snapshot: snapshot)
      }
    }
    switch key {
    case .character(" "), .right:
      guard !playback.isLast else {
        message =
          "the end of the tour (\(playback.tour.steps.count) steps): \(backKey) goes back, q quits"
        return []
      }
      return goToStep(playback.index + 1, snapshot: snapshot)
    case .left:
      guard !playback.isFirst else {
        message = "this is the first step: space or \(options.ascii ? "Right" : "→") goes on"
        return []
      }
      return goToStep(playback.index - 1, snapshot: snapshot)
    case .character("P"):
      return pauseInView()
    case .character("c"):
      return showCaption(snapshot: snapshot)
    default:
      return nil
    }
  }

  /// P: what space does in the view on screen.
  private mutating func pauseInView() -> [ExplorerEffect] {
    switch overlay {
    case .sweep: return [.job(.sweep(.togglePause))]
    case .race: return [.job(.race(.togglePause))]
    case .overview: return [.job(.overview(.togglePause))]
    default: return [.send(.togglePause)]
    }
  }

  /// `c` in a tour: the caption in a box; where the middle pane cycles, the box takes the
  /// lesson's place in the cycle (samples, caption, chart), unless the lesson pane already
  /// shows the whole caption.
  private mutating func showCaption(snapshot: Snapshot) -> [ExplorerEffect] {
    guard case .none = overlay else {
      tour?.showsCaption = true
      return []
    }
    let layout = layout(snapshot)
    if layout.needsMiddle, showsWholeCaption(layout) || middle != .samples {
      return perform(.cycleView, snapshot: snapshot)
    }
    tour?.showsCaption = true
    return []
  }

  /// The key that goes back a step, as the screen names it.
  var backKey: String { options.ascii ? "Left" : "←" }

  /// The key that pauses, as the screen names it: P in a tour (space is the next step).
  var pauseKey: String { TourChrome.pauseKey(inTour: tour != nil) }

  /// Whether the lesson pane shows every line of the caption.
  func showsWholeCaption(_ layout: ScreenLayout) -> Bool {
    guard let pane = layout.lesson, let chrome = tour?.chrome else { return false }
    let lines = WordWrap.lines(
      Theme(options: options).glyphs.text(chrome.caption), width: max(pane.width - 2, 1))
    return lines.count <= pane.height - 1
  }

  /// Leaves whatever view is open, loads step `index`'s scenario, selects its parameter and
  /// opens its view.
  mutating func goToStep(_ index: Int, snapshot: Snapshot) -> [ExplorerEffect] {
    guard var playback = tour, playback.scenarios.indices.contains(index) else { return [] }
    var effects: [ExplorerEffect] = []
    switch overlay {
    case .sweep: effects.append(.job(.sweep(.close)))
    case .race: effects.append(.job(.race(.close)))
    case .overview: effects.append(.job(.overview(.close)))
    default: break
    }
    overlay = .none
    let previous = playback.index
    playback.index = index
    playback.showsCaption = false
    if pin != nil, pin == playback.pinned { pin = nil }
    playback.pinned = nil
    message = nil
    // A step that turns a knob shows the numbers of the step before in ( ) beside its own:
    // the class compares them without remembering (a pin of the user's own stays instead).
    if pin == nil, index == previous + 1, playback.step.turnsAKnob,
      snapshot.scenario == playback.scenarios[previous]
    {
      let numbers = Pin(snapshot)
      if !numbers.rows.isEmpty {
        pin = numbers
        playback.pinned = numbers
        message = "step \(previous + 1)'s numbers are pinned in ( ) beside these; M clears them"
      }
    }
    tour = playback
    let scenario = playback.scenario
    effects += [.send(.load(scenario)), .send(.resume)]
    selectedParameter = min(
      max((playback.step.select ?? 1) - 1, 0), scenario.distribution.parameterCount - 1)
    showsLesson = true
    if middle == .lesson { middle = .samples }
    switch playback.step.view {
    case .live: break
    case .sweep: effects += openSweep(scenario: scenario, enabled: scenario.estimators)
    case .race:
      effects += openRace(scenario: scenario, enabled: scenario.estimators, seed: snapshot.seed)
    case .overview: effects += openOverview()
    }
    return effects
  }
}
