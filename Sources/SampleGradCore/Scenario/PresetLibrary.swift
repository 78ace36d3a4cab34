import Foundation

/// Finds scenario files by name: the teacher's own folder first, then the built-in presets.
///
/// Built-in presets live in the package's `presets/` folder. It is found beside the
/// executable (or any folder above it, which covers `.build/debug/samplegrad`) and, for a
/// binary built from source, at the package root recorded at compile time, so `swift run`
/// works from any directory.
public struct PresetLibrary: Sendable {
  public let folders: [String]
  /// What the files are, for messages ("preset", or "tour" for a library of tours).
  public let noun: String

  public init(folders: [String], noun: String = "preset") {
    self.folders = folders
    self.noun = noun
  }

  /// The standard search path: `$SAMPLEGRAD_PRESETS`, the user folder, the built-in folder.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> PresetLibrary
  {
    var folders: [String] = []
    if let extra = environment["SAMPLEGRAD_PRESETS"], !extra.isEmpty {
      folders += extra.split(separator: ":").map(String.init)
    }
    folders.append(userFolder(environment: environment))
    if let builtIn = builtInFolder() { folders.append(builtIn) }
    return PresetLibrary(folders: folders)
  }

  /// `$XDG_CONFIG_HOME/samplegrad/presets`, by default `~/.config/samplegrad/presets`.
  public static func userFolder(environment: [String: String]) -> String {
    let config =
      environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
    return config + "/samplegrad/presets"
  }

  /// The built-in `presets/` folder, if it can be found.
  public static func builtInFolder() -> String? {
    var candidates: [URL] = []
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
      .resolvingSymlinksInPath()
    var folder = executable.deletingLastPathComponent()
    for _ in 0..<6 {
      candidates.append(folder.appendingPathComponent("presets"))
      folder = folder.deletingLastPathComponent()
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(packageRoot.appendingPathComponent("presets"))
    return candidates.first {
      FileManager.default.fileExists(
        atPath: $0.appendingPathComponent(defaultPreset + ".toml").path)
    }?.path
  }

  /// The preset `swift run samplegrad` opens.
  public static let defaultPreset = "bias-and-variance"

  /// Whether `reference` names a file rather than a preset.
  public static func isPath(_ reference: String) -> Bool {
    reference.contains("/") || reference.hasSuffix(".toml")
  }

  /// The file a preset name or path refers to. A name that matches nothing is an error
  /// naming the reference as its source, or, when it came from the command-line option
  /// `flag` (`--preset`), a mistake on the command line naming the flag.
  public func locate(_ reference: String, flag: String? = nil) throws(ScenarioError) -> String {
    if Self.isPath(reference) { return reference }
    for folder in folders {
      let path = folder + "/" + reference + ".toml"
      if FileManager.default.fileExists(atPath: path) { return path }
    }
    let known = entries().map(\.name).joined(separator: ", ")
    let hint = "(known: \(known.isEmpty ? "none found" : known); or give a path to a .toml file)"
    guard let flag else {
      throw ScenarioError(source: reference, key: "", "no such \(noun) \(hint)")
    }
    throw ScenarioError(
      source: ScenarioOverrides.source, key: flag, "no such \(noun) '\(reference)' \(hint)")
  }

  /// Loads and validates a preset by name or path.
  public func load(_ reference: String) throws(ScenarioError) -> Scenario {
    try ScenarioDecoder.load(path: try locate(reference))
  }

  /// Every preset file found, by name; a name in an earlier folder hides a later one.
  public func entries() -> [(name: String, path: String)] {
    var seen = Set<String>()
    var found: [(name: String, path: String)] = []
    for folder in folders {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for file in files.sorted() where file.hasSuffix(".toml") {
        let name = String(file.dropLast(5))
        if seen.insert(name).inserted { found.append((name, folder + "/" + file)) }
      }
    }
    return found
  }
}
