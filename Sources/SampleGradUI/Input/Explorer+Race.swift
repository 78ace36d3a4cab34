import SampleGradCore
import SampleGradEngine

/// The race view's side of the explorer: `T` opens it (after checking the race can start),
/// its keys (`RaceKeys`) become training commands, Escape returns to the statistics.
extension Explorer {
  mutating func openRace(_ snapshot: Snapshot) -> [ExplorerEffect] {
    let enabled = snapshot.estimators.filter(\.isEnabled).map(\.kind)
    do throws(InvalidScenario) {
      _ = try RaceSetup(live: snapshot.scenario, enabled: enabled, seed: Scenario.defaultSeed)
    } catch {
      show(message: "cannot race: \(error.description)")
      return []
    }
    isRaceOpen = true
    return [.race(.open)]
  }

  mutating func handleRace(_ key: Key, snapshot: Snapshot) -> [ExplorerEffect] {
    guard let action = RaceKeys.action(for: key) else {
      show(message: "space pauses, r restarts, + and - change the learning rate, Esc returns")
      return []
    }
    switch action {
    case .togglePause: return [.race(.togglePause)]
    case .restart: return [.race(.restart)]
    case .raiseLearningRate, .lowerLearningRate:
      guard let race = snapshot.race else { return [] }
      let rate = RaceKeys.nextLearningRate(
        after: race.settings.learningRate, up: action == .raiseLearningRate)
      show(message: "learning rate \(ScreenFormat.short(rate)): the race starts again")
      return [.race(.setLearningRate(rate))]
    case .close:
      isRaceOpen = false
      return [.race(.close)]
    case .quit:
      return [.quit]
    }
  }
}
