import Foundation
import SampleGradCore

/// The estimators' options prompt (`O`): every option the registry declares
/// (`EstimatorRegistry.options`: its key, help, range and the scenario's value), and a line
/// where `KEY=VALUE` is typed. Enter checks it by the scenario's own rules (the same as
/// `[options]` and `--option`) before anything is sent, so a refusal leaves the session as it
/// was and says why on one line.
package struct OptionPrompt: Sendable, Equatable {
  package var text: String
  /// Shown under the input after Enter refused it; the text stays for editing.
  package var error: String?
  /// The option ↑/↓ last picked (its key starts the text), by index into `options`.
  package var selected: Int

  package static let maxLength = 40

  package init(text: String = "", error: String? = nil, selected: Int = 0) {
    self.text = text
    self.error = error
    self.selected = selected
  }

  /// The options listed, in registry order.
  static var options: [EstimatorOption] { EstimatorRegistry.options }

  /// The prompt after ↑ or ↓: the next option picked and its key typed, ready for a value.
  func picking(_ step: Int) -> OptionPrompt {
    let count = Self.options.count
    guard count > 0 else { return self }
    let next = min(max(selected + step, 0), count - 1)
    return OptionPrompt(text: Self.options[next].key + "=", selected: next)
  }

  /// `KEY=VALUE` as the setting to send, or why it is refused: no `=`, an unknown key, not a
  /// number, or a value the scenario's rules refuse (out of range, not whole, an option no
  /// estimator of this distribution reads).
  func parse(for scenario: Scenario) -> Result<(key: String, value: Double), PromptError> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let example = Self.options.first.map { "\($0.key)=\(NumericDomain.show($0.defaultValue))" }
    let format = "type KEY=VALUE" + (example.map { " (e.g. \($0))" } ?? "")
    guard !trimmed.isEmpty else { return .failure(PromptError(format + ", or Esc to cancel")) }
    let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let key = parts[0].trimmingCharacters(in: .whitespaces)
    guard EstimatorRegistry.option(key) != nil else {
      return .failure(
        PromptError("unknown option '\(key)' (known: \(EstimatorRegistry.optionNames))"))
    }
    guard parts.count == 2 else { return .failure(PromptError("type a value after \(key)=")) }
    let word = parts[1].trimmingCharacters(in: .whitespaces)
    guard let value = Double(word), value.isFinite else {
      return .failure(PromptError("\"\(word)\" is not a number (try \(key)=2)"))
    }
    do throws(InvalidScenario) {
      _ = try scenario.with(.option(key), value: value)
    } catch {
      return .failure(PromptError(Self.plainWords(error, key: key)))
    }
    return .success((key, value))
  }

  /// A rule's words with the option's key in front (`draws must be between 2 and 1024, got
  /// 1`) rather than the file's `options.draws`.
  private static func plainWords(_ error: InvalidScenario, key: String) -> String {
    guard let problem = error.problems.first else { return "\(key) is not allowed" }
    let prefix = "options."
    let name =
      problem.key.hasPrefix(prefix) ? String(problem.key.dropFirst(prefix.count)) : problem.key
    return name.isEmpty ? problem.message : "\(name) \(problem.message)"
  }
}
