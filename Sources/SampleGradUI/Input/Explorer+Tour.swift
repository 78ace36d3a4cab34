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

  /// The tour's keys, before the view's (no overlay is open): nil when `key` is left to the
  /// view.
  mutating func handleTourKey(_ key: Key, snapshot: Snapshot) -> [ExplorerEffect]? {
    guard let playback = tour else { return nil }
    if playback.showsCaption {
      if key == .character("c"), playback.captionPage + 1 < captionPages(snapshot) {
        tour?.captionPage += 1
        return []
      }
      tour?.showsCaption = false
      if key == .escape { return [] }
      if key == .character("c") {
        // Closing the box moves on in the cycle of the middle pane: samples, caption, chart.
        guard view == nil, liveLayout(snapshot).needsMiddle else { return [] }
        return cycleMiddle(snapshot)
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
      // What space does in the view on screen (space itself is the next step).
      return route(snapshot) { view, context in view.handle(.character(" "), &context) }
    case .character("c"):
      return showCaption(snapshot: snapshot)
    default:
      return nil
    }
  }

  /// `c` in a tour: the caption in a box. The first `c` of a step always shows it (a step
  /// change must show its caption), unless the lesson pane already shows all of it; after
  /// that, where the middle pane cycles, the box takes the lesson's place in the cycle
  /// (samples, caption, chart).
  private mutating func showCaption(snapshot: Snapshot) -> [ExplorerEffect] {
    guard view == nil else {
      openCaption()
      return []
    }
    let layout = liveLayout(snapshot)
    let seen = tour?.captionSeen == true || showsWholeCaption(layout)
    if seen, layout.needsMiddle, showsWholeCaption(layout) || middle != .samples {
      return cycleMiddle(snapshot)
    }
    openCaption()
    return []
  }

  /// Opens the caption box on its first page.
  private mutating func openCaption() {
    tour?.showsCaption = true
    tour?.captionSeen = true
    tour?.captionPage = 0
  }

  /// The pages the caption box of the step on screen takes at the terminal's size.
  func captionPages(_ snapshot: Snapshot) -> Int {
    guard let chrome = tour?.chrome else { return 1 }
    let theme = Theme(options: options)
    let screen = Rect(x: 0, y: 0, width: screenWidth, height: screenHeight)
    let area = current.captionArea(renderContext(snapshot, theme: theme), screen: screen)
    return CaptionBox.pageCount(chrome, glyphs: theme.glyphs, area: area, screen: screen)
  }

  /// The key that goes back a step, as the screen names it.
  var backKey: String { options.ascii ? "Left" : "←" }

  /// The live screen's layout at the terminal's size.
  func liveLayout(_ snapshot: Snapshot) -> ScreenLayout {
    live.layout(
      snapshot, width: screenWidth, height: screenHeight, options: options, tour: tour?.chrome)
  }

  /// `c` on the live screen: the next middle pane.
  private mutating func cycleMiddle(_ snapshot: Snapshot) -> [ExplorerEffect] {
    route(snapshot) { view, context in
      guard var live = view as? LiveView else { return [] }
      defer { view = live }
      return live.perform(.cycleView, &context)
    }
  }

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
    var effects = view?.closing ?? []
    view = nil
    overlay = .none
    let previous = playback.index
    playback.index = index
    playback.showsCaption = false
    playback.captionPage = 0
    playback.captionSeen = false
    if live.pin != nil, live.pin == playback.pinned { live.pin = nil }
    playback.pinned = nil
    message = nil
    // A step that turns a knob shows the numbers of the step before in ( ) beside its own:
    // the class compares them without remembering (a pin of the user's own stays instead).
    if live.pin == nil, index == previous + 1, playback.step.turnsAKnob,
      snapshot.scenario == playback.scenarios[previous]
    {
      let numbers = Pin(snapshot)
      if !numbers.rows.isEmpty {
        live.pin = numbers
        playback.pinned = numbers
        // Below 120 columns the status line carries the caption's hint, which a step must
        // show; the rows' title says "( ) pinned at ..." there.
        if screenWidth >= ScreenLayout.wideWidth {
          message = "step \(previous + 1)'s numbers are pinned in ( ) beside these; M clears them"
        }
      }
    }
    tour = playback
    let scenario = playback.scenario
    effects += [.send(.load(scenario)), .send(.resume)]
    selectedParameter = min(
      max((playback.step.select ?? 1) - 1, 0), scenario.distribution.parameterCount - 1)
    live.showsLesson = true
    if live.middle == .lesson { live.middle = .samples }
    if let model = playback.model {
      // A model preset's step: its race over the scenario of the step before.
      let (race, opening) = ModelRaceView.opening(model)
      view = race
      return effects + opening
    }
    // The step's view, by name, on the step's scenario: the engine has not loaded it yet.
    effects += open(
      playback.step.view.rawValue,
      ViewRequest(
        scenario: scenario, enabled: scenario.estimators, seed: snapshot.seed,
        selectedParameter: selectedParameter))
    return effects
  }
}
