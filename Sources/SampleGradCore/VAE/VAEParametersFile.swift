import Foundation

/// The parameters JSON of `--save-parameters` and `--parameters` (issue 18):
/// `{"encoder": {"weights": D x 64, "bias": D}, "decoder": {"weights": 64 x D, "bias": 64},
/// "prior": {"logits": D}}`, numbers in Swift's shortest round-trip form (read back exactly).
/// A broken file is refused with the key, the position and the value that is wrong
/// (`encoder.bias: must be 8 numbers (D, the length of prior.logits), got 5`,
/// `prior.logits[2]: must be a finite number, got NaN`), the first problem of each block.
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

  static let shape =
    "{\"encoder\": {\"weights\", \"bias\"}, \"decoder\": {\"weights\", \"bias\"}, \"prior\": {\"logits\"}}"

  /// Reads the parameters file at `path`.
  public static func load(path: String) throws(ScenarioError) -> VAEParameters {
    try decode(try ScenarioText.contents(of: path), source: path)
  }

  /// Reads the parameters from JSON text; `source` names it in the error. D is the prior's
  /// length, and every other block must fit it.
  public static func decode(_ text: String, source: String) throws(ScenarioError) -> VAEParameters {
    guard let tree = JSONTree.parse(text) else {
      throw ScenarioError(source: source, key: "", "is not JSON (a parameters file is \(shape))")
    }
    var reader = BlockReader()
    let d = reader.list(tree, "prior", "logits")?.count
    let n = VAEParameters.pixels
    if let d, !VAEParameters.latentRange.contains(d) {
      reader.problem("prior.logits", "must hold D = 1 to 64 numbers, got \(d)")
    }
    // Without D every other block's shape is unknown: the prior's problem is the one to fix.
    guard let latents = d, reader.problems.isEmpty else {
      throw ScenarioError(source: source, problems: reader.problems)
    }
    let dName = "D, the length of prior.logits"
    let u = reader.matrix(tree, "encoder", "weights", rows: latents, columns: n, rowsName: dName)
    let e = reader.vector(tree, "encoder", "bias", count: latents, name: dName)
    let w = reader.matrix(
      tree, "decoder", "weights", rows: n, columns: latents, columnsName: dName)
    let c = reader.vector(tree, "decoder", "bias", count: n, name: "one per pixel")
    let a = reader.vector(tree, "prior", "logits", count: latents, name: dName)
    if case .object(let top) = tree {
      for key in top.keys.sorted() where !["encoder", "decoder", "prior"].contains(key) {
        reader.problem(key, "unknown key (a parameters file is \(shape))")
      }
    }
    guard reader.problems.isEmpty, let u, let e, let w, let c, let a else {
      throw ScenarioError(source: source, problems: reader.problems)
    }
    return VAEParameters(latents: latents, values: u + e + w + c + a)
  }

  /// Reads the blocks, recording one problem per wrong block.
  private struct BlockReader {
    var problems: [ScenarioProblem] = []

    mutating func problem(_ key: String, _ message: String) {
      guard !problems.contains(where: { $0.key == key }) else { return }
      problems.append(ScenarioProblem(key: key, message: message))
    }

    /// The value at `table.key`, or nil with a problem.
    mutating func value(_ tree: JSONTree, _ table: String, _ key: String) -> JSONTree? {
      guard case .object(let top) = tree else {
        problem("", "must be an object \(VAEParametersFile.shape), got \(tree.shown)")
        return nil
      }
      guard let block = top[table] else {
        problem(table, "is missing")
        return nil
      }
      guard case .object(let fields) = block else {
        problem(table, "must be an object, got \(block.shown)")
        return nil
      }
      guard let value = fields[key] else {
        problem("\(table).\(key)", "is missing")
        return nil
      }
      return value
    }

    mutating func list(_ tree: JSONTree, _ table: String, _ key: String) -> [JSONTree]? {
      guard let value = value(tree, table, key) else { return nil }
      guard case .array(let items) = value else {
        problem("\(table).\(key)", "must be a list of numbers, got \(value.shown)")
        return nil
      }
      return items
    }

    /// The finite numbers of `items`, or nil with a problem naming the first that is not.
    mutating func numbers(_ items: [JSONTree], prefix: String) -> [Double]? {
      var out: [Double] = []
      out.reserveCapacity(items.count)
      for (i, item) in items.enumerated() {
        guard case .number(let x) = item else {
          problem("\(prefix)[\(i)]", "must be a number, got \(item.shown)")
          return nil
        }
        guard x.isFinite else {
          problem("\(prefix)[\(i)]", "must be a finite number, got \(item.shown)")
          return nil
        }
        out.append(x)
      }
      return out
    }

    mutating func vector(
      _ tree: JSONTree, _ table: String, _ key: String, count: Int, name: String
    ) -> [Double]? {
      let path = "\(table).\(key)"
      guard let items = list(tree, table, key) else { return nil }
      guard items.count == count else {
        problem(path, "must be \(count) numbers (\(name)), got \(items.count)")
        return nil
      }
      return numbers(items, prefix: path)
    }

    mutating func matrix(
      _ tree: JSONTree, _ table: String, _ key: String, rows: Int, columns: Int,
      rowsName: String = "one per pixel", columnsName: String = "one per pixel"
    ) -> [Double]? {
      let path = "\(table).\(key)"
      guard let items = list(tree, table, key) else { return nil }
      guard items.count == rows else {
        problem(path, "must be \(rows) rows (\(rowsName)), got \(items.count)")
        return nil
      }
      var out: [Double] = []
      for (r, row) in items.enumerated() {
        guard case .array(let cells) = row else {
          problem("\(path)[\(r)]", "must be a list of numbers, got \(row.shown)")
          return nil
        }
        guard cells.count == columns else {
          problem(
            "\(path)[\(r)]", "must be \(columns) numbers (\(columnsName)), got \(cells.count)")
          return nil
        }
        guard let values = numbers(cells, prefix: "\(path)[\(r)]") else { return nil }
        out += values
      }
      return out
    }
  }
}
