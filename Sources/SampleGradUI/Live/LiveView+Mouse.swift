import SampleGradCore
import SampleGradEngine

/// The mouse on the live screen: a click selects a parameter or turns an estimator row on or
/// off, the wheel changes the parameter under it. What is under the pointer comes from the
/// same layout the screen was drawn with.
extension LiveView {
  mutating func handle(_ event: MouseEvent, _ context: inout ViewContext) -> [ExplorerEffect] {
    let snapshot = context.snapshot
    let wheel = event.wheelKey
    let layout = layout(context)
    let parameters = layout.parameters
    if let marginals = layout.marginals, marginals.contains(event) {
      return click(event, inMarginals: marginals, &context)
    }
    if parameters.contains(event), event.y > parameters.y {
      let panels = PanelContext(
        snapshot: snapshot, theme: Theme(options: context.options),
        selected: context.selectedParameter)
      let index = panels.windowStart(visible: parameters.height - 1) + event.y - parameters.y - 1
      guard snapshot.parameterNames.indices.contains(index) else { return [] }
      context.selectedParameter = index
      guard let wheel else { return [] }
      return perform(.stepParameter(up: wheel == .up, size: .small), &context)
    }
    let estimators = layout.estimators
    guard wheel == nil, estimators.contains(event), event.y >= estimators.y + 2 else { return [] }
    let line = event.y - estimators.y - 2
    let many = VariableSelection(snapshot.distribution).isMany
    var rows = many ? RankedRows(snapshot).order : snapshot.estimators.indices.map { $0 }
    if layout.collapsesOffRows { rows = rows.filter { snapshot.estimators[$0].isEnabled } }
    if rows.indices.contains(line) {
      return [.send(.toggleEstimator(snapshot.estimators[rows[line]].kind))]
    }
    if line == rows.count, layout.collapsesOffRows {
      context.overlay = .estimators(selected: 0)
    }
    return []
  }

  /// A click on the marginals selects the variable under it (and the category, on a heat
  /// cell); the wheel over it changes that logit.
  private mutating func click(
    _ event: MouseEvent, inMarginals rect: Rect, _ context: inout ViewContext
  ) -> [ExplorerEffect] {
    let variables = VariableSelection(context.snapshot.distribution)
    let geometry = MarginalsGeometry(
      rect: rect, selection: variables, selected: context.selectedParameter)
    guard let d = geometry.variable(atX: event.x) else { return [] }
    let k =
      variables.isBits
      ? 0 : geometry.category(atY: event.y) ?? variables.logit(of: context.selectedParameter)
    context.selectedParameter = variables.index(variable: d, logit: k)
    guard let wheel = event.wheelKey else { return [] }
    return perform(.stepParameter(up: wheel == .up, size: .small), &context)
  }
}
