import TOMLKit

/// TOML lets a basic string hold U+0000 as an escape (`"a\u0000bcdef"`), and the TOML library
/// hands every string back as a C string, which ends at the first NUL: the name became `a`,
/// silently, and a check lost everything after it. A raw NUL byte never gets this far
/// (`ScenarioText` refuses it), so only the escapes need catching.
///
/// They cannot be seen after parsing, so they are replaced before it: each `\u0000` or
/// `\U00000000` inside a basic string becomes an escape of the same length for a marker, a
/// Unicode noncharacter the file does not otherwise use, and every string that comes back
/// with the marker in it is a NUL, reported with its key. The same length keeps the line and
/// column of any TOML syntax error where the file has them.
enum NulEscape {
  /// The noncharacters U+FDD0 to U+FDEF: never meant to appear in text, so the first one a
  /// file does not already use stands for its NULs.
  static let markers = (0xFDD0...0xFDEF).compactMap(Unicode.Scalar.init)

  /// `text` with its NUL escapes replaced, and the marker that replaced them (nil when there
  /// were none, or, absurdly, when the file uses every candidate: then `unmarked` says where
  /// the first NUL escape is).
  static func mask(_ text: String) -> (text: String, marker: Unicode.Scalar?, unmarked: Int?) {
    let bytes = Array(text.utf8)
    let scan = TOMLStringScan(bytes)
    guard let first = scan.nulEscapes.first else { return (text, nil, nil) }
    let used = Set(text.unicodeScalars).union(scan.escapedScalars)
    guard let marker = markers.first(where: { !used.contains($0) }) else {
      return (text, nil, line(of: first, in: bytes))
    }
    let hex = String(marker.value, radix: 16, uppercase: true)
    var masked = bytes
    for start in scan.nulEscapes {
      // `\u0000` -> `\uFDD0`, `\U00000000` -> `\U0000FDD0`: the last four digits change.
      let length = masked[start + 1] == UInt8(ascii: "u") ? 6 : 10
      masked.replaceSubrange((start + length - 4)..<(start + length), with: Array(hex.utf8))
    }
    return (String(decoding: masked, as: UTF8.self), marker, nil)
  }

  /// One problem per string or key of `table` that held a NUL, keyed as the decoders key
  /// them: `name`, `step 2.title`, `step 1.checks[2]`.
  static func problems(in table: TOMLTable, marker: Unicode.Scalar) -> [ScenarioProblem] {
    var problems: [ScenarioProblem] = []
    func message(_ text: String) -> String {
      let position = (text.unicodeScalars.firstIndex(of: marker)).map {
        text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) + 1
      }
      return "must not contain control characters, found U+0000"
        + (position.map { " at character \($0)" } ?? "")
    }
    func visit(_ value: any TOMLValueConvertible, path: String) {
      if let string = value.string, string.unicodeScalars.contains(marker) {
        problems.append(ScenarioProblem(key: path, message: message(string)))
      } else if let table = value.table {
        visitTable(table, prefix: path.isEmpty ? "" : path + ".")
      } else if let array = value.array {
        for (i, element) in array.enumerated() {
          visit(element, path: element.table != nil ? "\(path) \(i + 1)" : "\(path)[\(i + 1)]")
        }
      }
    }
    func visitTable(_ table: TOMLTable, prefix: String) {
      for key in table.keys.sorted() {
        let shown = String(
          String.UnicodeScalarView(
            key.unicodeScalars.flatMap { $0 == marker ? Array("\\u{0}".unicodeScalars) : [$0] }))
        if key.unicodeScalars.contains(marker) {
          problems.append(ScenarioProblem(key: prefix + shown, message: "a key " + message(key)))
        } else if let value = table[key] {
          visit(value, path: prefix + key)
        }
      }
    }
    visitTable(table, prefix: "")
    return problems
  }

  /// The line (from 1) that holds byte `index`.
  private static func line(of index: Int, in bytes: [UInt8]) -> Int {
    bytes[..<index].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  }
}

/// Where a TOML text's basic strings (`"..."`, `"""..."""`) hold escapes: the offsets of the
/// NUL escapes, and every scalar any `\u` or `\U` escape writes. Comments and literal strings
/// (`'...'`, `'''...'''`, where a backslash is just a backslash) are skipped.
struct TOMLStringScan {
  private(set) var nulEscapes: [Int] = []
  private(set) var escapedScalars: Set<Unicode.Scalar> = []

  init(_ bytes: [UInt8]) {
    let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'")
    let hash = UInt8(ascii: "#"), newline = UInt8(ascii: "\n"), backslash = UInt8(ascii: "\\")
    func run(of byte: UInt8, at i: Int) -> Int {
      var n = 0
      while i + n < bytes.count, bytes[i + n] == byte { n += 1 }
      return n
    }
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if byte == hash {
        while i < bytes.count, bytes[i] != newline { i += 1 }
      } else if byte == quote || byte == apostrophe {
        let multiline = run(of: byte, at: i) >= 3
        i += multiline ? 3 : 1
        // Up to the closing quotes; a multi-line string may end with one or two quotes of
        // its own before them (`""""` or `"""""`).
        while i < bytes.count {
          let c = bytes[i]
          if c == backslash, byte == quote {
            recordEscape(at: i, in: bytes)
            i += 2
          } else if c == byte {
            let quotes = run(of: byte, at: i)
            if !multiline {
              i += 1
              break
            }
            if quotes >= 3 {
              i += min(quotes, 5)
              break
            }
            i += quotes
          } else if c == newline, !multiline {
            break
          } else {
            i += 1
          }
        }
      } else {
        i += 1
      }
    }
  }

  /// Notes the escape that starts at `i` (a backslash) if it is `\uXXXX` or `\UXXXXXXXX`.
  private mutating func recordEscape(at i: Int, in bytes: [UInt8]) {
    guard i + 1 < bytes.count else { return }
    let digits: Int
    switch bytes[i + 1] {
    case UInt8(ascii: "u"): digits = 4
    case UInt8(ascii: "U"): digits = 8
    default: return
    }
    guard i + 2 + digits <= bytes.count else { return }
    let hex = bytes[(i + 2)..<(i + 2 + digits)]
    // Hex digits only (`UInt32(_:radix:)` would also take a sign): anything else is a TOML
    // syntax error, left for the parser to report.
    guard hex.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
      let value = UInt32(String(decoding: hex, as: UTF8.self), radix: 16)
    else { return }
    if value == 0 { nulEscapes.append(i) }
    if let scalar = Unicode.Scalar(value) { escapedScalars.insert(scalar) }
  }
}
