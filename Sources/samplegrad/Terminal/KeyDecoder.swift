@preconcurrency import CNcursesw
import SampleGradUI

/// Turns what `wget_wch` returns (a character or a KEY_* code) into a `TerminalEvent`.
/// Keys the explorer has no use for (function keys, stray control characters) give nil.
enum KeyDecoder {
  static func decode(functionKey code: UInt32) -> TerminalEvent? {
    switch Int(code) {
    case SG_KEY_UP: .key(.up)
    case SG_KEY_DOWN: .key(.down)
    case SG_KEY_LEFT: .key(.left)
    case SG_KEY_RIGHT: .key(.right)
    case SG_KEY_PPAGE: .key(.pageUp)
    case SG_KEY_NPAGE: .key(.pageDown)
    case SG_KEY_HOME: .key(.home)
    case SG_KEY_END: .key(.end)
    case SG_KEY_ENTER: .key(.enter)
    case SG_KEY_BACKSPACE: .key(.backspace)
    case SG_KEY_RESIZE: .resize
    default: nil
    }
  }

  static func decode(character code: UInt32) -> TerminalEvent? {
    switch code {
    case 0x0A, 0x0D: return .key(.enter)
    case 0x1B: return .key(.escape)
    case 0x08, 0x7F: return .key(.backspace)
    case 0x09: return .key(.tab)
    case 0x03: return .key(.interrupt)
    case 0..<0x20, 0x80..<0xA0: return nil
    default:
      guard let scalar = Unicode.Scalar(code) else { return nil }
      return .key(.character(Character(scalar)))
    }
  }
}
