/// An estimator's state after `step` updates: the exact loss and the distribution's own
/// parameters (the logits, `[log-odds]`, or `[mean, std]`).
public struct TracePoint: Sendable, Equatable {
  public var step: Int
  public var loss: Double
  public var parameters: [Double]

  public init(step: Int, loss: Double, parameters: [Double]) {
    self.step = step
    self.loss = loss
    self.parameters = parameters
  }
}
