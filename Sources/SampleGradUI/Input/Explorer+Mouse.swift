import SampleGradCore
import SampleGradEngine

/// The mouse: in the lists a click picks and the wheel scrolls; otherwise the view on screen
/// has it (`ViewController.handle(_:_:)`: on the live screen a click selects a parameter or
/// turns a row on or off, the wheel changes the parameter under it).
extension Explorer {
  package mutating func handle(_ event: MouseEvent, snapshot: Snapshot) -> [ExplorerEffect] {
    message = nil
    selectedParameter = Self.clamp(selectedParameter, snapshot)
    let wheel = event.wheelKey
    switch overlay {
    case .none:
      return route(snapshot) { view, context in view.handle(event, &context) }
    case .help(let page, let scroll):
      if let wheel { handleHelp(wheel, page: page, scroll: scroll, snapshot: snapshot) }
      return []
    case .presets(let picker):
      if let wheel { return handlePicker(wheel, picker) }
      return clickInPicker(event, picker)
    case .estimators(let selected):
      if let wheel { return handleChooser(wheel, selected: selected, snapshot: snapshot) }
      return clickInChooser(event, selected: selected, snapshot: snapshot)
    case .prompt, .options:
      return []
    }
  }

  private mutating func clickInPicker(_ event: MouseEvent, _ picker: PresetPicker)
    -> [ExplorerEffect]
  {
    let screen = Rect(x: 0, y: 0, width: screenWidth, height: screenHeight)
    let list = PresetPickerOverlay.geometry(screen: screen, presets: presets).list
    let shown = filteredPresets(picker)
    guard list.contains(event), !shown.isEmpty else { return [] }
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
    guard list.contains(event) else { return [] }
    let count = snapshot.estimators.count
    let start = ScrollWindow.start(
      keeping: selected, visible: list.height, count: count)
    let row = start + event.y - list.y
    guard snapshot.estimators.indices.contains(row) else { return [] }
    overlay = .estimators(selected: row)
    return [.send(.toggleEstimator(snapshot.estimators[row].kind))]
  }
}
