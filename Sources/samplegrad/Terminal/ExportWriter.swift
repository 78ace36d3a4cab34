import Foundation

/// Writes `x`'s pair of files, never over an existing file. Names carry the time to the
/// second, so two presses within a second asked for the same names and the second `x`
/// silently replaced the first pair (issue 21). The pair takes the first free name of
/// `base`, `base-2`, `base-3`, ...; each file is created exclusively (`O_EXCL`), so not even
/// another process writing the same name at the same moment is overwritten.
enum ExportWriter {
  /// Names tried before giving up (a folder with a thousand exports of one second).
  static let attempts = 1000

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Writes `text` and `json` as `<name>.txt` and `<name>.json` into `folder`, the name
  /// `baseName` or the first free one after it, and returns the name used.
  static func write(baseName: String, text contents: String, json: String, in folder: String)
    throws(Failure) -> String
  {
    try write(baseName: baseName, files: [("txt", contents), ("json", json)], in: folder)
  }

  /// Writes each `(extension, contents)` as `<name>.<extension>` into `folder`, all under one
  /// name: `baseName` or the first after it for which no file exists; returns the name used.
  /// A partly written set is removed before the next name is tried.
  static func write(
    baseName: String, files: [(fileExtension: String, contents: String)], in folder: String
  ) throws(Failure) -> String {
    for n in 1...attempts {
      let name = n == 1 ? baseName : "\(baseName)-\(n)"
      var written: [String] = []
      var taken = false
      for file in files {
        let path = folder + "/" + name + "." + file.fileExtension
        let created: Bool
        do {
          created = try create(path, file.contents)
        } catch {
          for path in written { unlink(path) }
          throw error
        }
        guard created else {
          taken = true
          break
        }
        written.append(path)
      }
      if !taken { return name }
      for path in written { unlink(path) }
    }
    throw Failure(description: "\(attempts) files named \(baseName)* exist already")
  }

  /// Creates `path` with `contents`; false if it exists already.
  private static func create(_ path: String, _ contents: String) throws(Failure) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if descriptor < 0 {
      if errno == EEXIST { return false }
      throw Failure(description: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    let bytes = Array(contents.utf8)
    var done = 0
    while done < bytes.count {
      let wrote = bytes[done...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      if wrote < 0 && errno == EINTR { continue }
      guard wrote > 0 else {
        let reason = String(cString: strerror(wrote < 0 ? errno : EIO))
        unlink(path)
        throw Failure(description: reason)
      }
      done += wrote
    }
    return true
  }
}
