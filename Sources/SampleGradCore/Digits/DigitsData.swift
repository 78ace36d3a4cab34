/// The binarized digits the model trains on: scikit-learn's copy of UCI optdigits (1,797
/// images of 8 x 8 pixels; CC BY 4.0, E. Alpaydin and C. Kaynak, see NOTICE), each pixel
/// `1[value >= 8]`. Training images are rows 0..1499 in file order, test images rows
/// 1500..1796.
public struct DigitImages: Sendable {
  /// Pixels per image.
  public static let pixels = 64
  /// `count x 64` pixels, 0 or 1, row-major (pixel `i` of image `n` at `64 n + i`).
  public let pixels: [Double]
  /// Each image's digit, 0..9.
  public let labels: [Int]

  public var count: Int { labels.count }

  /// Image `n`'s 64 pixels.
  public func image(_ n: Int) -> ArraySlice<Double> {
    pixels[(n * Self.pixels)..<((n + 1) * Self.pixels)]
  }

  /// Rows `range` of these images.
  public func rows(_ range: Range<Int>) -> DigitImages {
    DigitImages(
      pixels: Array(pixels[(range.lowerBound * Self.pixels)..<(range.upperBound * Self.pixels)]),
      labels: Array(labels[range]))
  }

  /// The mean of each pixel over the images.
  public var pixelMeans: [Double] {
    var sums = [Double](repeating: 0, count: Self.pixels)
    for n in 0..<count {
      for i in 0..<Self.pixels { sums[i] += pixels[n * Self.pixels + i] }
    }
    return sums.map { $0 / Double(count) }
  }
}

/// The shipped data set and its pinned split.
public enum DigitsData {
  /// Rows in the file.
  public static let rowCount = 1797
  /// Rows `0..<trainingCount` are the training set; the rest the test set.
  public static let trainingCount = 1500

  /// Every image in file order, decoded once from `packed`.
  public static let all: DigitImages = decode(packed)
  /// Rows 0..1499.
  public static let training: DigitImages = all.rows(0..<trainingCount)
  /// Rows 1500..1796.
  public static let test: DigitImages = all.rows(trainingCount..<rowCount)

  /// Decodes lines of 16 hex digits (bit `i` = pixel `i`) and a label digit.
  static func decode(_ text: String) -> DigitImages {
    var pixels: [Double] = []
    var labels: [Int] = []
    pixels.reserveCapacity(rowCount * DigitImages.pixels)
    for line in text.split(separator: "\n") {
      let row = line.trimmingPrefixSpaces()
      guard row.count == 17, let word = UInt64(row.prefix(16), radix: 16),
        let label = Int(row.suffix(1))
      else { preconditionFailure("a packed digits line is malformed: \(row)") }
      for i in 0..<DigitImages.pixels { pixels.append(Double((word >> UInt64(i)) & 1)) }
      labels.append(label)
    }
    return DigitImages(pixels: pixels, labels: labels)
  }
}

extension Substring {
  fileprivate func trimmingPrefixSpaces() -> Substring {
    drop { $0 == " " }
  }
}
