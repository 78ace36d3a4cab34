/// The characters of the sweep's curve chart (its marks are the `series` glyphs), beside
/// the rest in `Glyphs` so `--ascii` changes them too.
extension Glyphs {
  /// Between the points of a curve.
  var curveLine: Character { isASCII ? "." : "·" }
  /// A noise floor, drawn under the curves.
  var floorLine: Character { isASCII ? "-" : "╌" }
  /// A labelled tick on the y axis, and on the x axis.
  var yTick: Character { isASCII ? "+" : "┤" }
  var xTick: Character { isASCII ? "+" : "┬" }
  /// The cursor's column, and the column of the current value.
  var cursorLine: Character { isASCII ? "|" : "│" }
  var nowLine: Character { isASCII ? ":" : "┆" }
}
