import Foundation
import SampleGradCore

/// Why text could not be written to standard output.
struct OutputFailure: Error {
  /// The `errno` of the failed `write(2)`.
  let code: Int32

  /// The reader of a pipe went away (`samplegrad run | head`): not worth a message.
  var isBrokenPipe: Bool { code == EPIPE }

  var description: String {
    "cannot write to standard output (\(String(cString: strerror(code))))"
  }
}

/// The only way samplegrad's commands print: `write(2)` on the descriptor itself, so a
/// full disk, a closed stream or a vanished reader is seen (Swift's `print` drops the error
/// and `FileHandle.write` traps on it). Every line is escaped on its way out
/// (`TerminalText`), so text from a file never acts on the terminal.
enum Output {
  /// Writes `text` and a newline to standard output, all of it or an error.
  static func line(_ text: String) throws(OutputFailure) {
    try self.text(text + "\n")
  }

  /// Writes `text` to standard output as it is, all of it or an error: a piece of an output
  /// written as it is made (`train`).
  static func text(_ text: String) throws(OutputFailure) {
    if let code = write(text, to: STDOUT_FILENO) { throw OutputFailure(code: code) }
  }

  /// Writes `text` and a newline to standard error if it can; an error message that
  /// cannot be written is dropped, never a crash (the exit status still tells).
  static func error(_ text: String) {
    _ = write(text + "\n", to: STDERR_FILENO)
  }

  /// Writes all of `text`, continuing after partial writes and EINTR. Returns nil, or the
  /// `errno` that stopped it.
  ///
  /// SIGPIPE is blocked on this thread for the call: a closed pipe then shows as EPIPE
  /// instead of ending the process, and the SIGPIPE the kernel queued for this thread is
  /// taken back off (unless one was already pending), so it is not delivered later.
  static func write(_ text: String, to descriptor: Int32) -> Int32? {
    let bytes = Array(TerminalText.escaped(text).utf8)
    var pipeSignal = sigset_t()
    sigemptyset(&pipeSignal)
    sigaddset(&pipeSignal, SIGPIPE)
    var previousMask = sigset_t()
    pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
    defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
    var pending = sigset_t()
    sigpending(&pending)
    let wasPending = sigismember(&pending, SIGPIPE) == 1

    var done = 0
    var failure: Int32?
    bytes.withUnsafeBytes { buffer in
      while done < buffer.count {
        let wrote = Foundation.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
        if wrote > 0 {
          done += wrote
        } else if wrote < 0 && errno == EINTR {
          continue
        } else {
          failure = wrote < 0 ? errno : EIO
          return
        }
      }
    }
    if failure == EPIPE && !wasPending {
      var none = timespec(tv_sec: 0, tv_nsec: 0)
      _ = sigtimedwait(&pipeSignal, nil, &none)
    }
    return failure
  }
}
