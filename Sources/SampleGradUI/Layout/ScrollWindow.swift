/// A list longer than its window: which rows are on screen. Drawing and mouse clicks must
/// agree on it, so every list asks here.
enum ScrollWindow {
  /// The first row shown when `visible` of `count` rows fit: the selection centred, the
  /// window kept inside the list.
  static func start(keeping selected: Int, visible: Int, count: Int) -> Int {
    min(max(selected - visible / 2, 0), max(count - visible, 0))
  }
}
