import SampleGradCore
import SampleGradEngine

/// All the explorer's screen-side state (selected parameter, open overlay, messages, display
/// options) and the rules that turn key presses into engine commands. It owns no thread and
/// no terminal: the terminal layer feeds it keys and snapshots, performs the effects it
/// returns and gives it a buffer to render into.
public struct Explorer: Sendable {
  /// The presets the picker lists.
  public var presets: [PresetSummary]
  public var options: DisplayOptions
  /// The parameter arrows change (a logit, the log-odds, the mean or the std), 0-based.
  public private(set) var selectedParameter = 0
  public private(set) var overlay: ExplorerOverlay = .none
  /// Whether the training race (`T`) is on screen instead of the statistics.
  public internal(set) var isRaceOpen = false
  /// A message of the screen's own (a hint, a refused key, a preset that failed to load),
  /// shown in the status line until the next key.
  public private(set) var message: String?

  /// The smallest screen the layout supports; below it a "too small" notice is drawn.
  public static let minimumWidth = 80
  public static let minimumHeight = 24

  public init(presets: [PresetSummary], options: DisplayOptions = DisplayOptions()) {
    self.presets = presets
    self.options = options
  }

  /// Shows `message` in the status line (e.g. a preset failed to load).
  public mutating func show(message: String) {
    self.message = message
  }

  /// Applies one key press against the latest snapshot and returns what the outside world
  /// must do. Never blocks and never touches the engine itself.
  public mutating func handle(_ key: Key, snapshot: Snapshot) -> [ExplorerEffect] {
    message = nil
    selectedParameter = Self.clamp(selectedParameter, snapshot)
    if key == .interrupt { return [.quit] }
    if isRaceOpen { return handleRace(key, snapshot: snapshot) }
    switch overlay {
    case .none:
      guard let action = KeyMap.action(for: key) else { return [] }
      return perform(action, snapshot: snapshot)
    case .help:
      if key == .escape || key == .character("?") || key == .character("q") { overlay = .none }
      return []
    case .presets(let selected):
      return handlePicker(key, selected: selected)
    case .prompt(let prompt):
      return handlePrompt(key, prompt: prompt, snapshot: snapshot)
    }
  }

  /// The selection clamped to the snapshot's parameters (a new scenario may have fewer).
  static func clamp(_ index: Int, _ snapshot: Snapshot) -> Int {
    min(max(index, 0), max(snapshot.parameterNames.count - 1, 0))
  }

  private mutating func perform(_ action: ExplorerAction, snapshot: Snapshot) -> [ExplorerEffect] {
    let index = selectedParameter
    switch action {
    case .selectPrevious:
      selectedParameter = max(index - 1, 0)
    case .selectNext:
      selectedParameter = Self.clamp(index + 1, snapshot)
    case .nudge(let delta):
      return [.send(.nudgeParameter(index: index, delta: delta))]
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
    case .togglePause:
      return [.send(.togglePause)]
    case .step:
      guard snapshot.isPaused else {
        message = "s steps while paused (space pauses)"
        return []
      }
      return [.send(.step)]
    case .resetStatistics:
      return [.send(.resetStatistics)]
    case .openPresets:
      guard !presets.isEmpty else {
        message = "no presets found"
        return []
      }
      let current = presets.firstIndex { $0.name == snapshot.scenario.name } ?? 0
      overlay = .presets(selected: current)
    case .openHelp:
      overlay = .help
    case .openRace:
      return openRace(snapshot)
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

  private mutating func handlePicker(_ key: Key, selected: Int) -> [ExplorerEffect] {
    let last = presets.count - 1
    switch key {
    case .up, .character("k"): overlay = .presets(selected: max(selected - 1, 0))
    case .down, .character("j"): overlay = .presets(selected: min(selected + 1, last))
    case .home, .pageUp: overlay = .presets(selected: 0)
    case .end, .pageDown: overlay = .presets(selected: max(last, 0))
    case .escape, .character("p"), .character("q"): overlay = .none
    case .enter:
      guard presets.indices.contains(selected) else {
        overlay = .none
        return []
      }
      let preset = presets[selected]
      if let problem = preset.problem {
        message = "cannot load \(preset.name): \(problem)"
        return []
      }
      overlay = .none
      return [.loadPreset(preset)]
    default: break
    }
    return []
  }

  private mutating func handlePrompt(
    _ key: Key, prompt: ValuePrompt, snapshot: Snapshot
  ) -> [ExplorerEffect] {
    var prompt = prompt
    switch key {
    case .escape:
      overlay = .none
      return []
    case .backspace:
      if !prompt.text.isEmpty { prompt.text.removeLast() }
      prompt.error = nil
    case .character(let c):
      guard prompt.text.count < ValuePrompt.maxLength, !c.isNewline else { break }
      prompt.text.append(c)
      prompt.error = nil
    case .enter:
      return commit(prompt, snapshot: snapshot)
    default: break
    }
    overlay = .prompt(prompt)
    return []
  }

  private mutating func commit(_ prompt: ValuePrompt, snapshot: Snapshot) -> [ExplorerEffect] {
    var prompt = prompt
    let isStd: Bool
    if case .gaussian = snapshot.distribution, case .parameter(1, _) = prompt.target {
      isStd = true
    } else {
      isStd = false
    }
    switch prompt.parse(isStd: isStd) {
    case .failure(let error):
      prompt.error = error.text
      overlay = .prompt(prompt)
      return []
    case .success(let value):
      overlay = .none
      switch prompt.target {
      case .temperature: return [.send(.setTemperature(value))]
      case .parameter(let index, _): return [.send(.setParameter(index: index, value: value))]
      }
    }
  }
}
