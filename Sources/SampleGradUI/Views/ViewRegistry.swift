/// Every full-screen view besides the live statistics, in the order the live screen's help and
/// footer list their keys. Adding a view is one line here.
enum ViewRegistry {
  static let views: [any ViewController.Type] = [
    SweepView.self,
    RaceView.self,
    OverviewView.self,
    ModelRaceView.self,
  ]

  /// The view called `name` (a tour step's `view`, or a launcher's): the live view or one of
  /// `views`.
  static func view(named name: String) -> (any ViewController.Type)? {
    if name == LiveView.name { return LiveView.self }
    return views.first { $0.name == name }
  }

  /// The name of the view the live screen's key `character` opens, if any.
  static func name(openedBy character: Character) -> String? {
    views.first { $0.launcher?.key == character }?.name
  }

  /// The lines of the live screen's help that open the views.
  static var helpEntries: [KeyMap.Entry] {
    views.compactMap { $0.launcher }.map { KeyMap.Entry(String($0.key), $0.help) }
  }

  /// The live screen's footer hints that open the views.
  static var footerItems: [KeyMap.FooterItem] {
    views.compactMap { $0.launcher }.map {
      KeyMap.FooterItem(keys: String($0.key), text: $0.footer, priority: $0.footerPriority)
    }
  }
}
