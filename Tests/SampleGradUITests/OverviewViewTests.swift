import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// The overview view off-terminal: its keys as a pure state machine, and its screens from
/// hand-built tables (not live sampling) at 80x24 and 160x48 for each kind of distribution.
@Suite("Overview view")
struct OverviewViewTests {
  static let cases: [(name: String, live: Snapshot, table: Overview)] = [
    ("categorical", HandBuilt.categorical(after: false), HandBuiltOverview.categorical),
    ("bernoulli", HandBuilt.bernoulli(), HandBuiltOverview.bernoulli),
    ("gaussian", HandBuilt.gaussian(), HandBuiltOverview.gaussian),
  ]

  static func screen(
    _ live: Snapshot, _ table: Overview, width: Int, height: Int, keys: [Key] = [],
    options: DisplayOptions = DisplayOptions()
  ) -> (Buffer, Explorer) {
    let snapshot = HandBuiltOverview.snapshot(live, table)
    var explorer = Explorer(presets: Fixtures.presets, options: options)
    explorer.screenWidth = width
    explorer.screenHeight = height
    _ = explorer.handle(.character("o"), snapshot: snapshot)
    for key in keys { _ = explorer.handle(key, snapshot: snapshot) }
    return (Fixtures.screen(snapshot, width: width, height: height, explorer: explorer), explorer)
  }

  @Test(
    "full screens match their snapshots", arguments: [(80, 24), (160, 48)],
    ["categorical", "bernoulli", "gaussian"])
  func screens(size: (Int, Int), name: String) throws {
    let entry = try #require(Self.cases.first { $0.name == name })
    let (buffer, _) = Self.screen(
      entry.live, entry.table, width: size.0, height: size.1, keys: [.down, .down])
    SnapshotFile.check(buffer, named: "overview-\(name)-\(size.0)x\(size.1)")
  }

  @Test(
    "160x48 shows every cell's full evidence, the variance and SD/|g|, and how to read it",
    arguments: ["categorical", "bernoulli", "gaussian"])
  func wideShowsEverything(name: String) throws {
    let entry = try #require(Self.cases.first { $0.name == name })
    let (buffer, _) = Self.screen(entry.live, entry.table, width: 160, height: 48)
    // Wrapped cells are read back by joining each cell's lines.
    let text = buffer.lines.joined(separator: "\n")
    let words = Set(text.split(whereSeparator: { $0.isWhitespace }).map(String.init))
    for row in entry.table.rows {
      #expect(text.contains(EstimatorLabel.name(row.kind, wide: true)), "\(row.kind)")
      for column in Overview.Column.allCases {
        for word in row.cells[column]!.text.split(separator: " ") {
          #expect(words.contains(String(word)), "\(row.kind) \(column): \(word)")
        }
      }
    }
    for title in ["variance", "SD/|g|", "Reading the table", "needs df/dx", "unbiased"] {
      #expect(text.contains(title), "\(title)")
    }
    // Each built-in scenario is named above its rows.
    for section in entry.table.sections.dropFirst() {
      #expect(text.contains("on the \(section.label)"), "\(section.label)")
    }
  }

  @Test(
    "80x24: answers with brief evidence, one line a method; the selected one's evidence below",
    arguments: ["categorical", "bernoulli", "gaussian"])
  func compactShowsTheSelection(name: String) throws {
    let entry = try #require(Self.cases.first { $0.name == name })
    let (buffer, explorer) = Self.screen(
      entry.live, entry.table, width: 80, height: 24, keys: [.down])
    let text = buffer.lines.joined(separator: "\n")
    // ↓ moved from the first estimator (after the exact row) to the next.
    let shown = Array(entry.table.rows.filter(\.isForThisDistribution).dropFirst())
    guard let view = explorer.open(OverviewView.self) else {
      Issue.record("the overview is not open")
      return
    }
    #expect(view.selected == shown[1].kind)
    let detail = try #require(buffer.lines.first { $0.hasPrefix("─ ") && $0.contains(" on ") })
    #expect(detail.contains(EstimatorLabel.name(shown[1].kind, wide: true)))
    #expect(text.contains(shown[1].cells[.needsDerivative]!.evidence))
    for row in shown {
      #expect(text.contains(EstimatorLabel.name(row.kind, wide: false)), "\(row.kind)")
      for column in Overview.Column.allCases {
        #expect(text.contains(row.cells[column]!.briefText), "\(row.kind) \(column)")
      }
    }
  }

  @Test("o opens it, Escape and o close it; the arrows choose a method and a parameter")
  func keys() throws {
    let snapshot = HandBuiltOverview.snapshot(
      HandBuilt.categorical(after: false), HandBuiltOverview.categorical)
    var explorer = Explorer(presets: Fixtures.presets)
    #expect(explorer.handle(.character("o"), snapshot: snapshot) == [.job(.overview(.open))])
    #expect(explorer.open(OverviewView.self) == OverviewView())
    _ = explorer.handle(.up, snapshot: snapshot)
    _ = explorer.handle(.character("k"), snapshot: snapshot)
    #expect(explorer.open(OverviewView.self) == OverviewView(selected: .exact), "stops at the top")
    for _ in 0..<20 { _ = explorer.handle(.character("j"), snapshot: snapshot) }
    // The last row: the methods for another kind of distribution are measured on a built-in
    // scenario, so the arrows reach them too.
    #expect(explorer.open(OverviewView.self) == OverviewView(selected: .measureValued))
    _ = explorer.handle(.right, snapshot: snapshot)
    _ = explorer.handle(.character("l"), snapshot: snapshot)
    #expect(explorer.selectedParameter == 2)
    #expect(explorer.handle(.character(" "), snapshot: snapshot) == [.job(.overview(.togglePause))])
    #expect(explorer.handle(.escape, snapshot: snapshot) == [.job(.overview(.close))])
    #expect(explorer.onLive)
    _ = explorer.handle(.character("o"), snapshot: snapshot)
    #expect(explorer.handle(.character("o"), snapshot: snapshot) == [.job(.overview(.close))])
    _ = explorer.handle(.character("o"), snapshot: snapshot)
    #expect(explorer.handle(.character("q"), snapshot: snapshot) == [.quit])
  }

  @Test("until the first round is measured, a line says so; a table of another view is not shown")
  func measuring() {
    let live = HandBuilt.categorical(after: false)
    var explorer = Explorer(presets: Fixtures.presets)
    _ = explorer.handle(.character("o"), snapshot: live)
    let empty = Fixtures.screen(live, width: 80, height: 24, explorer: explorer)
    #expect(empty.lines.contains { $0.contains("measuring every method on this scenario") })
    let closed = HandBuiltOverview.snapshot(live, HandBuiltOverview.categorical, isOpen: false)
    let stale = Fixtures.screen(closed, width: 80, height: 24, explorer: explorer)
    #expect(!stale.lines.contains { $0.contains("Gumbel-softmax") })
  }

  @Test("ASCII mode draws only ASCII, evidence included")
  func ascii() {
    for size in [(80, 24), (160, 48)] {
      let (buffer, _) = Self.screen(
        HandBuilt.categorical(after: false), HandBuiltOverview.categorical, width: size.0,
        height: size.1, options: DisplayOptions(ascii: true, color: false))
      for line in buffer.lines {
        #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
      }
      #expect(buffer.lines.joined().contains("chi2 p"))
    }
  }

  @Test("answers are coloured by tone: a property to have, a limitation, nothing measured")
  func colours() throws {
    let (buffer, _) = Self.screen(
      HandBuilt.categorical(after: false), HandBuiltOverview.categorical, width: 160, height: 48)
    let theme = Theme(options: DisplayOptions())
    func style(of text: String, in row: String) throws -> Style {
      let y = try #require(buffer.lines.firstIndex { $0.contains(row) })
      let x = try #require(buffer.line(y).range(of: text)).lowerBound
      return buffer[buffer.line(y).distance(from: buffer.line(y).startIndex, to: x), y].style
    }
    let biased = try style(of: "no: bias 60 SE", in: "Gumbel-softmax")
    let unbiased = try style(of: "yes: no bias", in: "REBAR ")
    let nothing = try style(of: "-: no gradient at all", in: "argmax")
    #expect(biased == theme.style(.limitation))
    #expect(unbiased == theme.style(.asset))
    #expect(nothing == theme.style(.off))
  }

  @Test("every size from 80x24 draws the table without trapping")
  func sizes() {
    for (w, h) in [(80, 24), (81, 25), (100, 30), (119, 40), (120, 30), (160, 30), (200, 60)] {
      for entry in Self.cases {
        let (buffer, _) = Self.screen(entry.live, entry.table, width: w, height: h)
        #expect(buffer.lines[0].contains("Overview"), "\(w)x\(h)")
        #expect(buffer.lines.contains { $0.contains("score function") }, "\(w)x\(h)")
        #expect(buffer.lines.last?.contains("Esc back") == true, "\(w)x\(h)")
      }
    }
  }
}
