import Foundation

/// Reads a scenario file as text, or says exactly why it is not text: missing, a
/// directory, a symbolic-link loop, unreadable, too large, a NUL byte (which the TOML parser
/// would take for the end of the file) or bytes that are not UTF-8.
enum ScenarioText {
  /// A scenario is a few hundred bytes; a megabyte is a wrong path (or `/dev/zero`).
  static let maximumBytes = 1 << 20

  static func contents(of path: String) throws(ScenarioError) -> String {
    let bytes = try readBytes(path: path)
    if let nul = bytes.firstIndex(of: 0) {
      throw ScenarioError(
        source: path, key: "",
        "contains a NUL byte at line \(line(of: nul, in: bytes)) (is it a text file?)")
    }
    if let bad = firstInvalidUTF8(bytes) {
      let byte = String(bytes[bad], radix: 16, uppercase: true)
      throw ScenarioError(
        source: path, key: "",
        "is not UTF-8 text (byte 0x\(byte.count < 2 ? "0" : "")\(byte) at line \(line(of: bad, in: bytes)))"
      )
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func readBytes(path: String) throws(ScenarioError) -> [UInt8] {
    func failure(_ reason: String) -> ScenarioError { ScenarioError(source: path, key: "", reason) }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(reason(errno)) }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
      throw failure("is a directory")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while bytes.count <= maximumBytes {
      let got = chunk.withUnsafeMutableBytes {
        Foundation.read(descriptor, $0.baseAddress, $0.count)
      }
      if got == 0 { return bytes }
      if got < 0 {
        if errno == EINTR { continue }
        throw failure(reason(errno))
      }
      bytes += chunk[0..<got]
    }
    throw failure("is larger than \(maximumBytes >> 20) MB, too large for a scenario file")
  }

  /// The words for an `errno` from opening or reading a file.
  private static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: "no such file"
    case ENOTDIR: "no such file (a part of the path is not a directory)"
    case EISDIR: "is a directory"
    case ELOOP: "too many levels of symbolic links"
    case EACCES, EPERM: "permission denied"
    case ENAMETOOLONG: "the path is too long"
    default: "cannot be read (\(String(cString: strerror(code))))"
    }
  }

  /// The line (from 1) that holds byte `index`.
  private static func line(of index: Int, in bytes: [UInt8]) -> Int {
    bytes[..<index].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  /// The offset of the first byte that does not begin a valid UTF-8 sequence, or nil.
  private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
