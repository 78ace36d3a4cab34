import SampleGradCore
import SampleGradEngine

/// Keys while an overlay is open: the help pages (of the view on screen), the preset picker,
/// the value prompt and the estimator chooser (the options prompt: `Explorer+Options`).
extension Explorer {
  mutating func handleHelp(_ key: Key, page: Int, scroll: Int, snapshot: Snapshot) {
    let theme = Theme(options: options)
    let all = current.help(renderContext(snapshot, theme: theme))
    let pages = max(all.count, 1)
    let lines =
      all.indices.contains(page)
      ? HelpOverlay.lineCount(all[page], theme: theme, screenWidth: screenWidth) : 0
    let visible = HelpOverlay.visibleLines(height: screenHeight)
    let last = max(lines - visible, 0)
    if [.escape, .character("?"), .character("q")].contains(key) {
      overlay = .none
      return
    }
    // Tab turns the page as → does; space pages down as PgDn does.
    let move: KeyMap.Navigation? =
      switch key {
      case .tab: .next
      case .character(" "): .pageDown
      default: KeyMap.navigation(key)
      }
    switch move {
    case .next: overlay = .help(page: (page + 1) % pages, scroll: 0)
    case .previous: overlay = .help(page: (page + pages - 1) % pages, scroll: 0)
    case .down: overlay = .help(page: page, scroll: min(scroll + 1, last))
    case .up: overlay = .help(page: page, scroll: max(scroll - 1, 0))
    case .pageDown: overlay = .help(page: page, scroll: min(scroll + visible - 1, last))
    case .pageUp: overlay = .help(page: page, scroll: max(scroll - visible + 1, 0))
    case .first: overlay = .help(page: page, scroll: 0)
    case .last: overlay = .help(page: page, scroll: last)
    case nil: break
    }
  }

  /// The presets the picker lists under its filter, by index into `presets`.
  func filteredPresets(_ picker: PresetPicker) -> [Int] {
    let filter = picker.filter.lowercased()
    guard !filter.isEmpty else { return Array(presets.indices) }
    return presets.indices.filter {
      presets[$0].name.lowercased().contains(filter)
        || presets[$0].title.lowercased().contains(filter)
    }
  }

  mutating func handlePicker(_ key: Key, _ picker: PresetPicker) -> [ExplorerEffect] {
    var picker = picker
    let shown = filteredPresets(picker)
    let position = shown.firstIndex(of: picker.selected)
    func move(to index: Int) {
      guard !shown.isEmpty else { return }
      picker.selected = shown[min(max(index, 0), shown.count - 1)]
    }
    switch key {
    case .enter:
      guard let position, presets.indices.contains(shown[position]) else {
        message = "no preset matches \"\(picker.filter)\" (Backspace edits, Esc clears)"
        overlay = .presets(picker)
        return []
      }
      let preset = presets[shown[position]]
      if let problem = preset.problem {
        message = "cannot load \(preset.name): \(problem)"
        overlay = .presets(picker)
        return []
      }
      overlay = .none
      live.pin = nil
      return [.loadPreset(preset)]
    case .escape where picker.isFiltering || !picker.filter.isEmpty:
      picker.filter = ""
      picker.isFiltering = false
    case .backspace where picker.isFiltering:
      if picker.filter.isEmpty { picker.isFiltering = false } else { picker.filter.removeLast() }
    case .character(let c) where picker.isFiltering:
      guard !c.isNewline, picker.filter.count < 24 else { break }
      picker.filter.append(c)
      let matches = filteredPresets(picker)
      if !matches.contains(picker.selected), let first = matches.first { picker.selected = first }
    case .character("/"): picker.isFiltering = true
    case .escape, .character("p"), .character("q"):
      overlay = .none
      return []
    default:
      // After the filter, which takes every letter typed: j and k move only when not filtering.
      switch KeyMap.navigation(key) {
      case .up: move(to: (position ?? 0) - 1)
      case .down: move(to: (position ?? -1) + 1)
      case .first, .pageUp: move(to: 0)
      case .last, .pageDown: move(to: shown.count - 1)
      case .previous, .next, nil: break
      }
    }
    overlay = .presets(picker)
    return []
  }

  mutating func handleChooser(
    _ key: Key, selected: Int, snapshot: Snapshot
  ) -> [ExplorerEffect] {
    let rows = snapshot.estimators
    let last = max(rows.count - 1, 0)
    switch key {
    case .enter, .character(" "):
      guard rows.indices.contains(selected) else { return [] }
      return [.send(.toggleEstimator(rows[selected].kind))]
    case .character(let c) where c.isNumber && c != "0":
      let row = Int(String(c))! - 1
      guard rows.indices.contains(row) else { return [] }
      overlay = .estimators(selected: row)
      return [.send(.toggleEstimator(rows[row].kind))]
    case .escape, .character("e"), .character("q"): overlay = .none
    default:
      switch KeyMap.navigation(key) {
      case .up: overlay = .estimators(selected: max(selected - 1, 0))
      case .down: overlay = .estimators(selected: min(selected + 1, last))
      case .first, .pageUp: overlay = .estimators(selected: 0)
      case .last, .pageDown: overlay = .estimators(selected: last)
      case .previous, .next, nil: break
      }
    }
    return []
  }

  mutating func handlePrompt(
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
    if case .everyLogit = prompt.target {
      switch prompt.parseLogits(for: snapshot.scenario) {
      case .failure(let error):
        prompt.error = error.text
        overlay = .prompt(prompt)
        return []
      case .success(let values):
        overlay = .none
        return [.send(.setLogits(values))]
      }
    }
    switch prompt.parse(for: snapshot.scenario) {
    case .failure(let error):
      prompt.error = error.text
      overlay = .prompt(prompt)
      return []
    case .success(let value):
      overlay = .none
      switch prompt.target {
      case .temperature: return [.send(.setTemperature(value))]
      case .parameter(let index, _): return [.send(.setParameter(index: index, value: value))]
      case .everyLogit:
        let perVariable = VariableSelection(snapshot.distribution).logitsPerVariable
        return [.send(.setLogits([Double](repeating: value, count: perVariable)))]
      }
    }
  }
}
