import SampleGradCore
import SampleGradEngine

/// What is differentiated and the exact answer: the objective f, the loss L = E[f(x)] and
/// its exact gradient, plus one line on what each kind of estimator sees. Replaces the
/// relaxed panel for a gaussian, and fills spare rows on a wide screen.
struct ObjectivePanel: Widget, Sendable {
  var frame: PanelFrame
  func draw(into buffer: inout Buffer, in rect: Rect, theme: Theme) {
    let context = PanelContext(frame: frame, theme: theme)
    guard rect.height >= 2 else { return }
    SectionTitle(title: "Objective and exact gradient").draw(
      into: &buffer, in: rect, theme: context.theme)
    let body = rect.splitTop(1).rest.inset(dx: 1)
    var row = 0
    for (label, text) in lines(context) {
      guard row < body.height else { break }
      let indent = label.isEmpty ? 0 : label.count + 1
      let line = body.row(row)
      if !label.isEmpty { buffer.write(label, in: line, style: context.style(.label)) }
      let area = Rect(
        x: line.x + indent, y: line.y, width: line.width - indent, height: body.maxY - line.y)
      row += buffer.writeWrapped(
        text, in: area, style: context.style(label.isEmpty ? .hint : .plain),
        ellipsis: context.glyphs.ellipsis)
    }
  }

  private func lines(_ context: PanelContext) -> [(String, String)] {
    let snapshot = context.snapshot
    let g = context.glyphs
    let square = g.text("²")
    let exact = snapshot.exact
    let names = context.names
    var result: [(String, String)] = [
      (
        "f(x) =",
        formula(snapshot.scenario.objective.spec, kind: snapshot.distribution.kind, square: square)
      ),
      ("L = E[f(x)] =", ScreenFormat.short(exact.loss)),
    ]
    if VariableSelection(snapshot.distribution).isMany {
      // D components do not fit one line: the gradient's size and the selected component.
      let norm = exact.gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
      let selected =
        exact.gradient.indices.contains(context.selected)
        ? ScreenFormat.short(exact.gradient[context.selected]) : ScreenFormat.missing
      result.append(
        ("exact:", "|g| \(ScreenFormat.short(norm)), dL/d(\(context.selectedName)) \(selected)"))
      result.append(
        (
          "",
          "The score function multiplies f by the sum of D scores, so its noise grows with D; "
            + "ARM, DisARM and IndeCateR work variable by variable."
        ))
      return result
    }
    let gradient = zip(names, exact.gradient).map {
      "dL/d\($0.0.replacingSpaces) \(ScreenFormat.short($0.1))"
    }
    result.append(("exact:", gradient.joined(separator: ", ")))
    if snapshot.distribution.kind == .gaussian {
      result.append(("score fn:", "f(x) (x - mean) / std\(square)"))
      result.append(("reparam:", "f'(x), and f'(x) eps"))
      result.append(("", "Score fn sees only f(x); reparam also uses f'(x)."))
    } else {
      result.append(
        (
          "",
          "Gumbel-softmax and ST-Gumbel follow E[f(y)] of the relaxed y, so they are biased for L."
        ))
    }
    return result
  }

  private func formula(_ objective: ObjectiveSpec, kind: DistributionKind, square: String) -> String
  {
    let vector = { (v: [Double]) in "(" + v.map(ScreenFormat.short).joined(separator: ", ") + ")" }
    switch (objective, kind) {
    case (.quadratic(let t), .categorical): return "||x - t||\(square), t = \(vector(t))"
    case (.quadratic(let t), _): return "(x - \(ScreenFormat.short(t.first ?? 0)))\(square)"
    case (.linear(let w), .categorical): return "w . x, w = \(vector(w))"
    case (.linear(let w), _): return "\(ScreenFormat.short(w.first ?? 0)) x"
    case (.cosine(let w), _): return "cos(\(ScreenFormat.short(w)) x)"
    case (.table(let v), .bernoulli):
      return "table: f(0) = \(ScreenFormat.short(v[0])), f(1) = \(ScreenFormat.short(v[1]))"
    case (.table(let v), _): return "table, f(e_j) = \(vector(v))"
    case (.step(let c), _): return "1 if x > \(ScreenFormat.short(c)) else 0"
    case (.meanSquared(let t, _), _): return "mean_d (v_d - \(ScreenFormat.short(t)))\(square)"
    case (.squaredMean(let t, _), _): return "(mean_d v_d - \(ScreenFormat.short(t)))\(square)"
    case (.model(let m), _): return m.name
    }
  }
}

extension String {
  /// "logit 1" as "logit1", for compact derivative labels (dL/dlogit1).
  fileprivate var replacingSpaces: String { String(filter { $0 != " " }) }
}
