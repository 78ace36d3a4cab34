import Foundation
import Testing

@testable import samplegrad

/// Issue 21, fault 6: export names have one-second resolution, and `x` pressed twice within a
/// second wrote the second pair over the first, saying "wrote" both times.
@Suite("Export files")
struct ExportWriterTests {
  static let base = "samplegrad-bias-and-variance-20250101-120000"

  func write(_ text: String, _ json: String, in folder: ScratchFolder) throws -> String {
    try ExportWriter.write(baseName: Self.base, text: text, json: json, in: folder.url.path)
  }

  @Test("the same name twice: the second pair gets -2, the first is kept")
  func neverOverwrites() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let first = try write("screen\n", "{}\n", in: folder)
    let second = try write("later\n", "[]\n", in: folder)
    let third = try write("later\n", "[]\n", in: folder)
    #expect(first == Self.base)
    #expect(second == Self.base + "-2" && third == Self.base + "-3")
    #expect(try String(contentsOfFile: folder.path(first + ".txt"), encoding: .utf8) == "screen\n")
    #expect(try String(contentsOfFile: folder.path(first + ".json"), encoding: .utf8) == "{}\n")
    #expect(try String(contentsOfFile: folder.path(second + ".json"), encoding: .utf8) == "[]\n")
  }

  @Test("a name is free only if neither file of the pair exists")
  func pairIsFreeTogether() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    try folder.write(Self.base + ".json", "someone else's\n")
    #expect(try write("screen\n", "{}\n", in: folder) == Self.base + "-2")
    #expect(!FileManager.default.fileExists(atPath: folder.path(Self.base + ".txt")))
    #expect(
      try String(contentsOfFile: folder.path(Self.base + ".json"), encoding: .utf8)
        == "someone else's\n")
  }

  @Test("a folder that cannot be written says why")
  func unwritableFolder() {
    #expect(throws: ExportWriter.Failure.self) {
      try ExportWriter.write(baseName: Self.base, text: "", json: "", in: "/nonexistent-folder")
    }
  }
}
