import Foundation
import SampleGradCore
import SampleGradEngine

/// The model race's scoreboard: each lane's glyph and name, its last trace point (train and
/// test negative ELBO, test -log p(x)) and its evaluations of f so far; the selected lane
/// (whose reconstructions are shown first) marked.
struct ModelLaneTable: Widget, Sendable {
  var part: ModelRacePart
  var styles: [LaneStyle]
  var selected: Int

  func draw(into buffer: inout Buffer, in area: Rect, theme: Theme) {
    guard area.height > 0, area.width > 0 else { return }
    let wide = area.width >= 60
    let header =
      wide
      ? "  lane              train   test    test NLL  evaluations"
      : "  lane            train  test   NLL"
    buffer.write(header, in: area.row(0), style: theme.style(.label))
    for (i, lane) in part.lanes.enumerated() where i + 1 < area.height {
      let row = area.row(i + 1)
      let style = styles.indices.contains(i) ? styles[i] : LaneStyle(glyph: "?", style: .plain)
      let marker = i == selected ? theme.glyphs.selection : " "
      var x = buffer.write(
        String(marker), x: row.x, y: row.y, style: theme.style(.marker), maxWidth: 1)
      x = buffer.write(
        String(style.glyph) + " ", x: x, y: row.y, style: style.style, maxWidth: row.maxX - x)
      let name = lane.kind.descriptor.shortName
      x = buffer.write(
        name.padding(toLength: wide ? 16 : 14, withPad: " ", startingAt: 0), x: x, y: row.y,
        style: theme.style(.plain), maxWidth: row.maxX - x)
      guard let last = lane.trace.last else { continue }
      func number(_ v: Double?) -> String {
        guard let v, v.isFinite else { return wide ? "      -" : "     -" }
        return wide ? String(format: "%7.3f", v) : String(format: "%6.2f", v)
      }
      var text = "\(number(last.trainElbo)) \(number(last.testElbo)) \(number(last.testNll))"
      if wide { text += "   " + ScreenFormat.compactCount(Double(lane.evaluations)) }
      if lane.stopped != nil { text += " stopped" }
      buffer.write(text, x: x, y: row.y, style: theme.style(.value), maxWidth: row.maxX - x)
    }
  }
}

/// "Gradient quality now": each lane's estimator on its current batch at its current
/// parameters against the exact encoder gradient: relative noise SD/|g| (and, where there is
/// room, as a bar on a log scale from 0.01 to 100), mean cosine, and `bias` = |bias| / |g|.
struct QualityTable: Widget, Sendable {
  var quality: [ModelLaneQuality]?
  var styles: [LaneStyle]
  var step: Int

  func draw(into buffer: inout Buffer, in area: Rect, theme: Theme) {
    guard area.height > 0, area.width > 0 else { return }
    guard let quality else {
      buffer.write(
        "measuring each lane's estimator at step \(step)…", in: area.row(0),
        style: theme.style(.hint))
      return
    }
    buffer.write(
      "   lane           SD/|g| cosine   bias", in: area.row(0),
      style: theme.style(.label))
    for (i, q) in quality.enumerated() where i + 1 < area.height {
      let row = area.row(i + 1)
      let style = styles.indices.contains(i) ? styles[i] : LaneStyle(glyph: "?", style: .plain)
      var x = buffer.write(
        " \(style.glyph) ", x: row.x, y: row.y, style: style.style, maxWidth: row.width)
      x = buffer.write(
        q.kind.descriptor.shortName.padding(toLength: 14, withPad: " ", startingAt: 0), x: x,
        y: row.y, style: theme.style(.plain), maxWidth: row.maxX - x)
      let text = String(format: "%6.2f %6.3f %6.3f ", q.relativeNoise, q.meanCosine, q.bias)
      x = buffer.write(text, x: x, y: row.y, style: theme.style(.value), maxWidth: row.maxX - x)
      guard x < row.maxX else { continue }
      // log10(SD/|g|) from -2 to 2 across the bar.
      let fraction = q.relativeNoise > 0 ? (log10(q.relativeNoise) + 2) / 4 : 0
      HorizontalBar(fraction: fraction, style: style.style).draw(
        into: &buffer, in: Rect(x: x, y: row.y, width: row.maxX - x, height: 1), theme: theme)
    }
  }
}
