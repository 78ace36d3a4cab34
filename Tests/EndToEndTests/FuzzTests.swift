import Foundation
import Testing

/// Issue 12's closing test: a few hundred mutated scenario files and flag sets, from a fixed
/// seed, through the real binary. Each run must end with exit 0 and finite output, or with
/// exit 2 and one line on stderr: never a crash, a hang, a NaN, another status or a raw
/// control character. `check` and `run` must agree on every file they both see.
@Suite("Fuzz")
struct FuzzTests {
  static let seed: UInt64 = 12
  /// A third as many under the thread sanitizer (CI's second run), whose binaries start and
  /// run about ten times slower: the cases are made the same way, only fewer of them.
  static let share = BuiltExecutable.underThreadSanitizer ? 3 : 1
  static let files = 160 / share
  static let flagSets = 90 / share

  @Test("mutated files and flags: exit 0 with finite output, or exit 2 with one line")
  func fuzz() throws {
    let folder = try ScratchFolder()
    defer { folder.remove() }
    let presets = try FileManager.default.contentsOfDirectory(
      atPath: BuiltExecutable.packageRoot.appendingPathComponent("presets").path
    ).filter { $0.hasSuffix(".toml") }.sorted()
    let texts = try presets.map { try Samplegrad.preset(String($0.dropLast(5))) }

    let files = Self.files
    let cases = files + Self.flagSets
    let failures = LockedList()
    // Two at a time: each run is a separate process, and the machines have two cores.
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      for index in stride(from: worker, to: cases, by: 2) {
        var random = FuzzRandom(seed: Self.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        do {
          if index < files {
            let bytes = Mutation.file(Array(random.pick(texts).utf8), &random)
            let path = try folder.write("case-\(index).toml", bytes: bytes)
            let samples = String(random.int(in: 20...300))
            let run = try Samplegrad.run(
              ["run", "--preset", path, "--samples", samples], deadline: 20)
            if let problem = Self.judge(run, json: true) {
              failures.append(
                "file case \(index): \(problem)\n\(String(decoding: bytes, as: UTF8.self))")
            }
            if index % 4 == 0 {
              let check = try Samplegrad.run(["check", path], deadline: 20)
              if (check.status == 0) != (run.status == 0) || ![0, 2].contains(check.status) {
                failures.append(
                  "file case \(index): check exited \(check.status), run \(run.status)\n\(check.standardError)"
                )
              }
            }
          } else {
            let arguments = Mutation.flags(&random)
            let run = try Samplegrad.run(arguments, deadline: 20)
            if let problem = Self.judge(run, json: !arguments.contains("table")) {
              failures.append("flag case \(index): \(arguments): \(problem)")
            }
          }
        } catch {
          failures.append("case \(index): \(error)")
        }
      }
    }
    let found = failures.all
    #expect(
      found.isEmpty,
      "\(found.count) failures; the first:\n\(found.prefix(3).joined(separator: "\n---\n"))")
  }

  /// What is wrong with a run's ending, or nil if it ended as the rule says.
  static func judge(_ result: ProcessResult, json: Bool) -> String? {
    if result.timedOut { return "hung" }
    let everything = result.standardOutput + result.standardError
    if everything.unicodeScalars.contains(where: {
      $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F
    }) {
      return "a raw control character in the output"
    }
    switch result.status {
    case 0:
      guard result.standardError.isEmpty else {
        return "exit 0 with stderr: \(result.standardError)"
      }
      if json {
        guard let object = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        else { return "exit 0 with output that is not JSON" }
        if !NumericDomainCommandTests.numbers(in: object).allSatisfy({ $0.isFinite }) {
          return "a number that is not finite"
        }
        if !NumericDomainCommandTests.undocumentedNulls(result.standardOutput).isEmpty {
          return "null (a NaN or infinity) in the JSON"
        }
      } else if ["nan", "inf"].contains(where: { result.standardOutput.lowercased().contains($0) })
      {
        return "nan or inf in the table"
      }
      return nil
    case 2:
      return result.isOneLineUsageError ? nil : "exit 2 with stderr:\n\(result.standardError)"
    default:
      return "exit \(result.status):\n\(result.standardError.prefix(2000))"
    }
  }
}

/// The ways a case is made from the seed.
enum Mutation {
  static let numbers = [
    "0", "-0", "-1", "1", "2", "0.5", "3.5", "1e308", "-1e308", "1e-320", "nan", "inf", "-inf",
    "9223372036854775807", "-9223372036854775808", "1e6", "1000001", "-1e6", "1e50", "1e51",
    "-1e51", "1e-30", "1e-31", "0.01", "0.0099", "100", "100.1", "1e30", "1e31", "64", "65",
    "\"x\"", "true", "[]", "[1, 2]", "[1e7, 0]", "1979-05-27", "07:32:00", "{ a = 1 }",
    "[[1]]",
  ]
  static let strings = [
    "", "x", "\\u001b[2J", "\\u0007", "\\u009b", "gaussian", "bernoulli", "categorical",
    "linear", "cosine", "quadratic", "rebar", "reparameterization", "score-function",
  ]
  static let lines = [
    "mean = 1", "std = 0", "std = 1e-300", "logits = [1, 2]", "temperature = 0.5", "eta = 1e40",
    "weights = [1e60]", "frequency = 2", "samples = 0", "seed = -1", "unknown = 1",
    "[options]", "[distribution]", "[[objective]]", "title = \"\\u001b]0;PWNED\\u0007\"",
    "estimators = [\"exact\", \"exact\"]", "target = 1e200", "kind = \"gaussian\"",
  ]
  static let bytes: [[UInt8]] = [[0], [0xFF], [0x1B], [0x0A], [0x5B], [0x3D], [0x22], [0xC3]]

  static func file(_ text: [UInt8], _ random: inout FuzzRandom) -> [UInt8] {
    var text = text
    for _ in 0..<random.int(in: 1...3) {
      switch random.int(in: 0...7) {
      case 0:
        text = replaceToken(in: text, matching: isNumberStart, with: random.pick(numbers), &random)
      case 1: text = replaceString(in: text, with: random.pick(strings), &random)
      case 2, 3:
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        guard !lines.isEmpty else { break }
        let at = random.int(in: 0...(lines.count - 1))
        if random.int(in: 0...1) == 0 {
          lines.remove(at: at)
        } else {
          lines.insert(
            random.int(in: 0...1) == 0 ? lines[at] : Array(random.pick(Self.lines).utf8), at: at)
        }
        text = Array(lines.joined(separator: [0x0A]))
      case 4:
        text.insert(contentsOf: random.pick(bytes), at: random.int(in: 0...text.count))
      case 5:
        text = Array(text.prefix(random.int(in: 0...text.count)))
      case 6:
        let swapped = String(decoding: text, as: UTF8.self)
          .replacingOccurrences(
            of: random.pick(["[distribution]", "[objective]", "[options]"]),
            with: random.pick(["[[distribution]]", "[options]", "[objective]", "distribution = 1"]))
        text = Array(swapped.utf8)
      default:
        text = replaceToken(in: text, matching: isNumberStart, with: random.pick(numbers), &random)
      }
    }
    return text
  }

  static func isNumberStart(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

  /// Replaces the number at a random digit's position (and the digits, dots and exponent
  /// around it) with `value`.
  static func replaceToken(
    in text: [UInt8], matching: (UInt8) -> Bool, with value: String, _ random: inout FuzzRandom
  ) -> [UInt8] {
    let positions = text.indices.filter { matching(text[$0]) }
    guard !positions.isEmpty else { return text }
    let at = random.pick(positions)
    let part: (UInt8) -> Bool = {
      (0x30...0x39).contains($0) || [0x2E, 0x65, 0x2D, 0x2B].contains($0)
    }
    var start = at
    while start > 0, part(text[start - 1]) { start -= 1 }
    var end = at
    while end < text.count, part(text[end]) { end += 1 }
    return Array(text[..<start]) + Array(value.utf8) + Array(text[end...])
  }

  /// Replaces the contents of a random quoted string with `value`.
  static func replaceString(in text: [UInt8], with value: String, _ random: inout FuzzRandom)
    -> [UInt8]
  {
    let quotes = text.indices.filter { text[$0] == 0x22 }
    guard quotes.count >= 2 else { return text }
    let pair = random.int(in: 0...(quotes.count / 2 - 1)) * 2
    let open = quotes[pair]
    let close = quotes[pair + 1]
    return Array(text[...open]) + Array(value.utf8) + Array(text[close...])
  }

  static func flags(_ random: inout FuzzRandom) -> [String] {
    let presets = [
      "bias-and-variance", "gumbel-max", "relax-toy", "gaussian-cosine", "many-categories",
      "gaussian-reparameterization", "no-such-preset", "/nonexistent.toml", "/",
    ]
    let names = [
      "exact", "score-function", "score-function-baseline", "reparameterization",
      "gumbel-softmax", "straight-through", "rebar", "bogus", "",
    ]
    var arguments = ["run"]
    if random.int(in: 0...3) > 0 { arguments += ["--preset", random.pick(presets)] }
    arguments += [
      "--samples",
      random.pick(["50", "200", "333", "0", "-1", "abc", "1e3", "99999999999999999999"]),
    ]
    if random.int(in: 0...1) == 0 {
      arguments += [
        "--seed",
        random.pick(["0", "7", "-1", "18446744073709551615", "18446744073709551616", "x"]),
      ]
    }
    if random.int(in: 0...1) == 0 {
      arguments += [
        "--temperature",
        random.pick(["0.01", "0.0099", "100", "100.5", "nan", "inf", "-1", "1e-300", "abc", "0.5"]),
      ]
    }
    if random.int(in: 0...1) == 0 {
      let count = random.int(in: 0...5)
      let values = (0..<count).map { _ in
        random.pick(["0", "1", "-50", "50", "1e6", "1e7", "nan", "", "x", "1e307", "-1e6"])
      }
      arguments += ["--logits", values.joined(separator: ",")]
    }
    if random.int(in: 0...2) == 0 {
      let count = random.int(in: 0...4)
      arguments += [
        "--estimators", (0..<count).map { _ in random.pick(names) }.joined(separator: ","),
      ]
    }
    if random.int(in: 0...2) == 0 {
      arguments += ["--format", random.pick(["json", "table", "xml"])]
    }
    if random.int(in: 0...3) == 0 {
      arguments += ["--threads", random.pick(["1", "2", "0", "2000", "x"])]
    }
    if random.int(in: 0...9) == 0 {
      arguments.append(random.pick(["--bogus", "extra", "-x", "--samples"]))
    }
    return arguments
  }
}

/// SplitMix64: the fuzz cases depend only on the seed.
struct FuzzRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  mutating func pick<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}

/// Failures collected from the workers.
final class LockedList: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []
  func append(_ item: String) {
    lock.lock()
    items.append(item)
    lock.unlock()
  }
  var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return items
  }
}
