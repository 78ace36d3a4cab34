import Foundation
import Testing

/// `?` and `x` in every full-screen view, as a user meets them: `?` shows that view's keys and
/// Tab what its screen shows; `x` writes that view's files to the current folder, and those
/// files are what the headless command prints for the same settings.
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed"))
struct ViewsHelpAndExportInTmuxTests {
  /// A view: the key that opens it, what shows it is ready to export, its help's section.
  struct View: Sendable, CustomStringConvertible {
    let key: String
    let name: String
    let ready: String
    let section: String
    let extensions: [String]
    var description: String { name }
  }

  static let views = [
    View(
      key: "w", name: "sweep", ready: "lowest MSE of the sweep", section: "The sweep",
      extensions: ["csv", "json"]),
    View(
      key: "T", name: "race", ready: "1% at", section: "The race", extensions: ["json"]),
    View(
      key: "o", name: "overview", ready: "─ score function on logit 1", section: "The overview",
      extensions: ["json", "txt"]),
  ]

  /// The headless command's output for the settings of an exported `view` file.
  static func headless(_ view: View, samples: Int, format: String) throws -> String {
    let arguments =
      view.name == "sweep"
      ? ["sweep", "--over", "temperature", "--format", format]
      : ["overview", "--format", format == "txt" ? "table" : format]
    let result = try Samplegrad.run(
      arguments + ["--preset", "bias-and-variance", "--samples", String(samples)])
    #expect(result.status == 0, "\(result.standardError)")
    return result.standardOutput
  }

  @Test(arguments: Self.views)
  func helpAndExport(view: View) throws {
    let binary = try #require(BuiltExecutable.samplegrad, "samplegrad binary not found")
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let tmux = try TmuxSession(
      ["/bin/sh", "-c", "cd '\(folder.url.path)' && exec '\(binary)'"], width: 80, height: 24,
      environment: ExplorerInTmuxTests.environment)
    defer { tmux.close() }
    #expect(tmux.waitForScreen(ExplorerInTmuxTests.showsHistogram) != nil, "\(tmux.screen())")

    try tmux.send(view.key)
    #expect(tmux.waitForScreen { $0.contains(view.ready) } != nil, "\(tmux.screen())")
    try tmux.send("?")
    let help = tmux.waitForScreen { $0.contains("Help 1/2: keys") && $0.contains(view.section) }
    #expect(help != nil, "? did not show the \(view.name)'s keys:\n\(tmux.screen())")
    try tmux.send("Tab")
    let legend = tmux.waitForScreen { $0.contains("Help 2/2: what the \(view.name) shows") }
    #expect(legend != nil, "Tab did not turn the page:\n\(tmux.screen())")
    try tmux.send("Escape")
    let closed = tmux.waitForScreen { !$0.contains("Help 2/2") && $0.contains(view.ready) }
    #expect(closed != nil, "Escape did not close the help:\n\(tmux.screen())")

    try tmux.send("x")
    let wrote = tmux.waitForScreen {
      $0.contains("wrote samplegrad-bias-and-variance-\(view.name)-")
    }
    #expect(wrote != nil, "x did not say where it wrote:\n\(tmux.screen())")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(files.map { String($0.split(separator: ".").last!) } == view.extensions)
    for file in files {
      let text = try String(contentsOfFile: folder.path(file), encoding: .utf8)
      guard file.hasSuffix(".json") else { continue }
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      guard view.name != "race" else {
        #expect((object["estimators"] as? [Any])?.count == 5)
        continue
      }
      let samples = try #require(object["samples"] as? Int)
      for other in files {
        let format = String(other.split(separator: ".").last!)
        let exported = try String(contentsOfFile: folder.path(other), encoding: .utf8)
        #expect(
          exported == (try Self.headless(view, samples: samples, format: format)),
          "\(other) differs from samplegrad \(view.name) --samples \(samples)")
      }
    }
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0, "q should exit 0:\n\(tmux.screen())")
  }
}
