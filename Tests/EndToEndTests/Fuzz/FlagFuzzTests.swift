import Foundation
import Testing

/// Odd flag values across the commands (issue 21 sent 1,953 single odd values and 1,000
/// random combinations): every run ends by the exit-status rule, and every refusal names a
/// flag that was given, agrees with its own count ("got 1 values" did not) and never refuses
/// the value it asks for (`--samples 1e12`). Values that are valid but slow (a trillion
/// samples) are left out: the work flags always get a small value or an invalid one.
@Suite("Fuzz: flag values", .timeLimit(.minutes(5)))
struct FlagFuzzTests {
  static let seed: UInt64 = 2121
  static let cases = 160 / Fuzz.share

  @Test("odd flag values: exit 0 with finite output or exit 2 with one line naming the flag")
  func oddFlagValues() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    // The built-in tour at 300 samples a step, so `tour --check` is quick.
    let tour = try folder.write(
      "quick-tour.toml",
      try String(
        contentsOf: BuiltExecutable.packageRoot.appendingPathComponent(
          "tours/backprop-through-samples.toml"), encoding: .utf8
      ).replacingOccurrences(of: "samples = 100000", with: "samples = 300"))
    let found = Fuzz.run(Self.cases, seed: Self.seed) { index, random in
      let arguments = FlagMutation.arguments(tour: tour, &random)
      let result = try Samplegrad.run(arguments, deadline: 30)
      let problem = FuzzJudge.problem(
        result, arguments: arguments, output: FlagMutation.output(of: arguments),
        statuses: arguments.first == "tour" ? [0, 1, 2] : [0, 2])
      return problem.map { ["\(arguments): \($0)"] } ?? []
    }
    Fuzz.expectNone(found)
  }
}

/// The command lines the flag fuzz makes.
enum FlagMutation {
  /// Values no numeric flag takes, or takes only in one reading.
  static let odd = [
    "", " 5", "5 ", "abc", "nan", "inf", "-inf", "-1", "0", "1e400", "0x10", "1_000", "٣", "１",
    "\u{1B}[2J", "\u{202E}5", "1e-320", "9223372036854775808", "18446744073709551616", "2.5",
  ]

  /// A flag and the values it is given: valid ones that are cheap to run, and odd ones.
  struct Flag {
    let name: String
    let values: [String]
  }

  static let seed = Flag(name: "--seed", values: ["0", "7", "1e1", "18446744073709551615", "-1"])
  static let threads = Flag(name: "--threads", values: ["1", "2", "1e0", "1025", "0"])
  static let temperature = Flag(
    name: "--temperature", values: ["0.01", "100", "0.5", "1e-3", "100.5", "1e2"])
  static let logits = Flag(
    name: "--logits",
    values: ["5", "1,2", "1,0.5,-0.5,0", "1,,2", "nan,1,2,3", "1e6,0,0,0", "1e7,0,0,0", ""])
  static let estimators = Flag(
    name: "--estimators",
    values: ["exact", "rebar", "exact,rebar", "rebar,rebar", "nope", ",", "measure-valued"])

  /// The commands, each with its flags: the first ones are always given (they bound the
  /// work), the rest sometimes.
  static let commands: [(name: String, always: [Flag], sometimes: [Flag])] = [
    (
      "run", [Flag(name: "--samples", values: ["1e2", "2e2", "1.5e2", "300", "1e13"] + odd)],
      [
        seed, temperature, logits, estimators, threads,
        Flag(name: "--format", values: ["json", "table", "xml"]),
      ]
    ),
    (
      "sweep",
      [
        Flag(name: "--samples", values: ["50", "1e2", "5e1"] + odd),
        Flag(name: "--points", values: ["2", "3", "2e0", "1", "201", "3.0"] + odd),
      ],
      [
        Flag(
          name: "--over",
          values: [
            "temperature", "eta", "parameter:1", "parameter:0", "parameter:99", "target", "x",
          ]),
        Flag(name: "--from", values: ["-3", "0.5", "1e308", "200", "0"] + odd),
        Flag(name: "--to", values: ["3", "0.5", "1e308", "1000", "0"] + odd),
        Flag(name: "--scale", values: ["log", "linear", "cubic"]), seed, temperature, logits,
        estimators, threads, Flag(name: "--format", values: ["json", "csv", "table", "xml"]),
      ]
    ),
    (
      "train", [Flag(name: "--steps", values: ["20", "1e1", "2.5e1", "1e8"] + odd)],
      [
        Flag(name: "--learning-rate", values: ["1e6", "1e-9", "1e-10", "0.01", "1e7"] + odd),
        Flag(name: "--optimizer", values: ["sgd", "adam", "rmsprop"]),
        Flag(name: "--batch", values: ["1", "4", "1e1", "65537"] + odd),
        Flag(name: "--every", values: ["1", "5", "1e0", "100000000"] + odd), seed, temperature,
        logits, estimators, threads, Flag(name: "--format", values: ["json", "csv", "table", "x"]),
      ]
    ),
    (
      "overview", [Flag(name: "--samples", values: ["200", "1e2", "3e2"] + odd)],
      [
        Flag(name: "--parameter", values: ["1", "2", "1e0", "65", "5"] + odd), seed, threads,
        Flag(name: "--format", values: ["json", "table", "csv"]),
      ]
    ),
    (
      // Only --seconds values that are invalid or 0.01: a valid "2.5" or "0x10" (a hex
      // float, 16) is a long benchmark, not a fault.
      "bench",
      [
        Flag(
          name: "--seconds",
          values: ["0.01", "1e-2", "0.009", "1e9", "", "abc", "nan", "inf", "-1", "0", "1e-320"])
      ],
      [
        Flag(name: "--threads", values: ["1", "2", "32", "0"]),
        Flag(name: "--format", values: ["json", "table", "x"]),
      ]
    ),
  ]

  static func arguments(tour: String, _ random: inout FuzzRandom) -> [String] {
    if random.int(in: 0...9) == 0 {
      var arguments = ["tour", tour, "--check"]
      if random.int(in: 0...1) == 0 { arguments += ["--seed", random.pick(seed.values + odd)] }
      return arguments
    }
    let command = random.pick(commands)
    var arguments = [command.name]
    if command.name != "bench", random.int(in: 0...3) == 0 {
      arguments += [
        "--preset",
        random.pick(["relax-toy", "gaussian-cosine", "many-categories", "step-function", "nope"]),
      ]
    }
    for flag in command.always { arguments += [flag.name, random.pick(flag.values)] }
    for flag in command.sometimes where random.int(in: 0...2) == 0 {
      arguments += [flag.name, random.pick(flag.values + odd)]
    }
    if random.int(in: 0...9) == 0 {
      arguments.append(random.pick(["--bogus", "extra", "-x", command.always[0].name]))
    }
    return arguments
  }

  /// What a successful run of `arguments` prints.
  static func output(of arguments: [String]) -> FuzzJudge.Output {
    let format = arguments.lastIndex(of: "--format").flatMap {
      arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
    }
    switch (arguments[0], format) {
    case ("run", nil), ("run", "json"): return .json(nulls: FuzzJudge.runNulls)
    case ("sweep", nil), ("sweep", "json"): return .json(nulls: FuzzJudge.sweepNulls)
    case ("train", nil), ("train", "json"): return .json(nulls: FuzzJudge.trainNulls)
    case ("overview", "json"): return .json(nulls: FuzzJudge.overviewNulls)
    case ("bench", "json"): return .json(nulls: ["\"raceViewMedianMilliseconds\":", "\"train\":"])
    case ("tour", _): return .claims
    default: return .text
    }
  }
}
