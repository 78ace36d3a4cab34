import Foundation

/// The parameters JSON of `--save-parameters` and `--parameters` (issue 18):
/// `{"encoder": {"weights": D x 64, "bias": D}, "decoder": {"weights": 64 x D, "bias": 64},
/// "prior": {"logits": D}}`, numbers in Swift's shortest round-trip form (read back exactly).
public enum VAEParametersFile {
  public static func json(_ p: VAEParameters) -> JSONValue {
    let d = p.latents
    let n = VAEParameters.pixels
    let u = Array(p.encoderWeights)
    let w = Array(p.decoderWeights)
    return .object([
      (
        "encoder",
        .object([
          ("weights", .array((0..<d).map { .numbers(Array(u[($0 * n)..<(($0 + 1) * n)])) })),
          ("bias", .numbers(Array(p.encoderBias))),
        ])
      ),
      (
        "decoder",
        .object([
          ("weights", .array((0..<n).map { .numbers(Array(w[($0 * d)..<(($0 + 1) * d)])) })),
          ("bias", .numbers(Array(p.decoderBias))),
        ])
      ),
      ("prior", .object([("logits", .numbers(Array(p.priorLogits)))])),
    ])
  }

  private struct File: Decodable {
    struct Layer: Decodable {
      let weights: [[Double]]
      let bias: [Double]
    }
    struct Prior: Decodable { let logits: [Double] }
    let encoder: Layer
    let decoder: Layer
    let prior: Prior
  }

  /// Reads the parameters file at `path`.
  public static func load(path: String) throws(ScenarioError) -> VAEParameters {
    try decode(try ScenarioText.contents(of: path), source: path)
  }

  /// Reads the parameters from JSON text; `source` names it in the error. D is the prior's
  /// length, and every other block must fit it.
  public static func decode(_ text: String, source: String) throws(ScenarioError) -> VAEParameters {
    let file: File
    do {
      file = try JSONDecoder().decode(File.self, from: Data(text.utf8))
    } catch {
      throw ScenarioError(
        source: source, key: "",
        "is not a parameters file ({\"encoder\": {\"weights\", \"bias\"}, \"decoder\": {...}, \"prior\": {\"logits\"}}): \(error.localizedDescription)"
      )
    }
    let d = file.prior.logits.count
    let n = VAEParameters.pixels
    var problems: [ScenarioProblem] = []
    func shape(_ rows: [[Double]], _ count: Int, _ width: Int, _ key: String) {
      if rows.count != count || rows.contains(where: { $0.count != width }) {
        problems.append(ScenarioProblem(key: key, message: "must be \(count) x \(width) numbers"))
      }
    }
    if !VAEParameters.latentRange.contains(d) {
      problems.append(
        ScenarioProblem(key: "prior.logits", message: "needs 1 to 64 numbers (D), got \(d)"))
    }
    shape(file.encoder.weights, d, n, "encoder.weights")
    shape([file.encoder.bias], 1, d, "encoder.bias")
    shape(file.decoder.weights, n, d, "decoder.weights")
    shape([file.decoder.bias], 1, n, "decoder.bias")
    let values =
      file.encoder.weights.flatMap { $0 } + file.encoder.bias + file.decoder.weights.flatMap { $0 }
      + file.decoder.bias + file.prior.logits
    if !values.allSatisfy(\.isFinite) {
      problems.append(ScenarioProblem(key: "", message: "every number must be finite"))
    }
    guard problems.isEmpty else { throw ScenarioError(source: source, problems: problems) }
    return VAEParameters(latents: d, values: values)
  }
}
