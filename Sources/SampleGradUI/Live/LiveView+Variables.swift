import SampleGradCore
import SampleGradEngine

/// The live screen's keys on D variables: ←/→ (Home, End) move a variable at a time keeping
/// the logit's place, Tab moves within the variable, `A` types one value for every logit, and
/// `d` shows the selected component's own numbers beside the totals. On one variable these
/// keys say where they apply instead of doing something the help does not list.
extension LiveView {
  /// ←/→, Home and End over D variables: the same logit of another variable.
  static func select(
    _ action: ExplorerAction, from index: Int, _ variables: VariableSelection
  ) -> Int {
    switch action {
    case .selectPrevious: variables.moving(index, by: -1)
    case .selectNext: variables.moving(index, by: 1)
    case .selectFirst: variables.index(variable: 0, logit: variables.logit(of: index))
    default: variables.index(variable: variables.variables - 1, logit: variables.logit(of: index))
    }
  }

  mutating func performOnVariables(
    _ action: ExplorerAction, _ variables: VariableSelection, _ context: inout ViewContext
  ) {
    guard variables.isMany else {
      context.message = Self.oneVariable(action)
      return
    }
    switch action {
    case .nextLogit:
      guard !variables.isBits else {
        context.message = "a bit has one log-odds: \(Self.arrows(context)) select another bit"
        return
      }
      context.selectedParameter = variables.nextLogit(after: context.selectedParameter)
    case .promptEveryLogit:
      let name = variables.isBits ? "every log-odds" : "every logit"
      context.overlay = .prompt(ValuePrompt(target: .everyLogit(name: name)))
    case .toggleComponent:
      showsComponent.toggle()
      let names = context.snapshot.parameterNames
      let selected =
        names.indices.contains(context.selectedParameter)
        ? names[context.selectedParameter] : "the selected logit"
      context.message =
        showsComponent
        ? "right of the totals: \(selected)'s own numbers (d hides them)"
        : "totals only (d shows the selected logit's own numbers)"
    default:
      break
    }
  }

  /// Why a many-variable key does nothing on one variable.
  private static func oneVariable(_ action: ExplorerAction) -> String {
    switch action {
    case .promptEveryLogit: "A sets the logits of many variables at once; = types the selected one"
    case .toggleComponent: "the rows show the selected parameter already (d is for many variables)"
    default: "Tab moves within a variable on many variables; ← → select a parameter here"
    }
  }

  private static func arrows(_ context: ViewContext) -> String {
    context.options.ascii ? "Left Right" : "← →"
  }
}
