/// What `x` writes for a view: files named by their extension, or why there is nothing yet.
enum ViewExport: Sendable, Equatable {
  case files([ExportFile])
  case nothing(String)
}

/// One exported file: its extension (`csv`) and its text.
package struct ExportFile: Sendable, Equatable {
  package let fileExtension: String
  package let contents: String

  init(_ fileExtension: String, _ contents: String) {
    self.fileExtension = fileExtension
    self.contents = contents
  }
}
