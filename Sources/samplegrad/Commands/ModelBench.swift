import Foundation
import SampleGradCore
import SampleGradEngine

/// `samplegrad bench --preset digits-vae`: the model's speed goals (issue 18) against the
/// numbers measured here, each in wall-clock time and in the CPU time the work got (on a
/// shared machine the two differ by the time other programs held the cores). `--seconds`
/// below 1 shrinks the race's steps in proportion.
enum ModelBench {
  static func run(_ preset: VAEPreset, seconds: Double, threads: Int, json: Bool) throws {
    var race = preset.race
    race.latents = 8
    race.batch = 32
    let scale = min(seconds, 1)
    race.steps = max(Int(10_000 * scale), 10)
    race.every = max(race.steps / 100, 1)
    let exact = VAEBenchmark.exactBatch(
      latents: 8, batch: 32, repeats: max(Int(200 * scale), 5))
    let stochastic = race.estimators.filter { $0 != .exact }
    let steps = stochastic.map {
      VAEBenchmark.Timing(
        name: $0.rawValue,
        seconds: VAEBenchmark.laneStep($0, setup: race, repeats: max(Int(200 * scale), 5)))
    }
    let raceSeconds = VAEBenchmark.race(race, threads: threads)
    if json {
      func milliseconds(_ s: VAEBenchmark.Seconds) -> JSONValue {
        .object([("wall", .number(s.wall * 1000)), ("cpu", .number(s.cpu * 1000))])
      }
      try Output.line(
        JSONValue.object([
          ("latents", .integer(8)), ("batch", .integer(32)),
          ("exactBatchMilliseconds", milliseconds(exact)),
          ("laneStepMilliseconds", .object(steps.map { ($0.name, milliseconds($0.seconds)) })),
          (
            "race",
            .object([
              ("steps", .integer(race.steps)), ("every", .integer(race.every)),
              ("lanes", .array(race.estimators.map { .string($0.rawValue) })),
              ("threads", .integer(threads)), ("seconds", .number(raceSeconds.wall)),
              ("cpuSeconds", .number(raceSeconds.cpu)),
            ])
          ),
        ]).render())
      return
    }
    func ms(_ s: VAEBenchmark.Seconds) -> String {
      String(format: "%7.3f ms  (cpu %.3f ms)", s.wall * 1000, s.cpu * 1000)
    }
    try Output.line("digits VAE, D = 8, B = 32 (goals from issue 18)")
    try Output.line("one exact batch, 1 core            \(ms(exact))   goal < 1 ms")
    for s in steps {
      let name = (s.name + " step, 1 core").padding(toLength: 34, withPad: " ", startingAt: 0)
      try Output.line("\(name) \(ms(s.seconds))")
    }
    let lanes = "\(stochastic.count) stochastic lanes + exact"
    try Output.line(
      "race: \(race.steps) steps, \(lanes), \(threads) threads: "
        + String(
          format: "%.2f s  (cpu %.2f s, %.2f s per thread)", raceSeconds.wall,
          raceSeconds.cpu, raceSeconds.cpu / Double(max(threads, 1)))
        + (race.steps == 10_000 ? "   goal < 15 s on 2 cores" : ""))
    try Output.line(
      "PyTorch on the same step (one thread): python3 bench/vae_torch.py (see bench/README.md)")
  }
}
