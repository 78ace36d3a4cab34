/// The shape of a scenario file as written, decoded with Codable before any rule is checked.
/// Every field is optional here so a missing key becomes a clear message, not a decoding trap.
struct ScenarioFile: Decodable {
  var name: String?
  var title: String?
  var lesson: String?
  var seed: Int?
  var samples: Int?
  var estimators: [String]?
  var distribution: Distribution?
  var objective: Objective?
  var options: Options?
  var training: Training?
  var sweep: Sweep?

  /// `[distribution]`: its `kind`, and every other key as a value its family reads
  /// (`DistributionTable`).
  struct Distribution: Decodable {
    var kind: String?
    var values: [String: DistributionValue] = [:]

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: AnyKey.self)
      kind = try container.decodeIfPresent(String.self, forKey: AnyKey("kind"))
      for key in container.allKeys where key.stringValue != "kind" {
        values[key.stringValue] = try container.decode(DistributionValue.self, forKey: key)
      }
    }
  }

  struct Objective: Decodable {
    var kind: String?
    var weights: NumberOrList?
    var target: NumberOrList?
    var frequency: Number?
    var values: NumberOrList?
    var threshold: Number?
  }

  /// `[options]`: each key an option some estimator declares (`EstimatorRegistry.options`),
  /// and `[options.NAME]` tables of values for one estimator only.
  struct Options: Decodable {
    var values: [String: Double] = [:]
    var scoped: [String: [String: Double]] = [:]

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: AnyKey.self)
      // Anything else is an unknown key, which the schema reports.
      for key in container.allKeys {
        if let number = try? container.decode(Number.self, forKey: key) {
          values[key.stringValue] = number.value
        } else if let table = try? container.decode([String: Number].self, forKey: key) {
          scoped[key.stringValue] = table.mapValues(\.value)
        }
      }
    }
  }

  /// A coding key for tables whose keys are data.
  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  struct Training: Decodable {
    var steps: Int?
    var learningRate: Number?
    var optimizer: String?
    var batch: Int?
    var anneal: String?
    var tauMin: Number?
    var rate: Number?

    enum CodingKeys: String, CodingKey {
      case steps, optimizer, batch, anneal, rate
      case learningRate = "learning_rate"
      case tauMin = "tau_min"
    }
  }

  struct Sweep: Decodable {
    var over: String?
    var from: Number?
    var to: Number?
    var points: Int?
    var scale: String?
  }

  /// A TOML number: `1` and `1.0` both read as a Double.
  struct Number: Decodable {
    var value: Double

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let double = try? container.decode(Double.self) {
        value = double
      } else if let integer = try? container.decode(Int.self) {
        value = Double(integer)
      } else {
        throw DecodingError.typeMismatch(
          Number.self, .init(codingPath: decoder.codingPath, debugDescription: "not a number"))
      }
    }
  }

  /// A number or a list of numbers (`target = 0.45` or `target = [0, 1, 0]`).
  struct NumberOrList: Decodable {
    var values: [Double]
    var wasList: Bool

    init(from decoder: any Decoder) throws {
      if let list = try? [Number](from: decoder) {
        values = list.map(\.value)
        wasList = true
      } else if let number = try? Number(from: decoder) {
        values = [number.value]
        wasList = false
      } else {
        throw DecodingError.typeMismatch(
          NumberOrList.self,
          .init(codingPath: decoder.codingPath, debugDescription: "not a number or a list"))
      }
    }
  }
}
