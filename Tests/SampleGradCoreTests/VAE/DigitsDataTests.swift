import Foundation
import Testing

@testable import SampleGradCore

/// The shipped digits against the original file: the packed bits must be exactly
/// `pixel >= 8` of every row, in file order, with its label. The original
/// (`../shared/data/digits.csv.gz` as issue 18 pins it, scikit-learn's copy of UCI optdigits,
/// CC BY 4.0) is kept beside this test, so a clean clone can run it; where the shared copy
/// exists too, the two must be the same bytes.
struct DigitsDataTests {
  static let original = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().appendingPathComponent("OriginalDigits/digits.csv.gz")

  /// `../shared/data/digits.csv.gz` beside the repository, where the machines have it.
  static let shared = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/data/digits.csv.gz")

  @Test("the original kept in the repository is the shared one, byte for byte, where both exist")
  func keptOriginalIsTheSharedOne() throws {
    let kept = try Data(contentsOf: Self.original)
    #expect(kept.count > 50_000)
    guard FileManager.default.fileExists(atPath: Self.shared.path) else { return }
    #expect(try Data(contentsOf: Self.shared) == kept)
  }

  /// The original rows, decompressed by gzip: 64 pixels 0..16 and the label.
  static func originalRows() throws -> [[Int]] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", original.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    return text.split(separator: "\n").map { line in
      line.split(separator: ",").map { Int($0)! }
    }
  }

  @Test("the packed data equal the pinned binarization of the original, row by row")
  func packedEqualsOriginal() throws {
    try #require(
      FileManager.default.fileExists(atPath: Self.original.path),
      "the original data are not at \(Self.original.path)")
    let rows = try Self.originalRows()
    #expect(rows.count == DigitsData.rowCount)
    let all = DigitsData.all
    #expect(all.count == rows.count)
    for (n, row) in rows.enumerated() {
      #expect(row.count == 65)
      let bits = row.prefix(64).map { $0 >= 8 ? 1.0 : 0.0 }
      #expect(Array(all.image(n)) == bits, "row \(n)")
      #expect(all.labels[n] == row[64], "row \(n)")
    }
  }

  @Test("the split: training rows 0..1499, test rows 1500..1796")
  func split() {
    #expect(DigitsData.training.count == 1500)
    #expect(DigitsData.test.count == 297)
    #expect(Array(DigitsData.training.image(1499)) == Array(DigitsData.all.image(1499)))
    #expect(Array(DigitsData.test.image(0)) == Array(DigitsData.all.image(1500)))
    #expect(DigitsData.test.labels.last == DigitsData.all.labels[1796])
  }
}
