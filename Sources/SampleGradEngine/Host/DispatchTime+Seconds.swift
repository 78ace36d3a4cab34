import Dispatch

extension DispatchTime {
  /// Seconds from `earlier` to this time.
  func seconds(since earlier: DispatchTime) -> Double {
    Double(uptimeNanoseconds - earlier.uptimeNanoseconds) / 1e9
  }
}
