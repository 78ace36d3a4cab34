import Testing

@testable import SampleGradCore

/// The kernels' work buffers: where they start, and that slots keep to themselves.
@Suite("Scratch buffers")
struct ScratchBuffersTests {
  @Test(
    "every slot and the indices start on a 64-byte cache line, whatever the count",
    arguments: [1, 3, 10, 640, 641])
  func slotsStartOnCacheLines(count: Int) {
    let buffers = ScratchBuffers(count: count, slots: 5, indexCount: 7)
    for slot in 0..<5 {
      #expect(UInt(bitPattern: buffers.slot(slot)) % 64 == 0, "slot \(slot)")
    }
    #expect(UInt(bitPattern: buffers.indices) % 64 == 0)
  }

  @Test("writing a whole slot leaves its neighbours' values as they were")
  func slotsDoNotOverlap() {
    let count = 13
    let buffers = ScratchBuffers(count: count, slots: 4)
    for slot in 0..<4 {
      buffers.slot(slot).update(repeating: Double(slot), count: count)
    }
    for slot in 0..<4 {
      let values = UnsafeBufferPointer(start: buffers.slot(slot), count: count)
      #expect(values.allSatisfy { $0 == Double(slot) }, "slot \(slot)")
    }
  }
}
