import SampleGradCore
import SampleGradEngine

/// What `x` writes: the files of the view on screen (`ViewController.export`), named
/// `samplegrad-<scenario>[-<view>]-<stamp>.<extension>`.
package struct ExportFiles: Sendable, Equatable {
  /// File name without extension: `samplegrad-<scenario>-<stamp>` for the live view,
  /// `samplegrad-<scenario>-<view>-<stamp>` for the others.
  package let baseName: String
  package let files: [ExportFile]

  /// The text of the file with extension `fileExtension`, if there is one.
  package subscript(fileExtension: String) -> String? {
    files.first { $0.fileExtension == fileExtension }?.contents
  }

  /// The files' names, as the status line lists them (`name.csv and .json`).
  package var summary: String {
    let extensions = files.map { "." + $0.fileExtension }
    guard let first = extensions.first else { return baseName }
    let rest = extensions.dropFirst()
    return baseName + first + (rest.isEmpty ? "" : " and " + rest.joined(separator: ", "))
  }

  /// Each file's name and text.
  package var named: [(name: String, contents: String)] {
    files.map { (baseName + "." + $0.fileExtension, $0.contents) }
  }
}

/// Why `x` wrote nothing: the view has no numbers yet.
package struct NothingToExport: Error, Sendable, Equatable {
  package let reason: String
}

extension Explorer {
  /// The export of the view on screen for `snapshot`, drawn on a `width` x `height` screen;
  /// `stamp` (a date and time) keeps file names apart.
  package func export(_ snapshot: Snapshot, width: Int, height: Int, stamp: String)
    throws(NothingToExport) -> ExportFiles
  {
    var buffer = Buffer(width: width, height: height)
    render(snapshot, into: &buffer, overlays: false)
    let screen = buffer.lines.joined(separator: "\n") + "\n"
    let context = renderContext(snapshot, theme: Theme(options: options))
    switch current.export(context, screen: screen) {
    case .nothing(let reason):
      throw NothingToExport(reason: reason)
    case .files(let files):
      let safe = String(
        snapshot.scenario.name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
      let view = current.name == LiveView.name ? "" : "-" + current.name
      return ExportFiles(baseName: "samplegrad-\(safe)\(view)-\(stamp)", files: files)
    }
  }
}
