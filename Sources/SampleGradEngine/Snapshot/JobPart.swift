/// A job's own part of the snapshot (the sweep's curves, the race's lanes, the overview's
/// table): published by its job, kept in `Snapshot.parts` under its type, read by the view that
/// shows it. The host marks the part of the job on screen as open.
package protocol JobPart: Sendable {
  /// Whether the job is the one on screen (and so the one sampling); the host sets it.
  var isOpen: Bool { get set }
  /// What of this part decides whether the screen needs a new frame. Each part states its
  /// own, so a new part cannot be left out of the redraw check.
  var redrawKey: RedrawKey { get }
}

/// Values compared as a whole to decide whether a frame must be drawn again: equal keys mean
/// the screen would show the same thing.
package struct RedrawKey: Hashable {
  private let values: [AnyHashable]

  package init(_ values: AnyHashable...) {
    self.values = values
  }
}

/// Every job's part of a snapshot, one per part type: a job that joins the engine brings its
/// part along, and nothing here names it.
package struct JobParts: Sendable {
  private var parts: [ObjectIdentifier: any JobPart] = [:]

  package init() {}

  /// The part of type `Part`, if its job has published one.
  package subscript<Part: JobPart>(_ type: Part.Type) -> Part? {
    get { parts[ObjectIdentifier(type)] as? Part }
    set { parts[ObjectIdentifier(type)] = newValue }
  }

  /// Stores `part` under its own type (the host, which holds its jobs type-erased).
  mutating func insert(_ part: any JobPart) {
    parts[ObjectIdentifier(type(of: part))] = part
  }

  /// Every part's redraw key, by part type.
  var redrawKeys: [ObjectIdentifier: RedrawKey] { parts.mapValues(\.redrawKey) }
}
