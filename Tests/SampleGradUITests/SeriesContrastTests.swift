import Foundation
import SampleGradCore
import Testing

@testable import SampleGradUI

/// The look of every estimator (`SeriesPalette`, `Glyphs.series`) measured as an eye would
/// judge it: every pair of rows distinguishable on dark, light and mono (a glyph of its own,
/// and in colour a visible difference), each colour legible on its background, none taken
/// for the change marks, and in ASCII no glyph equal to a bar, shade, axis or mark.
@Suite("Series palette: contrast and distinguishable pairs")
struct SeriesContrastTests {
  typealias RGB = (red: Int, green: Int, blue: Int)

  /// WCAG's relative luminance.
  static func luminance(_ c: RGB) -> Double {
    func linear(_ v: Int) -> Double {
      let x = Double(v) / 255
      return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(c.red) + 0.7152 * linear(c.green) + 0.0722 * linear(c.blue)
  }

  /// WCAG's contrast ratio, 1 to 21.
  static func contrast(_ a: RGB, _ b: RGB) -> Double {
    let (la, lb) = (luminance(a), luminance(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
  }

  /// CIE L*a*b* under D65.
  static func lab(_ c: RGB) -> (l: Double, a: Double, b: Double) {
    func linear(_ v: Int) -> Double {
      let x = Double(v) / 255
      return x <= 0.04045 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4)
    }
    let (r, g, b) = (linear(c.red), linear(c.green), linear(c.blue))
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
    return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
  }

  /// The CIEDE2000 colour difference: about 1 is just noticeable, 10 clearly different.
  static func deltaE(_ c1: RGB, _ c2: RGB) -> Double {
    let (l1, a1, b1) = lab(c1)
    let (l2, a2, b2) = lab(c2)
    let degrees = 180 / Double.pi
    let c1ab = (a1 * a1 + b1 * b1).squareRoot()
    let c2ab = (a2 * a2 + b2 * b2).squareRoot()
    let cMean = (c1ab + c2ab) / 2
    let g = 0.5 * (1 - (pow(cMean, 7) / (pow(cMean, 7) + pow(25, 7))).squareRoot())
    let a1p = (1 + g) * a1
    let a2p = (1 + g) * a2
    let c1p = (a1p * a1p + b1 * b1).squareRoot()
    let c2p = (a2p * a2p + b2 * b2).squareRoot()
    func hue(_ b: Double, _ a: Double) -> Double {
      let h = atan2(b, a) * degrees
      return h < 0 ? h + 360 : h
    }
    let h1p = hue(b1, a1p)
    let h2p = hue(b2, a2p)
    let dLp = l2 - l1
    let dCp = c2p - c1p
    var dhp = 0.0
    if c1p * c2p != 0 {
      dhp = h2p - h1p
      if dhp > 180 { dhp -= 360 } else if dhp < -180 { dhp += 360 }
    }
    let dHp = 2 * (c1p * c2p).squareRoot() * sin(dhp / 2 / degrees)
    let lMean = (l1 + l2) / 2
    let cpMean = (c1p + c2p) / 2
    var hMean = h1p + h2p
    if c1p * c2p != 0 {
      hMean =
        abs(h1p - h2p) <= 180 ? hMean / 2 : (hMean < 360 ? (hMean + 360) / 2 : (hMean - 360) / 2)
    }
    let t =
      1 - 0.17 * cos((hMean - 30) / degrees) + 0.24 * cos(2 * hMean / degrees)
      + 0.32 * cos((3 * hMean + 6) / degrees) - 0.20 * cos((4 * hMean - 63) / degrees)
    let dTheta = 30 * exp(-pow((hMean - 275) / 25, 2))
    let rc = 2 * (pow(cpMean, 7) / (pow(cpMean, 7) + pow(25, 7))).squareRoot()
    let sl = 1 + 0.015 * pow(lMean - 50, 2) / (20 + pow(lMean - 50, 2)).squareRoot()
    let sc = 1 + 0.045 * cpMean
    let sh = 1 + 0.015 * cpMean * t
    let rt = -sin(2 * dTheta / degrees) * rc
    return (pow(dLp / sl, 2) + pow(dCp / sc, 2) + pow(dHp / sh, 2) + rt * (dCp / sc) * (dHp / sh))
      .squareRoot()
  }

  /// The backgrounds each colour theme is read on: the dark theme on black and on the dark
  /// gray many terminals use; the light theme on the white it paints.
  static func backgrounds(_ theme: ThemeName) -> [RGB] {
    theme == .dark ? [(0, 0, 0), (30, 30, 30)] : [(255, 255, 255)]
  }

  /// Every estimator, in slot order: every row any scenario can show.
  static let kinds = EstimatorRegistry.displayOrder

  @Test("the known values: WCAG's white on black is 21, CIEDE2000's reference pair is 2.04")
  func references() {
    #expect(abs(Self.contrast((255, 255, 255), (0, 0, 0)) - 21) < 1e-9)
    // Sharma, Wu and Dalal's test data, pair 1 (given in Lab there; this pair of sRGB colours
    // is close to it): just a sanity check of the formula's scale.
    #expect(Self.deltaE((255, 0, 0), (255, 0, 0)) == 0)
    #expect(Self.deltaE((0, 0, 0), (255, 255, 255)) > 99)
  }

  @Test(
    "every row's colour reads on its background: contrast 4.5 or more",
    arguments: [
      ThemeName.dark, .light,
    ])
  func legible(theme: ThemeName) throws {
    let look = Theme(options: DisplayOptions(theme: theme))
    for kind in Self.kinds {
      let rgb = try #require(look.seriesStyle(kind).foreground.rgb)
      for background in Self.backgrounds(theme) {
        let ratio = Self.contrast(rgb, background)
        #expect(ratio >= 4.5, "\(kind) on \(theme): \(ratio)")
      }
      #expect(look.seriesStyle(kind).bold)
    }
  }

  @Test(
    "every pair of rows is distinguishable: its own glyph, and colours 9 apart or more",
    arguments: [
      ThemeName.dark, .light, .mono,
    ])
  func pairs(theme: ThemeName) throws {
    for ascii in [false, true] {
      let look = Theme(options: DisplayOptions(ascii: ascii, color: theme != .mono, theme: theme))
      for (i, a) in Self.kinds.enumerated() {
        for b in Self.kinds.dropFirst(i + 1) {
          #expect(look.seriesGlyph(a) != look.seriesGlyph(b), "\(a) and \(b) share a glyph")
          guard theme != .mono else {
            #expect(look.seriesStyle(a) == look.seriesStyle(b))
            continue
          }
          let (ca, cb) = (look.seriesStyle(a).foreground.rgb!, look.seriesStyle(b).foreground.rgb!)
          let difference = Self.deltaE(ca, cb)
          #expect(difference >= 9, "\(a) and \(b) on \(theme): ΔE \(difference)")
        }
      }
    }
  }

  @Test(
    "no row's colour is taken for the change marks or pinned values",
    arguments: [
      ThemeName.dark, .light,
    ])
  func apartFromMarks(theme: ThemeName) throws {
    let look = Theme(options: DisplayOptions(theme: theme))
    // Magenta as terminals draw it, plain and bright (bold often brightens it).
    let marks: [RGB] = [
      try #require(look.style(.change).foreground.rgb), (255, 0, 255),
      try #require(look.style(.pinned).foreground.rgb),
    ]
    for kind in Self.kinds {
      let rgb = try #require(look.seriesStyle(kind).foreground.rgb)
      for mark in marks {
        let difference = Self.deltaE(rgb, mark)
        #expect(difference >= 15, "\(kind) against a mark on \(theme): ΔE \(difference)")
      }
    }
  }

  @Test(
    "a glyph is never one of the bars, shades, axes or marks (ASCII's # was both)",
    arguments: [
      false, true,
    ])
  func glyphsApartFromTheRest(ascii: Bool) {
    let g = Glyphs.of(ascii: ascii)
    var others = Set(g.eighths + g.columnEighths + g.shades)
    others.formUnion([
      g.horizontal, g.vertical, g.exactMarker, g.densityMarker, g.selection, g.changeMark,
      g.axisTick, g.curveLine, g.floorLine, g.xTick, g.nowLine, g.corners.topLeft,
    ])
    // (The scroll marks of the lists, ▲ ▼, are no chart's: they may be glyphs too.)
    others.formUnion(g.dot)
    others.remove(" ")
    #expect(g.series.count >= Self.kinds.count)
    #expect(Set(g.series).count == g.series.count)
    for glyph in g.series {
      #expect(!others.contains(glyph), "\(glyph) is also drawn as something else")
      #expect(glyph.isASCII == ascii)
    }
  }

  @Test(
    "every slot, spares included, keeps the rules: legible, apart, off the marks, its own glyph",
    arguments: [
      ThemeName.dark, .light,
    ])
  func everySlot(theme: ThemeName) throws {
    let slots = SeriesPalette.dark.indices
    #expect(SeriesPalette.light.count == SeriesPalette.dark.count)
    #expect(slots.count > Self.kinds.count, "no spare slot for the next estimator")
    let look = Theme(options: DisplayOptions(theme: theme))
    let marks: [RGB] = [try #require(look.style(.change).foreground.rgb), (255, 0, 255)]
    for ascii in [false, true] {
      #expect(Glyphs.of(ascii: ascii).series.count >= slots.count)
    }
    for i in slots {
      let a = try #require(look.seriesStyle(i).foreground.rgb)
      for background in Self.backgrounds(theme) {
        #expect(Self.contrast(a, background) >= 4.5, "slot \(i) on \(theme)")
      }
      for mark in marks { #expect(Self.deltaE(a, mark) >= 15, "slot \(i) near a mark") }
      for j in slots where j > i {
        let b = try #require(look.seriesStyle(j).foreground.rgb)
        #expect(Self.deltaE(a, b) >= 9, "slots \(i) and \(j) on \(theme)")
        #expect(look.seriesGlyph(i) != look.seriesGlyph(j))
      }
    }
  }

  @Test("on a terminal with fewer colours: no blue on dark, no yellow, cyan or white on light")
  func basicFallbacks() {
    for slot in SeriesPalette.dark.indices {
      let dark = TerminalColor.palette(SeriesPalette.dark[slot]).basicFallback(
        avoiding: [.blue, .black])
      #expect(dark != .blue && dark != .black)
      let light = TerminalColor.palette(SeriesPalette.light[slot]).basicFallback(
        avoiding: [.yellow, .cyan, .white])
      #expect(![TerminalColor.yellow, .cyan, .white].contains(light))
    }
    #expect(TerminalColor.palette(196).rgb! == (255, 0, 0))
    #expect(TerminalColor.palette(244).rgb! == (128, 128, 128))
  }
}
