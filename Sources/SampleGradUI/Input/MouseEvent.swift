/// A mouse event as the UI understands it; the terminal layer translates curses' reports.
public struct MouseEvent: Sendable, Equatable {
  public enum Action: Sendable, Equatable {
    /// A press of the left button.
    case click
    case wheelUp, wheelDown
  }

  /// Column and row, 0-based from the top left.
  public var x: Int
  public var y: Int
  public var action: Action

  public init(x: Int, y: Int, action: Action) {
    self.x = x
    self.y = y
    self.action = action
  }
}
