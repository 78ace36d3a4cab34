/// One page of a view's help: sections of entries, each a key or a symbol and what it does or
/// means. The help overlay (`HelpOverlay`) lists a view's pages; Tab turns them.
struct HelpPage: Sendable {
  /// The box's title after `Help 1/2: ` ("keys", "what the sweep shows").
  var title: String
  /// What Tab on the page before calls this one ("keys", "legend").
  var tabName: String
  var sections: [Section]

  /// Entries under an optional heading; sections are a blank line apart.
  struct Section: Sendable {
    var title: String?
    var entries: [KeyMap.Entry]

    init(_ title: String? = nil, _ entries: [KeyMap.Entry]) {
      self.title = title
      self.entries = entries
    }
  }
}

extension HelpPage {
  /// The keys every view shares, as the last section of a view's key page.
  static func everyView(export: String) -> Section {
    Section(
      "In every view",
      [
        KeyMap.Entry("x", export),
        KeyMap.Entry("?", "this help; Tab turns to what the screen shows"),
        KeyMap.Entry("q", "quit"),
      ])
  }

  /// A full-screen view's key page: its own keys, the keys every view shares, and while a
  /// tour plays, the tour's.
  static func keys(
    _ title: String, _ own: [KeyMap.Entry], export: String, inTour: Bool
  ) -> HelpPage {
    var sections = [Section(title, own), everyView(export: export)]
    if inTour, let tour = KeyMap.help.first(where: { $0.title == KeyMap.tourSection }) {
      sections.append(Section(tour.title, tour.entries))
    }
    return HelpPage(title: "keys", tabName: "keys", sections: sections)
  }

  /// A view's legend page: what each part of its screen shows.
  static func legend(_ title: String, _ entries: [KeyMap.Entry]) -> HelpPage {
    HelpPage(title: title, tabName: "legend", sections: [Section(nil, entries)])
  }
}
