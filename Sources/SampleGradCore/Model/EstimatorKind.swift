import Foundation

/// An estimator's name, as the CLI, scenario files and JSON spell it.
///
/// Each estimator declares its own constant beside its code (`EstimatorKind.rebar` lives in
/// `Rebar.swift`); `EstimatorRegistry` lists them and is the only place that fans out.
public struct EstimatorKind: Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String

  init(_ name: String) { rawValue = name }

  /// The registered estimator with this name, if there is one.
  public init?(rawValue: String) {
    guard let kind = EstimatorRegistry.all.first(where: { $0.kind.rawValue == rawValue })?.kind
    else { return nil }
    self = kind
  }

  /// Every registered estimator, in the order the screen and the tables list them
  /// (`EstimatorRegistry.displayOrder`).
  public static var allCases: [EstimatorKind] { EstimatorRegistry.displayOrder }

  /// What the registry knows of this estimator.
  public var descriptor: EstimatorDescriptor { EstimatorRegistry.descriptor(self) }

  /// Whether the estimator's mean is the true gradient of `E[f(x)]`. The relaxed ones are
  /// unbiased only for the relaxed objective, which is the lesson the explorer shows.
  public var isUnbiased: Bool { descriptor.isUnbiased }

  /// The random stream this estimator draws from (see `EstimatorRegistry`).
  public var streamIndex: UInt64 { descriptor.stream }

  public var description: String { rawValue }

  /// Parses a name, ignoring surrounding spaces.
  public static func parse(_ name: String) -> EstimatorKind? {
    EstimatorKind(rawValue: name.trimmingCharacters(in: .whitespaces))
  }

  public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
