import Dispatch
import SampleGradUI

/// `--record FILE.cast`: every frame the explorer draws, as it draws it, written to an
/// asciicast v2 file at the time it was drawn (`CastRecorder` turns frames into events).
/// Frames are the explorer's buffers, not curses' bytes, so the recording is the screen
/// exactly, whatever the terminal.
struct SessionRecording {
  let file: CastFile
  private var recorder: CastRecorder
  private let start = DispatchTime.now()

  init(file: CastFile, width: Int, height: Int, color: Bool, title: String) {
    self.file = file
    recorder = CastRecorder(color: color)
    file.write(Asciicast.header(width: width, height: height, timestamp: nil, title: title))
  }

  /// Seconds since the recording began.
  private var elapsed: Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  /// Records `buffer`, just drawn; false once a write has failed (the file says why).
  @discardableResult
  mutating func record(_ buffer: Buffer) -> Bool {
    for line in recorder.record(buffer, at: elapsed) where !file.write(line) { return false }
    return true
  }

  /// The last event: the terminal's attributes and cursor given back.
  func finish() {
    file.write(recorder.finish(at: elapsed))
  }
}
