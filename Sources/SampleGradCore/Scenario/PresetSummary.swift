/// What the preset picker and `samplegrad presets` show of a scenario file.
public struct PresetSummary: Sendable, Equatable {
  public let name: String
  public let path: String
  public let title: String
  public let lesson: String
  /// Why the file could not be loaded, if it could not; the picker shows it instead.
  public let problem: String?

  public init(name: String, path: String, title: String, lesson: String, problem: String?) {
    self.name = name
    self.path = path
    self.title = title
    self.lesson = lesson
    self.problem = problem
  }
}

extension PresetLibrary {
  /// Every preset found, loaded for its title and lesson; broken files are listed with
  /// their problem rather than hidden.
  public func summaries() -> [PresetSummary] {
    entries().map { entry -> PresetSummary in
      do throws(ScenarioError) {
        let scenario = try ScenarioDecoder.load(path: entry.path)
        return PresetSummary(
          name: entry.name, path: entry.path, title: scenario.displayTitle,
          lesson: scenario.lesson ?? "", problem: nil)
      } catch {
        return PresetSummary(
          name: entry.name, path: entry.path, title: entry.name, lesson: "",
          problem: error.lines.first ?? error.description)
      }
    }
  }
}
