import SampleGradCore
import SampleGradEngine

@testable import SampleGradUI

/// A small model race (D = 3, three lanes, 20 steps of 4 images) stepped synchronously, as
/// the model race view draws it.
enum ModelRaceFixtures {
  static let setup = VAERaceSetup(
    latents: 3, estimators: [.exact, .disarm, .straightThrough], steps: 20, batch: 4,
    learningRate: 0.05, temperature: 0.5, seed: 7, every: 5)

  static func part(steps: Int = 10, quality: Bool = false) -> ModelRacePart {
    var job = ModelRaceJob(setup: setup, title: "digits VAE (test)")
    job.advance(steps)
    if quality {
      job.apply(.toggleQuality)
      job.measureQuality()
    }
    var part = job.publish()
    part.isOpen = true
    return part
  }

  static func snapshot(_ part: ModelRacePart) -> Snapshot {
    var snapshot = Fixtures.snapshot(Fixtures.categorical, batches: 0)
    snapshot.parts[ModelRacePart.self] = part
    return snapshot
  }

  static func screen(_ part: ModelRacePart, width: Int, height: Int, ascii: Bool = false)
    -> Buffer
  {
    var explorer = Explorer(presets: [], options: DisplayOptions(ascii: ascii, color: !ascii))
    explorer.view = ModelRaceView()
    var buffer = Buffer(width: width, height: height)
    explorer.render(snapshot(part), into: &buffer)
    return buffer
  }
}
