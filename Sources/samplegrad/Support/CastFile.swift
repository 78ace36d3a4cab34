import Foundation

/// A recording's file (`--record FILE.cast`, `tour --cast FILE.cast`): created (or replaced)
/// before the screen opens, so a path that cannot be written is one line and exit 2, then
/// written a line at a time with nothing buffered, so a session that ends by a signal leaves
/// a valid recording up to its last frame.
final class CastFile {
  let path: String
  private let descriptor: Int32
  /// Set once a write has failed; later lines are dropped.
  private(set) var failure: String?

  /// Opens `path` for writing, truncating it; throws the reason it cannot.
  init(path: String, flag: String) throws(Failure) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw Failure.lines(["\(flag): cannot write \(path): \(String(cString: strerror(errno)))"])
    }
  }

  /// Writes `line` and a newline; false (and `failure` set) if it could not.
  @discardableResult
  func write(_ line: String) -> Bool {
    guard failure == nil else { return false }
    let bytes = Array((line + "\n").utf8)
    var done = 0
    while done < bytes.count {
      let wrote = bytes[done...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      if wrote < 0 && errno == EINTR { continue }
      guard wrote > 0 else {
        failure = String(cString: strerror(wrote < 0 ? errno : EIO))
        return false
      }
      done += wrote
    }
    return true
  }

  deinit { close(descriptor) }
}
