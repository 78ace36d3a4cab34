import SampleGradCore
import SampleGradEngine

/// The live screen's keys (`KeyMap`): they change the parameters, the temperature and the
/// rows through engine commands, pin the numbers, show the lesson, open the overlays and the
/// other views.
extension LiveView {
  mutating func perform(_ action: ExplorerAction, _ context: inout ViewContext)
    -> [ExplorerEffect]
  {
    let snapshot = context.snapshot
    let index = context.selectedParameter
    let variables = VariableSelection(snapshot.distribution)
    switch action {
    case .selectPrevious, .selectNext, .selectFirst, .selectLast:
      context.selectedParameter =
        variables.isMany
        ? Self.select(action, from: index, variables)
        : Self.select(action, from: index, snapshot)
    case .nextLogit, .promptEveryLogit, .toggleComponent:
      performOnVariables(action, variables, &context)
    case .openOptions:
      context.overlay = .options(OptionPrompt())
    case .stepParameter(let up, let size):
      return [.send(.stepParameter(index: index, up: up, size: size))]
    case .restoreParameters:
      return [.send(.restoreParameters)]
    case .scaleTemperature(let factor):
      guard snapshot.distribution.temperature != nil else {
        context.message = "a gaussian has no temperature"
        return []
      }
      return [.send(.scaleTemperature(by: factor))]
    case .toggleEstimator(let row):
      guard snapshot.estimators.indices.contains(row) else {
        context.message =
          "no estimator \(row + 1): this scenario has \(snapshot.estimators.count) rows"
        return []
      }
      return [.send(.toggleEstimator(snapshot.estimators[row].kind))]
    case .openEstimators:
      context.overlay = .estimators(selected: 0)
    case .togglePause:
      return [.send(.togglePause)]
    case .step:
      guard snapshot.isPaused else {
        context.message = "s steps while paused (\(context.pauseKey) pauses)"
        return []
      }
      return [.send(.step)]
    case .resetStatistics:
      return [.send(.resetStatistics)]
    case .pin:
      pinNumbers(&context)
    case .unpin:
      context.message = pin == nil ? "nothing is pinned (m pins the numbers)" : "pin cleared"
      pin = nil
    case .toggleLesson:
      guard lessonContent(snapshot, options: context.options, tour: context.tour) != nil else {
        context.message = "this scenario has no lesson text"
        return []
      }
      showsLesson.toggle()
    case .cycleView:
      cycleMiddle(&context)
    case .openPresets:
      guard !context.presets.isEmpty else {
        context.message = "no presets found"
        return []
      }
      let current = context.presets.firstIndex { $0.name == snapshot.scenario.name } ?? 0
      context.overlay = .presets(PresetPicker(selected: current))
    case .openView(let name):
      context.change = .open(name)
    case .promptTemperature:
      guard snapshot.distribution.temperature != nil else {
        context.message = "a gaussian has no temperature"
        return []
      }
      context.overlay = .prompt(ValuePrompt(target: .temperature))
    case .promptParameter:
      let names = snapshot.parameterNames
      guard names.indices.contains(index) else { return [] }
      context.overlay = .prompt(ValuePrompt(target: .parameter(index: index, name: names[index])))
    case .escape:
      context.message = "q quits"
    case .openHelp, .export, .quit:
      // Keys of every view: the explorer takes them before any view (`Explorer.handle`).
      break
    }
    return []
  }

  /// ←/→, Home and End over one variable's parameters.
  private static func select(_ action: ExplorerAction, from index: Int, _ snapshot: Snapshot)
    -> Int
  {
    switch action {
    case .selectPrevious: max(index - 1, 0)
    case .selectNext: Explorer.clamp(index + 1, snapshot)
    case .selectFirst: 0
    default: Explorer.clamp(.max, snapshot)
    }
  }

  private mutating func pinNumbers(_ context: inout ViewContext) {
    let pinned = Pin(context.snapshot)
    guard !pinned.rows.isEmpty else {
      context.message = "nothing to pin yet: no estimator has numbers"
      return
    }
    let again = pin != nil
    pin = pinned
    context.message =
      (again ? "pinned again" : "pinned")
      + ": change something, then compare the live numbers with these in ( ); M clears"
  }

  /// The next middle view that the screen does not already show beside the others.
  private mutating func cycleMiddle(_ context: inout ViewContext) {
    let snapshot = context.snapshot
    var next = middle.next
    for _ in MiddleView.allCases {
      // In a tour the caption box (`c`) takes the lesson's place.
      if next == .lesson,
        !showsLesson
          || lessonContent(snapshot, options: context.options, tour: context.tour) == nil
          || context.tour != nil
      {
        next = next.next
        continue
      }
      break
    }
    guard layout(context).needsMiddle else {
      context.message = "everything is on screen at this size"
      return
    }
    middle = next
  }
}
