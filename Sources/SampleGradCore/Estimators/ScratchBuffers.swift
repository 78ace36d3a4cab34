/// Fixed-size work buffers, allocated once per sampler so the hot loop allocates nothing.
///
/// Every slot, and the indices, start on a cache line. The AVX-512 kernels move 64 bytes at
/// a time; at malloc's 16-byte alignment most of those moves straddle two lines, and where
/// malloc happened to place a thread's buffers decided its speed (REBAR's second thread in
/// `bench` ran up to 15% slower than the first; issue 22).
final class ScratchBuffers {
  let count: Int
  private let storage: UnsafeMutablePointer<Double>
  private let slots: Int
  /// Doubles from one slot's start to the next: `count` rounded up to whole cache lines.
  private let stride: Int
  /// Room for `indexCount` integers (the argmax of each row of a block).
  let indices: UnsafeMutablePointer<Int>
  private let indexCount: Int

  private static let lineBytes = 64

  init(count: Int, slots: Int, indexCount: Int = 0) {
    self.count = max(count, 1)
    self.slots = slots
    self.indexCount = max(indexCount, 1)
    let perLine = Self.lineBytes / MemoryLayout<Double>.stride
    stride = (self.count + perLine - 1) / perLine * perLine
    storage = Self.allocateLines(Double.self, count: stride * slots)
    storage.initialize(repeating: 0, count: stride * slots)
    indices = Self.allocateLines(Int.self, count: self.indexCount)
    indices.initialize(repeating: 0, count: self.indexCount)
  }

  private static func allocateLines<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
    UnsafeMutableRawPointer.allocate(
      byteCount: count * MemoryLayout<T>.stride, alignment: lineBytes
    ).bindMemory(to: T.self, capacity: count)
  }

  /// The `index`-th buffer of `count` doubles.
  @inline(__always)
  func slot(_ index: Int) -> UnsafeMutablePointer<Double> {
    storage + index * stride
  }

  deinit {
    storage.deinitialize(count: stride * slots)
    storage.deallocate()
    indices.deinitialize(count: indexCount)
    indices.deallocate()
  }
}
