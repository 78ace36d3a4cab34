import SampleGradCore
import SampleGradEngine

/// The race of a model preset (`samplegrad --preset digits-vae`): every estimator trains its
/// own copy of the digits VAE. The race's state is the engine's (`ModelRaceJob`); the view
/// keeps only what it shows: train or test ELBO (`t`), the lane whose reconstructions come
/// first (↑ ↓). Space pauses, `r` restarts, `g` switches the chart to "gradient quality now",
/// Escape goes back to the explorer.
struct ModelRaceView: ViewController, Equatable {
  static let name = "model-race"
  /// No key opens it: a model preset does (`ModelRaceView.opening`).
  static let launcher: ViewLauncher? = nil

  var selected = 0
  var showsTest = false

  static let keys: [ViewKey] = [
    ViewKey("space", "pause", priority: 0),
    ViewKey("g", "quality now", priority: 0),
    ViewKey("t", "train/test", priority: 1),
    ViewKey("↑↓", ascii: "j/k", "lane", priority: 2),
    ViewKey("r", "restart", priority: 1),
    ViewKey("Esc", "back", priority: 2),
    ViewKey("?", "help", priority: 3),
    ViewKey("x", "export", priority: 4),
    ViewKey("q", "quit", priority: 3),
  ]

  /// Views open from the live statistics' scenario; a model race opens from its preset.
  static func open(_ request: ViewRequest) -> ViewOpening {
    .refused("the model race opens from a model preset: samplegrad --preset digits-vae")
  }

  /// The view on `preset`'s race, and the effect that starts it.
  static func opening(_ preset: VAEPreset) -> (ModelRaceView, [ExplorerEffect]) {
    (ModelRaceView(), [.job(.model(.open(preset.race, title: preset.title)))])
  }

  mutating func handle(_ key: Key, _ context: inout ViewContext) -> [ExplorerEffect] {
    let lanes = context.snapshot.modelRace?.lanes.count ?? 1
    switch key {
    case .character(" "): return [.job(.model(.togglePause))]
    case .character("r"): return [.job(.model(.restart))]
    case .character("g"):
      if let setup = context.snapshot.modelRace?.setup, !setup.isExact {
        context.message =
          "gradient quality needs the exact gradient: D <= \(VAEParameters.exactLatents) latent bits (D = \(setup.latents))"
        return []
      }
      return [.job(.model(.toggleQuality))]
    case .character("t"):
      showsTest.toggle()
      return []
    case .up, .character("k"):
      selected = (selected + lanes - 1) % max(lanes, 1)
      return []
    case .down, .character("j"):
      selected = (selected + 1) % max(lanes, 1)
      return []
    case .escape, .character("T"):
      context.change = .close
      return [.job(.model(.close))]
    default:
      context.message = "space pauses, g measures each estimator now, t train/test, Esc returns"
      return []
    }
  }

  var closing: [ExplorerEffect] { [.job(.model(.close))] }

  func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
    ModelRaceScreen(
      snapshot: context.snapshot, view: self, message: context.message, tour: context.tour
    ).draw(
      into: &buffer, in: area, theme: context.theme)
  }

  func help(_ context: RenderContext) -> [HelpPage] {
    let keys = HelpPage.keys(
      "The model race",
      [
        KeyMap.Entry(context.tour == nil ? "space" : "P", "pause or resume the race"),
        KeyMap.Entry(
          "g", "gradient quality now: each lane's estimator against the exact encoder gradient"),
        KeyMap.Entry("t", "chart the train or the test negative ELBO"),
        KeyMap.Entry("↑ ↓", "the lane whose reconstructions are shown first"),
        KeyMap.Entry("r", "race again from step 0 (the same seed: the same race)"),
        KeyMap.Entry("Esc  T", "back to the explorer's statistics (the race keeps its numbers)"),
      ],
      export: "export the race so far as samplegrad train prints it: a JSON file",
      inTour: context.tour != nil)
    let legend = HelpPage.legend(
      "what the model race shows",
      [
        KeyMap.Entry(
          "model",
          "A discrete VAE on 8x8 digits: D latent bits, encoder q(z|x) = Bern(σ(Ux + e)), "
            + "decoder p(x|z) = Bern(σ(Wz + c)), prior Bern(σ(a)). Each lane trains its own "
            + "copy with Adam; the lanes differ only in the estimator of the encoder's "
            + "gradient (the decoder always gets ∇f at the lane's hard sample)."),
        KeyMap.Entry(
          "ELBO",
          "The chart draws each lane's exact negative ELBO on all 1,500 training (or 297 "
            + "test) digits, by enumeration of the 2^D states, never sampled; the exact lane "
            + "(trained on exact gradients) is the reference."),
        KeyMap.Entry(
          "digits",
          "Test digits and, per lane, the decoder's means at the encoder's most likely z."),
        KeyMap.Entry(
          "quality",
          "SD/|g|: the noise of one estimate over the exact gradient's size; cosine: the "
            + "mean cosine of one estimate with it; |bias|/|g|: the mean's miss less its noise, "
            + "0 when within three of its standard errors (an unbiased estimator reads 0)."),
      ])
    return [keys, legend]
  }

  func export(_ context: RenderContext, screen: String) -> ViewExport {
    guard let part = context.snapshot.modelRace, part.isOpen else {
      return .nothing("nothing to export yet: the race is starting")
    }
    let json = VAETrainingReport.json(part.setup, name: part.title, lanes: part.result)
    return .files([ExportFile("json", json.render() + "\n")])
  }
}
