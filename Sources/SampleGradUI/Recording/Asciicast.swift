import Foundation
import SampleGradCore

/// A recording in asciicast v2, the format `asciinema play` replays and asciinema's web
/// player embeds: a header line (`{"version": 2, "width": 80, "height": 24, ...}`), then one
/// event per line, `[seconds, "o", text]`, the text a terminal is given at that time (here,
/// the frame's changes as `AnsiFrame` writes them) and `[seconds, "r", "WxH"]` for a resize.
package enum Asciicast {
  /// The header line. `timestamp` is the start in seconds since 1970.
  package static func header(width: Int, height: Int, timestamp: Int?, title: String?)
    -> String
  {
    var members = ["\"version\": 2", "\"width\": \(width)", "\"height\": \(height)"]
    if let timestamp { members.append("\"timestamp\": \(timestamp)") }
    if let title { members.append("\"title\": " + JSONValue.string(title).render()) }
    members.append("\"env\": {\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/sh\"}")
    return "{" + members.joined(separator: ", ") + "}"
  }

  /// One event line: `[1.250000, "o", "..."]`.
  package static func event(_ seconds: Double, _ code: String, _ data: String) -> String {
    let time = String(format: "%.6f", max(seconds, 0))
    return "[\(time), \(JSONValue.string(code).render()), \(JSONValue.string(data).render())]"
  }
}

/// Turns the frames of a session (buffers at times) into asciicast events: each frame is the
/// change from the one before, a new size is a resize event and a full redraw.
package struct CastRecorder: Sendable {
  package let color: Bool
  private var previous: Buffer?
  private var lastTime = 0.0

  package init(color: Bool) {
    self.color = color
  }

  /// The event lines for `buffer` shown at `seconds` (none if nothing changed). Times never
  /// go back.
  package mutating func record(_ buffer: Buffer, at seconds: Double) -> [String] {
    let time = max(seconds, lastTime)
    var lines: [String] = []
    if let previous, previous.width != buffer.width || previous.height != buffer.height {
      lines.append(Asciicast.event(time, "r", "\(buffer.width)x\(buffer.height)"))
    }
    let text = AnsiFrame.encode(buffer, over: previous, color: color)
    previous = buffer
    guard !text.isEmpty else { return lines }
    lastTime = time
    return lines + [Asciicast.event(time, "o", text)]
  }

  /// The last event: attributes reset and the cursor shown again, at `seconds` (so a player
  /// keeps the last frame on screen until then).
  package func finish(at seconds: Double) -> String {
    Asciicast.event(max(seconds, lastTime), "o", "\u{1B}[0m\u{1B}[?25h")
  }
}
