import Foundation
import Testing

@testable import SampleGradCore

/// A broken parameters file (`--parameters FILE`) is refused with the key, the position and
/// the value that is wrong, never with "the data isn't in the correct format".
struct VAEParametersFileTests {
  static let good = VAEParametersFile.json(VAEExactTests.moved(latents: 3)).render()

  /// The good file with one edit made to its parsed JSON, written back as text.
  static func edited(_ edit: (inout [String: Any]) -> Void) -> String {
    var object =
      (try? JSONSerialization.jsonObject(with: Data(good.utf8))) as? [String: Any] ?? [:]
    edit(&object)
    let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }

  static func message(_ text: String) -> String {
    do {
      _ = try VAEParametersFile.decode(text, source: "p.json")
      return "accepted"
    } catch {
      return error.problems.map(\.description).joined(separator: " | ")
    }
  }

  @Test("wrong shapes name the block, its expected size and what it holds")
  func shapes() {
    let shortBias = Self.edited { o in
      var encoder = o["encoder"] as! [String: Any]
      encoder["bias"] = [0.1, 0.2]
      o["encoder"] = encoder
    }
    #expect(
      Self.message(shortBias)
        == "encoder.bias: must be 3 numbers (D, the length of prior.logits), got 2")
    let shortRow = Self.edited { o in
      var decoder = o["decoder"] as! [String: Any]
      var rows = decoder["weights"] as! [[Double]]
      rows[5] = [1]
      decoder["weights"] = rows
      o["decoder"] = decoder
    }
    #expect(
      Self.message(shortRow)
        == "decoder.weights[5]: must be 3 numbers (D, the length of prior.logits), got 1")
    let noPrior = Self.edited { o in o["prior"] = nil }
    #expect(Self.message(noPrior) == "prior: is missing")
    let extra = Self.edited { o in o["hidden"] = 1 }
    #expect(Self.message(extra).hasPrefix("hidden: unknown key"))
  }

  @Test("NaN, infinity, null and text name their key, position and value")
  func values() {
    let logits = "\"logits\": ["
    func replacingFirstLogit(_ value: String) -> String {
      let range = Self.good.range(of: logits)!
      let rest = Self.good[range.upperBound...]
      let comma = rest.firstIndex(of: ",")!
      return String(Self.good[..<range.upperBound]) + value + String(rest[comma...])
    }
    #expect(
      Self.message(replacingFirstLogit("NaN"))
        == "prior.logits[0]: must be a finite number, got NaN")
    #expect(
      Self.message(replacingFirstLogit("1e999"))
        == "prior.logits[0]: must be a finite number, got inf")
    #expect(
      Self.message(replacingFirstLogit("null")) == "prior.logits[0]: must be a number, got null")
    #expect(
      Self.message(replacingFirstLogit("\"x\"")) == "prior.logits[0]: must be a number, got \"x\"")
    #expect(Self.message(String(Self.good.prefix(40))).hasPrefix("is not JSON"))
    #expect(Self.message(Self.good) == "accepted")
  }
}
