/// The characters of the sweep's curve chart (its marks are the `series` glyphs), beside
/// the rest in `Glyphs` so `--ascii` changes them too.
extension Glyphs {
  /// Between the points of a curve.
  var curveLine: Character { isASCII ? "." : "·" }
  /// A noise floor, drawn under the curves.
  var floorLine: Character { isASCII ? "-" : "╌" }
  /// A labelled tick on the x axis (the y axis has `axisTick`).
  var xTick: Character { isASCII ? "+" : "┬" }
  /// The column of the current value.
  var nowLine: Character { isASCII ? ":" : "┆" }
}
