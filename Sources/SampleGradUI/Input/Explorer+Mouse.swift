import SampleGradCore
import SampleGradEngine

/// The mouse: a click selects a parameter or turns an estimator row on or off, the wheel
/// changes the parameter under it, and in the lists a click picks and the wheel scrolls.
/// What is under the pointer comes from the same layout the screen was drawn with.
extension Explorer {
  package mutating func handle(_ event: MouseEvent, snapshot: Snapshot) -> [ExplorerEffect] {
    message = nil
    selectedParameter = Self.clamp(selectedParameter, snapshot)
    let wheel: Key? =
      switch event.action {
      case .wheelUp: .up
      case .wheelDown: .down
      case .click: nil
      }
    switch overlay {
    case .none:
      return mainScreen(event, wheel: wheel, snapshot: snapshot)
    case .help(let page, let scroll):
      if let wheel { handleHelp(wheel, page: page, scroll: scroll, rows: snapshot.estimators) }
      return []
    case .presets(let picker):
      if let wheel { return handlePicker(wheel, picker) }
      return clickInPicker(event, picker)
    case .estimators(let selected):
      if let wheel { return handleChooser(wheel, selected: selected, snapshot: snapshot) }
      return clickInChooser(event, selected: selected, snapshot: snapshot)
    case .prompt, .race:
      return []
    case .overview(let view):
      // The wheel moves the selected method.
      guard let wheel else { return [] }
      return handleOverview(wheel, view: view, snapshot: snapshot)
    case .sweep(let view):
      // The wheel moves the sweep's cursor (up: to higher values).
      guard let wheel else { return [] }
      return handleSweep(wheel == .up ? .right : .left, view: view, snapshot: snapshot)
    }
  }

  private mutating func mainScreen(
    _ event: MouseEvent, wheel: Key?, snapshot: Snapshot
  ) -> [ExplorerEffect] {
    let layout = layout(snapshot)
    let parameters = layout.parameters
    if contains(parameters, event), event.y > parameters.y {
      let context = PanelContext(
        snapshot: snapshot, theme: Theme(options: options), selected: selectedParameter)
      let index = context.windowStart(visible: parameters.height - 1) + event.y - parameters.y - 1
      guard snapshot.parameterNames.indices.contains(index) else { return [] }
      selectedParameter = index
      guard let wheel else { return [] }
      return perform(.stepParameter(up: wheel == .up, size: .small), snapshot: snapshot)
    }
    let estimators = layout.estimators
    guard wheel == nil, contains(estimators, event), event.y >= estimators.y + 2 else { return [] }
    let line = event.y - estimators.y - 2
    var rows = snapshot.estimators.indices.map { $0 }
    if layout.collapsesOffRows { rows = rows.filter { snapshot.estimators[$0].isEnabled } }
    if rows.indices.contains(line) {
      return [.send(.toggleEstimator(snapshot.estimators[rows[line]].kind))]
    }
    if line == rows.count, layout.collapsesOffRows {
      overlay = .estimators(selected: 0)
    }
    return []
  }

  private mutating func clickInPicker(_ event: MouseEvent, _ picker: PresetPicker)
    -> [ExplorerEffect]
  {
    let screen = Rect(x: 0, y: 0, width: screenWidth, height: screenHeight)
    let list = PresetPickerOverlay.geometry(screen: screen, presets: presets).list
    let shown = filteredPresets(picker)
    guard contains(list, event), !shown.isEmpty else { return [] }
    let position = shown.firstIndex(of: picker.selected) ?? 0
    let start = ScrollWindow.start(
      keeping: position, visible: list.height, count: shown.count)
    let row = start + event.y - list.y
    guard shown.indices.contains(row) else { return [] }
    if shown[row] == picker.selected { return handlePicker(.enter, picker) }
    var moved = picker
    moved.selected = shown[row]
    overlay = .presets(moved)
    return []
  }

  private mutating func clickInChooser(
    _ event: MouseEvent, selected: Int, snapshot: Snapshot
  ) -> [ExplorerEffect] {
    let screen = Rect(x: 0, y: 0, width: screenWidth, height: screenHeight)
    let list = EstimatorChooserOverlay.list(screen: screen, rows: snapshot.estimators.count)
    guard contains(list, event) else { return [] }
    let count = snapshot.estimators.count
    let start = ScrollWindow.start(
      keeping: selected, visible: list.height, count: count)
    let row = start + event.y - list.y
    guard snapshot.estimators.indices.contains(row) else { return [] }
    overlay = .estimators(selected: row)
    return [.send(.toggleEstimator(snapshot.estimators[row].kind))]
  }

  private func contains(_ rect: Rect, _ event: MouseEvent) -> Bool {
    event.x >= rect.x && event.x < rect.maxX && event.y >= rect.y && event.y < rect.maxY
  }
}
