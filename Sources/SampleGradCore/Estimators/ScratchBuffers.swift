/// Fixed-size work buffers, allocated once per sampler so the hot loop allocates nothing.
final class ScratchBuffers {
  let count: Int
  private let storage: UnsafeMutablePointer<Double>
  private let slots: Int

  init(count: Int, slots: Int) {
    self.count = max(count, 1)
    self.slots = slots
    storage = .allocate(capacity: self.count * slots)
    storage.initialize(repeating: 0, count: self.count * slots)
  }

  /// The `index`-th buffer of `count` doubles.
  @inline(__always)
  func slot(_ index: Int) -> UnsafeMutablePointer<Double> {
    storage + index * count
  }

  deinit {
    storage.deinitialize(count: count * slots)
    storage.deallocate()
  }
}
