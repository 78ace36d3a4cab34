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

  /// Compares `buffer`'s text with `Snapshots/<name>.txt`, or writes it when recording.
  static func check(
    _ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let url = directory.appendingPathComponent("\(name).txt")
    let text = buffer.lines.joined(separator: "\n") + "\n"
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

/// Widget test helpers: a small buffer filled with `·`, so drawing outside the rect shows.
enum Canvas {
  static let marker: Character = "·"

  static func make(width: Int, height: Int = 1) -> Buffer {
    Buffer(width: width, height: height, filling: Cell(marker))
  }

  static let unicode = Theme(options: DisplayOptions(ascii: false, color: true))
  static let ascii = Theme(options: DisplayOptions(ascii: true, color: false))
}
