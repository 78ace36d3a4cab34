import SampleGradCore
import SampleGradEngine
import Testing

@testable import SampleGradUI

/// A tour played in the explorer, as a pure state machine: each step's effects load its own
/// scenario and open its view, the tour's keys come before the view's, and the screens show
/// the step and its caption.
@Suite("Tour playback")
struct TourPlaybackTests {
  static let caption =
    "Four estimators of one gradient. The score function is unbiased but noisy: its SD/|g| "
    + "column reads about ten. Gumbel-softmax is biased by many standard errors, and its "
    + "variance is ten times smaller. Press [ to lower the temperature and watch both move."

  static let tour = Tour(
    name: "lecture", title: "A short lecture",
    steps: [
      TourStep(
        title: "Bias and variance", caption: caption, preset: "bias-and-variance", select: 2),
      TourStep(
        title: "Cooler", caption: "Lower the temperature: the bias shrinks.", temperature: 0.1,
        view: .sweep),
      TourStep(title: "A gaussian", caption: "Reparameterize.", view: .race),
      TourStep(title: "Every method", caption: "The table, measured.", view: .overview),
    ])

  static let scenarios: [Scenario] = [
    HandBuilt.categoricalScenario, try! HandBuilt.categoricalScenario.with(temperature: 0.1),
    Fixtures.gaussian, Fixtures.gaussian,
  ]

  static let live = HandBuilt.categorical(after: false)

  static func started(options: DisplayOptions = DisplayOptions(), width: Int = 80, height: Int = 24)
    -> (Explorer, [ExplorerEffect])
  {
    var explorer = Explorer(presets: Fixtures.presets, options: options)
    explorer.screenWidth = width
    explorer.screenHeight = height
    let playback = TourPlayback(tour: tour, scenarios: scenarios)!
    let effects = explorer.play(playback, snapshot: live)
    return (explorer, effects)
  }

  @Test("the first step loads its scenario, running, and selects its parameter")
  func firstStep() {
    let (explorer, effects) = Self.started()
    #expect(effects == [.send(.load(Self.scenarios[0])), .send(.resume)])
    #expect(explorer.tour?.index == 0 && explorer.selectedParameter == 1)
    #expect(explorer.onLive)
  }

  @Test("space and → go on, ← goes back; each step loads its own settings again")
  func stepping() {
    var (explorer, _) = Self.started()
    // A change inside the step is the user's: the engine has it, the tour does not.
    #expect(explorer.handle(.character("]"), snapshot: Self.live).count == 1)
    let next = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(next.prefix(2) == [.send(.load(Self.scenarios[1])), .send(.resume)])
    #expect(next.last == .job(.sweep(.open(.temperature))))
    #expect(explorer.selectedParameter == 0, "a step without select selects the first")
    let back = explorer.handle(.left, snapshot: Self.live)
    #expect(back == [.job(.sweep(.close)), .send(.load(Self.scenarios[0])), .send(.resume)])
    #expect(explorer.selectedParameter == 1 && explorer.onLive)
    #expect(explorer.handle(.right, snapshot: Self.live).first == .send(.load(Self.scenarios[1])))
  }

  @Test("a step that turns a knob pins the numbers of the step before; leaving it unpins them")
  func pinsTheStepBefore() {
    var (explorer, _) = Self.started()
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(explorer.pin == Pin(Self.live))
    // Below 120 columns the status line keeps the caption's hint (the rows' title says what
    // is pinned); a wide screen says it in the status line.
    #expect(explorer.message == nil)
    _ = explorer.handle(.left, snapshot: Self.live)
    explorer.screenWidth = 160
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(explorer.message == "step 1's numbers are pinned in ( ) beside these; M clears them")
    explorer.screenWidth = 80
    _ = explorer.handle(.left, snapshot: Self.live)
    #expect(explorer.pin == nil, "the tour's pin goes with its step")
    // A pin of the user's own stays; a step with other estimators (the race) pins nothing.
    _ = explorer.handle(.character("m"), snapshot: Self.live)
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(explorer.pin == Pin(Self.live))
    #expect(explorer.tour?.pinned == nil)
  }

  @Test("each step opens its view: sweep, race, overview; moving on closes it")
  func views() {
    var (explorer, _) = Self.started()
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    guard let sweep = explorer.open(SweepView.self) else {
      Issue.record("no sweep view")
      return
    }
    #expect(sweep.setting == .temperature)
    let race = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(race.first == .job(.sweep(.close)) && race.last == .job(.race(.open)))
    #expect(explorer.viewName == "race")
    let overview = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(overview.first == .job(.race(.close)) && overview.last == .job(.overview(.open)))
    #expect(explorer.open(OverviewView.self) == OverviewView())
    #expect(explorer.handle(.character(" "), snapshot: Self.live) == [])
    #expect(explorer.message?.hasPrefix("the end of the tour (4 steps)") == true)
    #expect(explorer.handle(.left, snapshot: Self.live).first == .job(.overview(.close)))
  }

  @Test("the first step says there is nothing before it")
  func firstStepBack() {
    var (explorer, _) = Self.started()
    #expect(explorer.handle(.left, snapshot: Self.live) == [])
    #expect(explorer.message == "this is the first step: space or → goes on")
    #expect(explorer.tour?.index == 0)
  }

  @Test("P pauses whatever view is open; h and l still select; Escape leaves a step's view")
  func pauseAndSelect() {
    var (explorer, _) = Self.started()
    #expect(explorer.handle(.character("P"), snapshot: Self.live) == [.send(.togglePause)])
    _ = explorer.handle(.character("h"), snapshot: Self.live)
    #expect(explorer.selectedParameter == 0)
    _ = explorer.handle(.character("l"), snapshot: Self.live)
    _ = explorer.handle(.character("l"), snapshot: Self.live)
    #expect(explorer.selectedParameter == 2)
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(explorer.handle(.character("P"), snapshot: Self.live) == [.job(.sweep(.togglePause))])
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(explorer.handle(.character("P"), snapshot: Self.live) == [.job(.race(.togglePause))])
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(
      explorer.handle(.character("P"), snapshot: Self.live) == [.job(.overview(.togglePause))])
    #expect(explorer.handle(.escape, snapshot: Self.live) == [.job(.overview(.close))])
    #expect(explorer.onLive && explorer.tour?.index == 3)
  }

  @Test("in a tour the race view's hint names P as the pause key: space is the next step")
  func raceHintInTour() {
    var (explorer, _) = Self.started()
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    _ = explorer.handle(.character(" "), snapshot: Self.live)
    #expect(explorer.viewName == "race")
    #expect(explorer.handle(.character("z"), snapshot: Self.live) == [])
    #expect(explorer.message?.hasPrefix("P pauses") == true)
  }

  @Test("in a prompt, the help or the lists the keys are theirs, not the tour's")
  func overlaysKeepTheirKeys() {
    var (explorer, _) = Self.started()
    _ = explorer.handle(.character("t"), snapshot: Self.live)
    #expect(explorer.handle(.character(" "), snapshot: Self.live) == [])
    #expect(explorer.tour?.index == 0)
    _ = explorer.handle(.escape, snapshot: Self.live)
    _ = explorer.handle(.character("?"), snapshot: Self.live)
    _ = explorer.handle(.right, snapshot: Self.live)
    #expect(explorer.overlay == .help(page: 1, scroll: 0) && explorer.tour?.index == 0)
  }

  @Test("every key the help lists for a tour does something in one")
  func helpMatchesTourKeys() throws {
    let section = try #require(KeyMap.help.first { $0.title == KeyMap.tourSection })
    let keys: [String: Key] = [
      "space": .character(" "), "Right": .right, "Left": .left, "P": .character("P"),
      "h": .character("h"), "l": .character("l"), "c": .character("c"), "Esc": .escape,
    ]
    for word in section.entries.flatMap({ $0.asciiKeys.split(separator: " ") }) {
      let key = try #require(keys[String(word)], "\(word) has no test key")
      var (explorer, _) = Self.started()
      _ = explorer.handle(.character(" "), snapshot: Self.live)  // in the sweep view
      let before = explorer
      let effects = explorer.handle(key, snapshot: Self.live)
      let changed =
        !effects.isEmpty || explorer.selectedParameter != before.selectedParameter
        || explorer.tour != before.tour || explorer.screenState != before.screenState
      #expect(changed, "\(word) does nothing in a tour")
    }
  }

  @Test("160x48: the step in the header, its caption in the lesson pane, the tour's keys below")
  func wideScreen() {
    let (explorer, _) = Self.started(width: 160, height: 48)
    let buffer = Fixtures.screen(Self.live, width: 160, height: 48, explorer: explorer)
    SnapshotFile.check(buffer, named: "tour-step-160x48")
    let text = buffer.lines.joined(separator: "\n")
    #expect(buffer.lines[0].contains("step 1/4 · Bias and variance · Bias against variance"))
    #expect(text.contains("─ Step 1/4 · Bias and variance "))
    #expect(text.contains("its SD/|g|") && text.contains("watch both move."))
    #expect(buffer.lines[47].hasPrefix(" space next  ← back  h/l select"))
    #expect(buffer.lines[47].contains("P pause"))
  }

  @Test("80x24: the caption's first sentence in the status line; c shows all of it in a box")
  func narrowScreen() {
    var (explorer, _) = Self.started()
    let first = Fixtures.screen(Self.live, width: 80, height: 24, explorer: explorer)
    SnapshotFile.check(first, named: "tour-step-80x24")
    #expect(first.lines[22].contains("Step 1/4: Four estimators of one gradient."))
    #expect(first.lines[22].contains("(c: all)"))
    _ = explorer.handle(.character("c"), snapshot: Self.live)
    let box = Fixtures.screen(Self.live, width: 80, height: 24, explorer: explorer)
    SnapshotFile.check(box, named: "tour-caption-80x24")
    let text = box.lines.joined(separator: "\n")
    #expect(text.contains("Step 1/4 · Bias and variance") && text.contains("watch both move."))
    // c again closes the box and moves on to the chart (the lesson's place in the cycle).
    _ = explorer.handle(.character("c"), snapshot: Self.live)
    #expect(explorer.tour?.showsCaption == false && explorer.middle == .chart)
    _ = explorer.handle(.character("c"), snapshot: Self.live)
    #expect(explorer.middle == .samples)
    _ = explorer.handle(.character("c"), snapshot: Self.live)
    #expect(explorer.tour?.showsCaption == true)
    _ = explorer.handle(.escape, snapshot: Self.live)
    #expect(explorer.tour?.showsCaption == false && explorer.middle == .samples)
  }

  @Test("ASCII mode: the caption, the header and the keys in ASCII")
  func ascii() {
    var (explorer, _) = Self.started(options: DisplayOptions(ascii: true, color: false))
    _ = explorer.handle(.character("c"), snapshot: Self.live)
    for size in [(80, 24), (160, 48)] {
      explorer.screenWidth = size.0
      explorer.screenHeight = size.1
      let buffer = Fixtures.screen(Self.live, width: size.0, height: size.1, explorer: explorer)
      for line in buffer.lines {
        #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(line)")
      }
    }
  }

  @Test("a tour needs steps, one scenario each")
  func playbackNeedsScenarios() {
    #expect(TourPlayback(tour: Self.tour, scenarios: []) == nil)
    #expect(TourPlayback(tour: Tour(name: "x", title: "x", steps: []), scenarios: []) == nil)
  }
}

/// A tour step on a model preset opens the model race over the step before's scenario.
@Suite("Tour playback: a model step")
struct TourModelPlaybackTests {
  @Test("the model step opens its race; space goes on from it, P pauses it, ← goes back")
  func modelStep() throws {
    let preset = try VAEPreset.decode(
      """
      name = "m"
      title = "a model"
      [model]
      kind = "digits-vae"
      latents = 3
      """, source: "m")
    let tour = Tour(
      name: "t", title: "t",
      steps: [
        TourStep(title: "toy", caption: "x", preset: "bias-and-variance"),
        TourStep(title: "model", caption: "y", preset: "m"),
        TourStep(title: "toy again", caption: "z"),
      ])
    let scenario = HandBuilt.categoricalScenario
    let playback = TourPlayback(
      tour: tour, scenarios: [scenario, scenario, scenario], models: [nil, preset, nil])!
    var explorer = Explorer(presets: Fixtures.presets)
    let live = HandBuilt.categorical(after: false)
    _ = explorer.play(playback, snapshot: live)
    let next = explorer.handle(.character(" "), snapshot: live)
    #expect(next.contains(.job(.model(.open(preset.race, title: preset.title)))))
    #expect(explorer.viewName == ModelRaceView.name)
    let snapshot = ModelRaceFixtures.snapshot(ModelRaceFixtures.part())
    #expect(explorer.handle(.character("P"), snapshot: snapshot) == [.job(.model(.togglePause))])
    var buffer = Buffer(width: 80, height: 24)
    explorer.render(snapshot, into: &buffer)
    let screen = (0..<24).map { buffer.line($0) }.joined(separator: "\n")
    #expect(screen.contains("2/3"))
    let back = explorer.handle(.left, snapshot: snapshot)
    #expect(back.contains(.job(.model(.close))))
    #expect(explorer.onLive)
  }
}
