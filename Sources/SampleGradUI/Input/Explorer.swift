import SampleGradCore
import SampleGradEngine

/// All the explorer's screen-side state (selected parameter, open overlay, pinned numbers,
/// what is on screen, messages, display options) and the rules that turn key presses and
/// mouse events into engine commands. It owns no thread and no terminal: the terminal layer
/// feeds it keys and snapshots, performs the effects it returns and gives it a buffer to
/// render into.
package struct Explorer: Sendable {
  /// The presets the picker lists.
  package var presets: [PresetSummary]
  package var options: DisplayOptions
  /// The terminal's size, set by the terminal layer before each event, so keys and clicks
  /// can be judged against what is on screen.
  package var screenWidth = 80
  package var screenHeight = 24
  /// The parameter arrows change (a logit, the log-odds, the mean or the std), 0-based.
  package internal(set) var selectedParameter = 0
  package internal(set) var overlay: ExplorerOverlay = .none
  /// A message of the screen's own (a hint, a refused key, a preset that failed to load),
  /// shown in the status line until the next key.
  package internal(set) var message: String?
  /// The numbers pinned with `m`, shown beside the live ones until `M`.
  package internal(set) var pin: Pin?
  /// Whether the lesson is on screen (`L`).
  package internal(set) var showsLesson = true
  /// What the middle pane shows where the screen has no room for every pane (`c`).
  package internal(set) var middle: MiddleView = .samples
  /// The tour playing (`samplegrad tour NAME`), if any.
  package internal(set) var tour: TourPlayback?

  /// The smallest screen the layout supports; below it a "too small" notice is drawn.
  package static let minimumWidth = 80
  package static let minimumHeight = 24

  package init(presets: [PresetSummary], options: DisplayOptions = DisplayOptions()) {
    self.presets = presets
    self.options = options
  }

  /// Shows `message` in the status line (e.g. a preset failed to load).
  package mutating func show(message: String) {
    self.message = message
  }

  /// Applies one key press against the latest snapshot and returns what the outside world
  /// must do. Never blocks and never touches the engine itself.
  package mutating func handle(_ key: Key, snapshot: Snapshot) -> [ExplorerEffect] {
    message = nil
    selectedParameter = Self.clamp(selectedParameter, snapshot)
    if key == .interrupt { return [.quit] }
    if let effects = handleTourKey(key, snapshot: snapshot) { return effects }
    switch overlay {
    case .none:
      guard let action = KeyMap.action(for: key) else { return [] }
      return perform(action, snapshot: snapshot)
    case .help(let page, let scroll):
      handleHelp(key, page: page, scroll: scroll, rows: snapshot.estimators)
      return []
    case .presets(let picker):
      return handlePicker(key, picker)
    case .prompt(let prompt):
      return handlePrompt(key, prompt: prompt, snapshot: snapshot)
    case .estimators(let selected):
      return handleChooser(key, selected: selected, snapshot: snapshot)
    case .sweep(let view):
      return handleSweep(key, view: view, snapshot: snapshot)
    case .race:
      return handleRace(key, snapshot: snapshot)
    case .overview(let view):
      return handleOverview(key, view: view, snapshot: snapshot)
    }
  }

  /// The selection clamped to the snapshot's parameters (a new scenario may have fewer).
  static func clamp(_ index: Int, _ snapshot: Snapshot) -> Int {
    min(max(index, 0), max(snapshot.parameterNames.count - 1, 0))
  }

  /// Whether the selected parameter is a scale (a gaussian's std), which the arrows multiply.
  func selectionScales(_ snapshot: Snapshot) -> Bool {
    if case .gaussian = snapshot.distribution {
      return Self.clamp(selectedParameter, snapshot) == 1
    }
    return false
  }

  mutating func perform(_ action: ExplorerAction, snapshot: Snapshot) -> [ExplorerEffect] {
    let index = selectedParameter
    switch action {
    case .selectPrevious: selectedParameter = max(index - 1, 0)
    case .selectNext: selectedParameter = Self.clamp(index + 1, snapshot)
    case .selectFirst: selectedParameter = 0
    case .selectLast: selectedParameter = Self.clamp(.max, snapshot)
    case .stepParameter(let up, let size):
      return [.send(.stepParameter(index: index, up: up, size: size))]
    case .restoreParameters:
      return [.send(.restoreParameters)]
    case .scaleTemperature(let factor):
      guard snapshot.distribution.temperature != nil else {
        message = "a gaussian has no temperature"
        return []
      }
      return [.send(.scaleTemperature(by: factor))]
    case .toggleEstimator(let row):
      guard snapshot.estimators.indices.contains(row) else {
        message = "no estimator \(row + 1): this scenario has \(snapshot.estimators.count) rows"
        return []
      }
      return [.send(.toggleEstimator(snapshot.estimators[row].kind))]
    case .openEstimators:
      overlay = .estimators(selected: 0)
    case .togglePause:
      return [.send(.togglePause)]
    case .step:
      guard snapshot.isPaused else {
        message = "s steps while paused (\(pauseKey) pauses)"
        return []
      }
      return [.send(.step)]
    case .resetStatistics:
      return [.send(.resetStatistics)]
    case .pin:
      pinNumbers(snapshot)
    case .unpin:
      message = pin == nil ? "nothing is pinned (m pins the numbers)" : "pin cleared"
      pin = nil
    case .toggleLesson:
      guard lessonContent(snapshot) != nil else {
        message = "this scenario has no lesson text"
        return []
      }
      showsLesson.toggle()
    case .cycleView:
      cycleMiddle(snapshot)
    case .export:
      return [.export]
    case .openPresets:
      guard !presets.isEmpty else {
        message = "no presets found"
        return []
      }
      let current = presets.firstIndex { $0.name == snapshot.scenario.name } ?? 0
      overlay = .presets(PresetPicker(selected: current))
    case .openHelp:
      overlay = .help
    case .openSweep:
      return openSweep(snapshot: snapshot)
    case .openRace:
      return openRace(snapshot: snapshot)
    case .openOverview:
      return openOverview()
    case .promptTemperature:
      guard snapshot.distribution.temperature != nil else {
        message = "a gaussian has no temperature"
        return []
      }
      overlay = .prompt(ValuePrompt(target: .temperature))
    case .promptParameter:
      let names = snapshot.parameterNames
      guard names.indices.contains(index) else { return [] }
      overlay = .prompt(ValuePrompt(target: .parameter(index: index, name: names[index])))
    case .escape:
      message = "q quits"
    case .quit:
      return [.quit]
    }
    return []
  }

  private mutating func pinNumbers(_ snapshot: Snapshot) {
    let pinned = Pin(snapshot)
    guard !pinned.rows.isEmpty else {
      message = "nothing to pin yet: no estimator has numbers"
      return
    }
    let again = pin != nil
    pin = pinned
    message =
      (again ? "pinned again" : "pinned")
      + ": change something, then compare the live numbers with these in ( ); M clears"
  }

  /// The next middle view that the screen does not already show beside the others.
  private mutating func cycleMiddle(_ snapshot: Snapshot) {
    var next = middle.next
    for _ in MiddleView.allCases {
      // In a tour the caption box (`c`) takes the lesson's place.
      if next == .lesson, !showsLesson || lessonContent(snapshot) == nil || tour != nil {
        next = next.next
        continue
      }
      break
    }
    let before = layout(snapshot)
    guard before.needsMiddle else {
      message = "everything is on screen at this size"
      return
    }
    middle = next
  }

  /// The layout of the current screen size for `snapshot`.
  func layout(_ snapshot: Snapshot) -> ScreenLayout {
    ScreenLayout(
      width: screenWidth, height: screenHeight, snapshot: snapshot,
      lesson: lessonContent(snapshot)?.text, lessonShown: showsLesson, middle: middle)
  }

  /// What the lesson pane shows: the tour step's caption, else the scenario's lesson.
  func lessonContent(_ snapshot: Snapshot) -> LessonContent? {
    let glyphs = Theme(options: options).glyphs
    if let chrome = tour?.chrome { return chrome.lesson(glyphs) }
    return LessonContent.lesson(of: snapshot.scenario, glyphs: glyphs)
  }
}
