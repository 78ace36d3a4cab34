import SampleGradCore
import SampleGradEngine

extension LiveView {
  /// The panels for the screen's size: header, parameters, samples, the relaxed vectors or
  /// the density, the objective, the variance chart, the lesson, the MSE table, the rows,
  /// the status line and the footer. On D variables: the marginals, the selected variable
  /// and the rows ranked by their totals instead.
  func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
    let snapshot = context.snapshot
    let theme = context.theme
    let chrome = context.tour
    let frame = PanelFrame(snapshot: snapshot, selected: context.selectedParameter, pin: pin)
    let lesson = lessonContent(snapshot, options: context.options, tour: chrome)
    let layout = ScreenLayout(
      width: area.width, height: area.height, snapshot: snapshot, lesson: lesson?.text,
      lessonShown: showsLesson, middle: middle)
    let variables = VariableSelection(snapshot.distribution)
    HeaderPanel(frame: frame, tourLabel: chrome?.label(theme.glyphs)).draw(
      into: &buffer, in: layout.header, theme: theme)
    ParametersPanel(frame: frame).draw(into: &buffer, in: layout.parameters, theme: theme)
    if let histogram = layout.histogram {
      SamplesPanel(frame: frame).draw(into: &buffer, in: histogram, theme: theme)
    }
    if let marginals = layout.marginals {
      MarginalsPanel(frame: frame).draw(into: &buffer, in: marginals, theme: theme)
    }
    if let pane = layout.samples {
      // A learned control variate on (RELAX, LAX) shares the samples pane: below the samples
      // where there is room, in their place where there is not.
      var samples: Rect? = pane
      if let curve = snapshot.surrogate {
        let surrogate: Rect
        if pane.height >= Self.sharedSamplesHeight {
          let (top, bottom) = pane.splitTop(pane.height / 2)
          samples = top
          surrogate = bottom
        } else {
          samples = nil
          surrogate = pane
        }
        SurrogatePanel(curve: curve).draw(into: &buffer, in: surrogate, theme: theme)
      }
      drawSamples(into: &buffer, in: samples, frame: frame, theme: theme)
    }
    if let objective = layout.objective {
      ObjectivePanel(frame: frame).draw(into: &buffer, in: objective, theme: theme)
    }
    if let chart = layout.chart {
      VarianceChartPanel(frame: frame, total: variables.isMany).draw(
        into: &buffer, in: chart, theme: theme)
    }
    if let pane = layout.lesson, let lesson {
      LessonPanel(content: lesson).draw(into: &buffer, in: pane, theme: theme)
    }
    if let table = layout.table {
      MeanSquaredErrorTablePanel(frame: frame).draw(into: &buffer, in: table, theme: theme)
    }
    if variables.isMany {
      RankedEstimatorsPanel(
        frame: frame, collapsesOffRows: layout.collapsesOffRows, showsComponent: showsComponent
      ).draw(into: &buffer, in: layout.estimators, theme: theme)
    } else {
      EstimatorsPanel(frame: frame, collapsesOffRows: layout.collapsesOffRows).draw(
        into: &buffer, in: layout.estimators, theme: theme)
    }
    StatusLine(
      frame: frame, message: context.message, lessonHint: layout.lessonInStatus ? lesson : nil,
      pauseKey: TourChrome.pauseKey(inTour: chrome != nil)
    ).draw(into: &buffer, in: layout.status, theme: theme)
    FooterPanel(
      hasTemperature: snapshot.distribution.temperature != nil,
      scalesSelection: Self.selectionScales(snapshot, selected: context.selectedParameter),
      cyclesMiddle: layout.needsMiddle, tour: chrome, variables: variables
    ).draw(into: &buffer, in: layout.footer, theme: theme)
  }

  /// Rows the samples pane needs to hold both the samples and a learned surrogate.
  static let sharedSamplesHeight = 14

  /// The relaxed vectors, a gaussian's density, or the selected variable of many.
  private func drawSamples(
    into buffer: inout Buffer, in rect: Rect?, frame: PanelFrame, theme: Theme
  ) {
    guard let rect else { return }
    if VariableSelection(frame.snapshot.distribution).isMany {
      VariablePanel(frame: frame).draw(into: &buffer, in: rect, theme: theme)
    } else if !frame.snapshot.scenario.distribution.isDiscrete {
      DensityPanel(frame: frame).draw(into: &buffer, in: rect, theme: theme)
    } else {
      RelaxedPanel(frame: frame).draw(into: &buffer, in: rect, theme: theme)
    }
  }
}
