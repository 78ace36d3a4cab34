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
    summaries { path throws(ScenarioError) in
      if VAEPreset.isModel(path: path) {
        let model = try VAEPreset.load(path: path)
        return (model.title, model.lesson)
      }
      let scenario = try ScenarioDecoder.load(path: path)
      return (scenario.displayTitle, scenario.lesson ?? "")
    }
  }

  /// Every file found, with the title and lesson `describe` reads from its path; broken
  /// files are listed with their problem (its first line) rather than hidden.
  public func summaries(
    describe: (String) throws(ScenarioError) -> (title: String, lesson: String)
  ) -> [PresetSummary] {
    entries().map { entry -> PresetSummary in
      do throws(ScenarioError) {
        let (title, lesson) = try describe(entry.path)
        return PresetSummary(
          name: entry.name, path: entry.path, title: title, lesson: lesson, problem: nil)
      } catch {
        return PresetSummary(
          name: entry.name, path: entry.path, title: entry.name, lesson: "",
          problem: error.lines.first ?? error.description)
      }
    }
  }
}
