/// The characters of the sweep's curve chart (its marks are the `series` glyphs), beside
/// the rest in `Glyphs` so `--ascii` changes them too.
extension Glyphs {
  /// Between the points of a curve.
  var curveLine: Character { isASCII ? "." : "·" }
  /// A noise floor, drawn under the curves.
  var floorLine: Character { isASCII ? "-" : "╌" }
  /// A labelled tick on the x axis (the y axis has `axisTick`).
  var xTick: Character { isASCII ? "+" : "┬" }
  /// The cursor's column: the plain `vertical` line, named for the sweep's legend.
  var cursorLine: Character { vertical }
  /// The column of the current value.
  var nowLine: Character { isASCII ? ":" : "┆" }
}
