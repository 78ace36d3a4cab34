import Foundation

@testable import SampleGradUI

/// A terminal screen of its own for the recording tests: it applies the text of an asciicast
/// event as xterm would (the cursor moves, clears and SGR codes `AnsiFrame` writes, and
/// printable characters), so a replayed recording can be compared cell by cell with the
/// buffers it was made from. Anything it does not know is a test failure, not skipped.
struct VirtualTerminal {
  private(set) var width: Int
  private(set) var height: Int
  private(set) var cells: [Cell]
  private var x = 0
  private var y = 0
  private var style = Style.plain
  private(set) var cursorVisible = true
  /// Sequences it could not apply.
  private(set) var unknown: [String] = []

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    cells = [Cell](repeating: .blank, count: width * height)
  }

  /// The screen as a buffer, to compare with the one recorded.
  var buffer: Buffer {
    var buffer = Buffer(width: width, height: height)
    buffer.cells = cells
    return buffer
  }

  mutating func resize(width: Int, height: Int) {
    self = VirtualTerminal(width: width, height: height)
  }

  mutating func apply(_ text: String) {
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if scalar == "\u{1B}" {
        guard scalars.popFirst() == "[" else {
          unknown.append("ESC without [")
          continue
        }
        var parameters = ""
        var final: Unicode.Scalar?
        while let next = scalars.popFirst() {
          if (0x40...0x7E).contains(next.value) {
            final = next
            break
          }
          parameters.unicodeScalars.append(next)
        }
        csi(parameters, final)
        continue
      }
      guard scalar.value >= 0x20 else {
        unknown.append("control \(scalar.value)")
        continue
      }
      put(Character(scalar))
    }
  }

  private mutating func put(_ character: Character) {
    guard x < width, y < height else {
      unknown.append("write outside the screen at \(x),\(y)")
      return
    }
    cells[y * width + x] = Cell(character, style: style)
    x += 1
  }

  private mutating func csi(_ parameters: String, _ final: Unicode.Scalar?) {
    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map {
      Int($0) ?? 0
    }
    switch (final, parameters) {
    case ("H", _):
      y = max((numbers.first ?? 1) - 1, 0)
      x = max((numbers.count > 1 ? numbers[1] : 1) - 1, 0)
    case ("J", "2"):
      cells = [Cell](repeating: Cell(" ", style: style), count: width * height)
    case ("l", "?25"): cursorVisible = false
    case ("h", "?25"): cursorVisible = true
    case ("m", _): sgr(numbers.isEmpty ? [0] : numbers)
    default: unknown.append("CSI \(parameters)\(final.map { String($0) } ?? "")")
    }
  }

  private mutating func sgr(_ codes: [Int]) {
    var i = 0
    while i < codes.count {
      let code = codes[i]
      switch code {
      case 0: style = .plain
      case 1: style.bold = true
      case 2: style.dim = true
      case 7: style.reverse = true
      case 30...37: style.foreground = Self.basic[code - 30]
      case 40...47: style.background = Self.basic[code - 40]
      case 90: style.foreground = .gray
      case 97: style.foreground = .brightWhite
      case 100: style.background = .gray
      case 107: style.background = .brightWhite
      case 38, 48:
        guard i + 2 < codes.count, codes[i + 1] == 5 else {
          unknown.append("SGR \(code) without 5;N")
          return
        }
        let color = TerminalColor.palette(UInt8(codes[i + 2]))
        if code == 38 { style.foreground = color } else { style.background = color }
        i += 2
      default: unknown.append("SGR \(code)")
      }
      i += 1
    }
  }

  static let basic: [TerminalColor] = [
    .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
  ]
}

/// A recording read back: its header and events, each line checked to be the JSON asciicast
/// v2 asks for.
struct CastFileReading {
  var width = 0
  var height = 0
  var events: [(time: Double, code: String, data: String)] = []
  var problems: [String] = []

  init(_ lines: [String]) {
    guard let first = lines.first,
      let header = try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
    else {
      problems.append("the first line is not a JSON object")
      return
    }
    if header["version"] as? Int != 2 { problems.append("version is not 2") }
    width = header["width"] as? Int ?? 0
    height = header["height"] as? Int ?? 0
    if width <= 0 || height <= 0 { problems.append("no width or height") }
    var last = 0.0
    for (n, line) in lines.dropFirst().enumerated() where !line.isEmpty {
      guard let array = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any],
        array.count == 3, let time = (array[0] as? NSNumber)?.doubleValue,
        let code = array[1] as? String, let data = array[2] as? String
      else {
        problems.append("line \(n + 2) is not [time, code, data]")
        continue
      }
      if time < last { problems.append("line \(n + 2) goes back in time") }
      if !["o", "r"].contains(code) { problems.append("line \(n + 2): unknown code \(code)") }
      last = time
      events.append((time, code, data))
    }
  }

  /// The screen after every event up to `time` (all of them by default).
  func replay(until time: Double = .infinity) -> VirtualTerminal {
    var screen = VirtualTerminal(width: width, height: height)
    for event in events where event.time <= time {
      if event.code == "r" {
        let size = event.data.split(separator: "x").compactMap { Int($0) }
        if size.count == 2 { screen.resize(width: size[0], height: size[1]) }
      } else {
        screen.apply(event.data)
      }
    }
    return screen
  }
}
