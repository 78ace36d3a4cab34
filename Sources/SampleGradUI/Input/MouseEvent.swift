/// A mouse event as the UI understands it; the terminal layer translates curses' reports.
package struct MouseEvent: Sendable, Equatable {
  package enum Action: Sendable, Equatable {
    /// A press of the left button.
    case click
    case wheelUp, wheelDown
  }

  /// Column and row, 0-based from the top left.
  package var x: Int
  package var y: Int
  package var action: Action

  package init(x: Int, y: Int, action: Action) {
    self.x = x
    self.y = y
    self.action = action
  }
}

extension MouseEvent {
  /// The arrow the wheel stands for in lists and cursors (up or down); nil for a click.
  var wheelKey: Key? {
    switch action {
    case .wheelUp: .up
    case .wheelDown: .down
    case .click: nil
    }
  }
}

extension Rect {
  /// Whether the event is over this rect.
  func contains(_ event: MouseEvent) -> Bool {
    event.x >= x && event.x < maxX && event.y >= y && event.y < maxY
  }
}
