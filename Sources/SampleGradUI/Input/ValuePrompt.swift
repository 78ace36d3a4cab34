import Foundation
import SampleGradCore

/// The one-line number prompt (`t` for the temperature, `=` or `v` for the selected
/// parameter, `A` for every logit of D variables): the text typed so far and, after a bad
/// Enter, why it was refused.
package struct ValuePrompt: Sendable, Equatable {
  package enum Target: Sendable, Equatable {
    case temperature
    case parameter(index: Int, name: String)
    /// Every logit at once (`A`): one value, or a categorical's K (every variable's row).
    case everyLogit(name: String)
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
    case .parameter(_, let name), .everyLogit(let name): name
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
      case .everyLogit:
        let perVariable = VariableSelection(scenario.distribution.spec).logitsPerVariable
        _ = try scenario.with(logits: [Double](repeating: value, count: perVariable))
      }
    } catch {
      return .failure(refusal(error))
    }
    return .success(value)
  }

  /// The logits typed for `A`, as `Scenario.with(logits:)` takes them: one value (a
  /// categorical's repeated K times) or K values for every variable's row, separated by
  /// commas or spaces; or why they are refused.
  func parseLogits(for scenario: Scenario) -> Result<[Double], PromptError> {
    let words = text.split { $0 == "," || $0 == " " }.map(String.init)
    guard !words.isEmpty else { return .failure(PromptError("type a number, or Esc to cancel")) }
    var values: [Double] = []
    for word in words {
      guard let value = Double(word), value.isFinite else {
        return .failure(PromptError("\"\(word)\" is not a number (try 0.5 or 1e-2)"))
      }
      values.append(value)
    }
    let perVariable = VariableSelection(scenario.distribution.spec).logitsPerVariable
    if values.count == 1 { values = [Double](repeating: values[0], count: perVariable) }
    guard values.count == perVariable else {
      return .failure(
        PromptError(
          perVariable == 1
            ? "type one value: every bit takes it"
            : "type one value for every logit, or \(perVariable) (every variable's row)"))
    }
    do throws(InvalidScenario) {
      _ = try scenario.with(logits: values)
    } catch {
      return .failure(refusal(error))
    }
    return .success(values)
  }

  /// A rule's words after the prompt's label, without a list rule's "(value 2)": the prompt
  /// names what is set already.
  private func refusal(_ error: InvalidScenario) -> PromptError {
    let message = (error.problems.first?.message ?? "is not allowed")
      .replacingOccurrences(of: #" \(value \d+\)$"#, with: "", options: .regularExpression)
    return PromptError("\(label) \(message)")
  }
}

/// Why a typed value was refused, in words for the prompt.
struct PromptError: Error, Equatable {
  let text: String
  init(_ text: String) { self.text = text }
}
