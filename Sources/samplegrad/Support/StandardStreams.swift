import Foundation

/// Makes sure descriptors 0, 1 and 2 are open before anything else is.
///
/// Started with one of them closed (`samplegrad run >&-`), the next file samplegrad opens
/// (a preset) would get that number, and output meant for stdout would go into it. Each
/// closed one is taken by `/dev/null` opened read-only: the number is used, and a write to
/// it fails with EBADF, so the command reports that its output was lost.
enum StandardStreams {
  static func reserve() {
    for descriptor in Int32(0)...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", O_RDONLY)
      // Lower numbers were checked first, so `open` returns this one; anything else was
      // not ours to keep.
      if opened >= 0 && opened != descriptor { close(opened) }
    }
  }
}
