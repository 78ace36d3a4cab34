import Foundation
import SampleGradCore

/// The one-line number prompt (`t` for the temperature, `=` or `v` for the selected
/// parameter): the text typed so far and, after a bad Enter, why it was refused.
package struct ValuePrompt: Sendable, Equatable {
  package enum Target: Sendable, Equatable {
    case temperature
    case parameter(index: Int, name: String)
  }

  package var target: Target
  package var text: String = ""
  /// Shown under the input after Enter refused it; the text stays for editing.
  package var error: String?

  package static let maxLength = 24

  package init(target: Target, text: String = "", error: String? = nil) {
    self.target = target
    self.text = text
    self.error = error
  }

  /// What is being set, as the prompt labels it.
  package var label: String {
    switch target {
    case .temperature: "temperature"
    case .parameter(_, let name): name
    }
  }

  /// The typed number, or a message saying what is wrong with it: not a number, or a value
  /// the scenario's own rules refuse (the same rules as files, flags and the engine).
  func parse(for scenario: Scenario) -> Result<Double, PromptError> {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return .failure(PromptError("type a number, or Esc to cancel")) }
    guard let value = Double(trimmed), value.isFinite else {
      return .failure(PromptError("\"\(trimmed)\" is not a number (try 0.5 or 1e-2)"))
    }
    do throws(InvalidScenario) {
      switch target {
      case .temperature: _ = try scenario.with(temperature: value)
      case .parameter(let index, _): _ = try scenario.with(parameter: index, value: value)
      }
    } catch {
      // The prompt names the parameter already: drop a list rule's "(value 2)".
      let message = (error.problems.first?.message ?? "is not allowed")
        .replacingOccurrences(of: #" \(value \d+\)$"#, with: "", options: .regularExpression)
      return .failure(PromptError("\(label) \(message)"))
    }
    return .success(value)
  }
}

/// Why a typed value was refused, in words for the prompt.
struct PromptError: Error, Equatable {
  let text: String
  init(_ text: String) { self.text = text }
}
