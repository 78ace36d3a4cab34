/// Fixed-size work buffers, allocated once per sampler so the hot loop allocates nothing.
final class ScratchBuffers {
  let count: Int
  private let storage: UnsafeMutablePointer<Double>
  private let slots: Int
  /// Room for `indexCount` integers (the argmax of each row of a block).
  let indices: UnsafeMutablePointer<Int>
  private let indexCount: Int

  init(count: Int, slots: Int, indexCount: Int = 0) {
    self.count = max(count, 1)
    self.slots = slots
    self.indexCount = max(indexCount, 1)
    storage = .allocate(capacity: self.count * slots)
    storage.initialize(repeating: 0, count: self.count * slots)
    indices = .allocate(capacity: self.indexCount)
    indices.initialize(repeating: 0, count: self.indexCount)
  }

  /// The `index`-th buffer of `count` doubles.
  @inline(__always)
  func slot(_ index: Int) -> UnsafeMutablePointer<Double> {
    storage + index * count
  }

  deinit {
    storage.deinitialize(count: count * slots)
    storage.deallocate()
    indices.deinitialize(count: indexCount)
    indices.deallocate()
  }
}
