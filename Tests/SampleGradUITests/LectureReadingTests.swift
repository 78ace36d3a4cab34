import Foundation
import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// Issue 20 as a teacher would check it: at 80x24 and 160x48, in dark, light, mono and ASCII,
/// every preset's lesson can be read to its last word on the live screen (`c` pages it) and
/// in the picker (→ pages it), every title is whole or visibly cut, and every step of the
/// built-in tour shows its caption, all of it, without hiding the rows it talks about.
@Suite("Lessons, titles and captions at lecture sizes")
struct LectureReadingTests {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let library = PresetLibrary(folders: [root.appendingPathComponent("presets").path])
  /// The scenario presets (the model presets' lessons are read on the model race's screen,
  /// `ModelRaceViewTests`).
  static let presets = library.summaries().filter {
    $0.problem == nil && !VAEPreset.isModel(path: $0.path)
  }

  static let sizes = [(80, 24), (160, 48)]
  static let looks: [DisplayOptions] = [
    DisplayOptions(), DisplayOptions(theme: .light), DisplayOptions(color: false),
    DisplayOptions(ascii: true, color: false),
  ]

  /// A few batches of every preset, as the live screen shows it (computed once).
  static let snapshots: [String: Snapshot] = {
    var result: [String: Snapshot] = [:]
    for preset in presets {
      guard let scenario = try? library.load(preset.name) else { continue }
      result[preset.name] = Fixtures.snapshot(scenario, batches: 3, batch: 100)
    }
    return result
  }()

  static func words(_ text: String) -> [String] {
    text.split(whereSeparator: \.isWhitespace).map(String.init)
  }

  static func trimmed(_ line: String) -> String {
    line.trimmingCharacters(in: .whitespaces)
  }

  /// The lesson as a student reads it off the live screen: `c` until every page of the lesson
  /// pane has shown (at most twelve presses). Nil if it never showed.
  static func readLesson(_ snapshot: Snapshot, options: DisplayOptions, width: Int, height: Int)
    -> [String]?
  {
    var explorer = Explorer(presets: [], options: options)
    explorer.screenWidth = width
    explorer.screenHeight = height
    var pages: [Int: [String]] = [:]
    var count = 0
    for press in 0...12 {
      if press > 0 { _ = explorer.handle(.character("c"), snapshot: snapshot) }
      guard let pane = explorer.liveLayout(snapshot).lesson else { continue }
      let screen = Fixtures.screen(snapshot, width: width, height: height, explorer: explorer)
      let title = screen.line(pane.y)
      var page = 1
      count = 1
      if let match = title.firstMatch(of: /Lesson (\d+)\/(\d+)/) {
        page = Int(match.1)!
        count = Int(match.2)!
      }
      pages[page] = (pane.y + 1..<pane.maxY).map {
        trimmed(String(screen.line($0).dropFirst(pane.x).prefix(pane.width)))
      }
      if pages.count == count { break }
    }
    guard pages.count == count, count > 0 else { return nil }
    return words((1...count).flatMap { pages[$0]! }.joined(separator: " "))
  }

  @Test("every preset's lesson reads to its last word on the live screen (c pages it)")
  func everyLessonReads() throws {
    #expect(Self.presets.count >= 20)
    for preset in Self.presets {
      let snapshot = try #require(Self.snapshots[preset.name])
      for options in Self.looks {
        let expected = Self.words(Theme(options: options).glyphs.text(preset.lesson))
        for (width, height) in Self.sizes {
          let read = Self.readLesson(snapshot, options: options, width: width, height: height)
          #expect(
            read == expected,
            "\(preset.name) at \(width)x\(height) \(options.theme)\(options.ascii ? " ascii" : ""): \(read?.suffix(4) ?? ["never shown"])"
          )
        }
      }
    }
  }

  @Test("at 80x24 the status line's hint says c shows all, and it does")
  func hintIsTrue() throws {
    let snapshot = try #require(Self.snapshots["rare-category"])
    let screen = Fixtures.screen(snapshot, width: 80, height: 24)
    #expect(screen.lines[22].contains("Lesson: ") && screen.lines[22].contains("(c: all)"))
    let read = Self.readLesson(snapshot, options: DisplayOptions(), width: 80, height: 24)
    // The lesson's last word, as the preset file writes it.
    let lesson = try #require(Self.presets.first { $0.name == "rare-category" }?.lesson)
    #expect(read?.last == Self.words(lesson).last)
  }

  @Test("the picker shows every name whole and every lesson to its last word (→ pages it)")
  func pickerReadsEveryLesson() throws {
    let snapshot = try #require(Self.snapshots["bias-and-variance"])
    let screen = Rect(x: 0, y: 0, width: 80, height: 24)
    let detail = PresetPickerOverlay.detailArea(screen: screen, presets: Self.presets)
    for (index, preset) in Self.presets.enumerated() {
      var explorer = Explorer(presets: Self.presets)
      explorer.overlay = .presets(PresetPicker(selected: index))
      var read: [String] = []
      let pages = PresetPickerOverlay.lessonPages(
        screen: screen, presets: Self.presets, selected: index)
      for page in 0..<pages {
        if page > 0 { _ = explorer.handle(.right, snapshot: snapshot) }
        let buffer = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
        if page == 0 {
          let listed = buffer.lines.contains { $0.contains("▶ \(preset.name) ") }
          #expect(listed, "\(preset.name) is not listed whole")
        }
        read += (detail.y..<detail.maxY).map {
          Self.trimmed(String(buffer.line($0).dropFirst(detail.x).prefix(detail.width)))
        }
        if pages > 1 {
          #expect(buffer.lines.contains { $0.contains("lesson \(page + 1)/\(pages)") })
        }
      }
      #expect(
        Self.words(read.joined(separator: " ")) == Self.words(preset.lesson),
        "\(preset.name): \(Self.words(read.joined(separator: " ")).suffix(3))")
    }
  }

  @Test("every title is whole or visibly cut, and the two mohamed-* headers differ")
  func titles() throws {
    var headers: [String: String] = [:]
    for preset in Self.presets {
      let snapshot = try #require(Self.snapshots[preset.name])
      for (width, height) in Self.sizes {
        let screen = Fixtures.screen(snapshot, width: width, height: height)
        let header = screen.lines[0]
        #expect(
          header.contains(preset.title) || header.contains("…"),
          "\(preset.name) at \(width)x\(height): \(header)")
        if width == 80 { headers[preset.name] = header }
      }
    }
    #expect(headers["mohamed-cosine"] != nil)
    #expect(headers["mohamed-cosine"] != headers["mohamed-quadratic"])
    #expect(headers["mohamed-cosine"]?.contains("cos(kx)") == true)
    #expect(ScreenFormat.clipKeepingEnd("A short title", 20, ellipsis: "…") == "A short title")
    #expect(
      ScreenFormat.clipKeepingEnd(
        "Which gaussian gradient wins depends on the objective: (x - k)^2", 50, ellipsis: "…")
        == "Which gaussian gradient wins depends… (x - k)^2")
  }

  // MARK: - The tour

  static let tour: Tour = {
    try! TourDecoder.load(
      path: root.appendingPathComponent("tours/backprop-through-samples.toml").path)
  }()

  /// The caption as a student reads it at this size: from the lesson pane where it is whole,
  /// else from its box, `c` turning the pages. Leaves the box closed.
  static func readCaption(
    _ explorer: inout Explorer, _ snapshot: Snapshot, width: Int, height: Int
  ) -> [String] {
    let layout = explorer.liveLayout(snapshot)
    if explorer.onLive, explorer.showsWholeCaption(layout), let pane = layout.lesson {
      let screen = Fixtures.screen(snapshot, width: width, height: height, explorer: explorer)
      return words(
        (pane.y + 1..<pane.maxY).map {
          trimmed(String(screen.line($0).dropFirst(pane.x).prefix(pane.width)))
        }.joined(separator: " "))
    }
    _ = explorer.handle(.character("c"), snapshot: snapshot)
    var read: [String] = []
    var pages = 0
    while explorer.tour?.showsCaption == true, pages < 6 {
      let screen = Fixtures.screen(snapshot, width: width, height: height, explorer: explorer)
      let theme = Theme(options: explorer.options)
      let area = explorer.current.captionArea(
        explorer.renderContext(snapshot, theme: theme),
        screen: Rect(x: 0, y: 0, width: width, height: height))
      let chrome = explorer.tour!.chrome
      let geometry = CaptionBox.geometry(
        theme.glyphs.text(chrome.caption), area: area,
        screen: Rect(x: 0, y: 0, width: width, height: height))
      let inside = geometry.box.inset(dx: 2, dy: 1)
      read += (0..<geometry.perPage).map {
        trimmed(String(screen.line(inside.y + $0).dropFirst(inside.x).prefix(inside.width)))
      }
      _ = explorer.handle(.character("c"), snapshot: snapshot)
      pages += 1
    }
    if explorer.tour?.showsCaption == true { _ = explorer.handle(.escape, snapshot: snapshot) }
    return words(read.joined(separator: " "))
  }

  @Test("every step of the tour shows its caption, all of it, at 80x24 and 160x48")
  func everyStepShowsItsCaption() throws {
    let scenarios = try Self.tour.scenarios(presets: Self.library)
    let playback = try #require(TourPlayback(tour: Self.tour, scenarios: scenarios))
    let snapshots = scenarios.map { Fixtures.snapshot($0, batches: 2, batch: 100) }
    for options in Self.looks {
      for (width, height) in Self.sizes {
        var explorer = Explorer(presets: [], options: options)
        explorer.screenWidth = width
        explorer.screenHeight = height
        _ = explorer.play(playback, snapshot: snapshots[0])
        for (i, step) in Self.tour.steps.enumerated() {
          if i > 0 { _ = explorer.handle(.character(" "), snapshot: snapshots[i - 1]) }
          let snapshot = snapshots[i]
          let where_ = "step \(i + 1) at \(width)x\(height) \(options.theme)"
          // On arrival: the step's caption, whole in the lesson pane or its hint in the status
          // line (no other message in its place).
          let screen = Fixtures.screen(snapshot, width: width, height: height, explorer: explorer)
          let label = "Step \(i + 1)/\(Self.tour.steps.count)"
          #expect(screen.lines.contains { $0.contains(label) }, "\(where_): no caption")
          let expected = Self.words(Theme(options: options).glyphs.text(step.caption))
          let read = Self.readCaption(&explorer, snapshot, width: width, height: height)
          #expect(read == expected, "\(where_): \(read.suffix(3))")
        }
      }
    }
  }

  @Test("80x24: after a step change, c shows the caption first, whatever the middle shows")
  func captionFirstAfterAStepChange() throws {
    let scenarios = try Self.tour.scenarios(presets: Self.library)
    let playback = try #require(TourPlayback(tour: Self.tour, scenarios: scenarios))
    let snapshot = Fixtures.snapshot(scenarios[0], batches: 2, batch: 100)
    var explorer = Explorer(presets: [])
    _ = explorer.play(playback, snapshot: snapshot)
    _ = explorer.handle(.character("c"), snapshot: snapshot)
    #expect(explorer.tour?.showsCaption == true)
    while explorer.tour?.showsCaption == true {
      _ = explorer.handle(.character("c"), snapshot: snapshot)
    }
    #expect(explorer.middle == .chart)
    _ = explorer.handle(.character(" "), snapshot: snapshot)
    #expect(explorer.middle == .chart)
    _ = explorer.handle(.character("c"), snapshot: snapshot)
    #expect(explorer.tour?.showsCaption == true, "c cycled the middle instead")
  }

  @Test("80x24: the caption box leaves the estimator rows in view (step 11's DisARM row)")
  func boxLeavesTheRows() throws {
    let scenarios = try Self.tour.scenarios(presets: Self.library)
    let playback = try #require(TourPlayback(tour: Self.tour, scenarios: scenarios))
    let index = try #require(Self.tour.steps.firstIndex { $0.preset == "antithetic-bernoulli" })
    let snapshot = Fixtures.snapshot(scenarios[index], batches: 2, batch: 100)
    var explorer = Explorer(presets: [])
    _ = explorer.play(playback, snapshot: snapshot)
    for _ in 0..<index { _ = explorer.handle(.character(" "), snapshot: snapshot) }
    let rows = explorer.liveLayout(snapshot).estimators
    let before = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    _ = explorer.handle(.character("c"), snapshot: snapshot)
    #expect(explorer.tour?.showsCaption == true)
    let after = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
    for y in rows.y..<rows.maxY { #expect(after.line(y) == before.line(y), "row \(y) covered") }
    #expect(after.lines.contains { $0.contains("DisARM") })
  }

  @Test("80x24: every charted row keeps its glyph in the legend, even where names do not fit")
  func legendKeepsEveryLine() throws {
    let scenario = try Self.library.load("relax-toy")
    let snapshot = Fixtures.snapshot(scenario, batches: 20, batch: 500)
    for options in Self.looks {
      var explorer = Explorer(presets: [], options: options)
      while explorer.middle != .chart { _ = explorer.handle(.character("c"), snapshot: snapshot) }
      let screen = Fixtures.screen(snapshot, width: 80, height: 24, explorer: explorer)
      let pane = try #require(explorer.liveLayout(snapshot).chart)
      let legend = screen.line(pane.maxY - 1)
      let theme = Theme(options: options)
      for row in snapshot.estimators where row.isEnabled && row.kind != .exact {
        let glyph = theme.seriesGlyph(row.kind)
        #expect(legend.contains(glyph), "\(row.kind) missing from '\(legend)'")
      }
    }
  }

  @Test("step 1 at 160x48: an exact row alone says why nothing is charted, not 'no variance yet'")
  func exactAloneIsExplained() throws {
    let scenario = try HandBuilt.categoricalScenario.with(estimators: [.exact])
    let snapshot = Fixtures.snapshot(scenario, batches: 4, batch: 500)
    let text = Fixtures.screen(snapshot, width: 160, height: 48).lines.joined(separator: "\n")
    #expect(!text.contains("no variance yet"))
    #expect(text.contains("exact has no variance to chart: turn an estimator on"))
  }
}
