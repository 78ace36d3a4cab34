import Foundation
import Testing

@testable import SampleGradUI

/// Full-screen snapshots kept as text files in `Snapshots/`, recorded on purpose:
/// `SAMPLEGRAD_RECORD=1 swift test --filter SampleGradUITests` writes them, and a normal run
/// compares against them (a missing file fails and says how to record it).
enum SnapshotFile {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["SAMPLEGRAD_RECORD"] == "1"
  }

  /// Compares `buffer`'s text with `Snapshots/<name>.txt`, or writes it when recording. With
  /// `styles`, the file also holds a map of every cell's style (a letter per distinct style,
  /// `.` for the terminal's plain text) and what each letter means, so a theme's colours are
  /// pinned as well as the layout.
  static func check(
    _ buffer: Buffer, named name: String, styles: Bool = false,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent("\(name).txt")
    var text = buffer.lines.joined(separator: "\n") + "\n"
    if styles { text += styleMap(buffer) }
    if isRecording {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
      }
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        """
        missing snapshot \(url.path); look at the screen below, then record it with
        SAMPLEGRAD_RECORD=1 swift test --filter SampleGradUITests
        \(text)
        """, sourceLocation: sourceLocation)
      return
    }
    guard expected != text else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
      zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(want.count, got.count)
    Issue.record(
      """
      screen differs from \(url.lastPathComponent) from line \(first + 1); if the change is
      intended, re-record with SAMPLEGRAD_RECORD=1.
      expected: \(first < want.count ? String(want[first]) : "<end>")
      actual:   \(first < got.count ? String(got[first]) : "<end>")
      full screen:
      \(text)
      """, sourceLocation: sourceLocation)
  }
}

extension SnapshotFile {
  /// Every cell's style as a letter, row by row, then the letters' meanings.
  static func styleMap(_ buffer: Buffer) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var known: [Style: Character] = [.plain: "."]
    var order: [Style] = []
    var rows: [String] = []
    for y in 0..<buffer.height {
      var row = ""
      for x in 0..<buffer.width {
        let style = buffer[x, y].style
        if known[style] == nil {
          known[style] = order.count < letters.count ? letters[order.count] : "?"
          order.append(style)
        }
        row.append(known[style]!)
      }
      rows.append(row)
    }
    let legend = order.map { "\(known[$0]!): \(describe($0))" }
    return "--- styles\n" + rows.joined(separator: "\n") + "\n--- legend\n"
      + legend.joined(separator: "\n") + "\n"
  }

  static func describe(_ style: Style) -> String {
    var parts: [String] = []
    if style.foreground != .default { parts.append("fg \(style.foreground)") }
    if style.background != .default { parts.append("bg \(style.background)") }
    if style.bold { parts.append("bold") }
    if style.dim { parts.append("dim") }
    if style.reverse { parts.append("reverse") }
    return parts.joined(separator: ", ")
  }
}

/// Widget test helpers: a small buffer filled with `·`, so drawing outside the rect shows.
enum Canvas {
  static let marker: Character = "·"

  static func make(width: Int, height: Int = 1) -> Buffer {
    Buffer(width: width, height: height, filling: Cell(marker))
  }

  /// Unicode, colour, braille charts (the default).
  static let unicode = Theme(options: DisplayOptions(ascii: false, color: true))
  /// Unicode, colour, one glyph per chart cell (`--charts glyphs`).
  static let glyphCharts = Theme(options: DisplayOptions(charts: .glyphs))
  static let ascii = Theme(options: DisplayOptions(ascii: true, color: false))
}
