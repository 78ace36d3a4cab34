import SampleGradCore
import SampleGradEngine

/// Keys in the options prompt (`O`): text is typed (every letter and digit, even `q`), ↑/↓
/// pick an option and type its key, Enter checks `KEY=VALUE` and sends the engine command
/// that sets it, Esc closes.
extension Explorer {
  mutating func handleOptions(
    _ key: Key, prompt: OptionPrompt, snapshot: Snapshot
  ) -> [ExplorerEffect] {
    var prompt = prompt
    switch key {
    case .escape:
      overlay = .none
      return []
    case .backspace:
      if !prompt.text.isEmpty { prompt.text.removeLast() }
      prompt.error = nil
    case .up, .down:
      prompt = prompt.picking(key == .up ? -1 : 1)
    case .character(let c):
      guard prompt.text.count < OptionPrompt.maxLength, !c.isNewline else { break }
      prompt.text.append(c)
      prompt.error = nil
    case .enter:
      switch prompt.parse(for: snapshot.scenario) {
      case .failure(let error):
        prompt.error = error.text
      case .success(let setting):
        overlay = .none
        message =
          "\(setting.key) = \(NumericDomain.show(setting.value)): the statistics start again"
        return [.send(.set(.option(setting.key), to: setting.value))]
      }
    default: break
    }
    overlay = .options(prompt)
    return []
  }
}
