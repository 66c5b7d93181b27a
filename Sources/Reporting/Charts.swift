import Foundation

/// Inline SVG charts for the HTML reports.
enum Charts {
  /// A radar chart of area scores (0-100); falls back to bars with fewer than three areas.
  static func radar(_ values: [(label: String, value: Int)], size: Int = 320) -> String {
    guard values.count >= 3 else { return bars(values) }
    // Labels sit outside the web: leave room for them on both sides.
    let width = size + 220
    let cx = Double(width) / 2
    let c = Double(size) / 2
    let r = c - 50
    func point(_ i: Int, _ fraction: Double) -> (Double, Double) {
      let angle = -Double.pi / 2 + 2 * Double.pi * Double(i) / Double(values.count)
      return (cx + cos(angle) * r * fraction, c + sin(angle) * r * fraction)
    }
    var svg = "<svg viewBox=\"0 0 \(width) \(size)\" role=\"img\" aria-label=\"radar\">"
    for ring in [0.25, 0.5, 0.75, 1.0] {
      let pts = values.indices.map { point($0, ring) }.map {
        String(format: "%.1f,%.1f", $0.0, $0.1)
      }
      svg += "<polygon points=\"\(pts.joined(separator: " "))\" fill=\"none\" stroke=\"#d9e2ec\"/>"
    }
    for (i, v) in values.enumerated() {
      let (x, y) = point(i, 1)
      svg += String(
        format: "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#d9e2ec\"/>", cx, c,
        x, y)
      let (lx, ly) = point(i, 1.18)
      // Labels left of the centre end at their point, labels right of it start there.
      let anchor = abs(lx - cx) < 8 ? "middle" : (lx > cx ? "start" : "end")
      svg += String(
        format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"%@\" fill=\"#334e68\">",
        lx, ly + 4, anchor)
      svg += "\(HTMLPage.escape(v.label)) \(v.value)</text>"
    }
    let pts = values.enumerated().map {
      point($0.offset, Double(max(0, min(100, $0.element.value))) / 100)
    }
    .map { String(format: "%.1f,%.1f", $0.0, $0.1) }
    svg +=
      "<polygon points=\"\(pts.joined(separator: " "))\" fill=\"rgba(43,108,176,.25)\" stroke=\"#2b6cb0\" stroke-width=\"2\"/>"
    return svg + "</svg>"
  }

  /// Horizontal bars, one per value (0-100).
  static func bars(_ values: [(label: String, value: Int)]) -> String {
    var html = "<table>"
    for v in values {
      html +=
        "<tr><td>\(HTMLPage.escape(v.label))</td><td style=\"width:55%\"><div class=\"bar\"><span style=\"width:\(max(0, min(100, v.value)))%\"></span></div></td><td class=\"num\">\(v.value)</td></tr>"
    }
    return html + "</table>"
  }

  /// A line chart of totals over attempts, with the pass mark as a dashed line.
  static func trend(
    _ points: [(label: String, value: Int)], passMark: Int = 60, width: Int = 640, height: Int = 220
  )
    -> String
  {
    guard !points.isEmpty else { return "" }
    let left = 36.0
    let bottom = Double(height) - 28
    let top = 12.0
    let right = Double(width) - 12
    func x(_ i: Int) -> Double {
      points.count == 1
        ? (left + right) / 2 : left + (right - left) * Double(i) / Double(points.count - 1)
    }
    func y(_ v: Int) -> Double { bottom - (bottom - top) * Double(max(0, min(100, v))) / 100 }
    var svg = "<svg viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"trend\">"
    for v in [0, 50, 100] {
      svg += String(
        format: "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#d9e2ec\"/>", left,
        y(v), right, y(v))
      svg += String(
        format: "<text x=\"4\" y=\"%.1f\" font-size=\"11\" fill=\"#616e7c\">%d</text>", y(v) + 4, v)
    }
    svg += String(
      format:
        "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#c53030\" stroke-dasharray=\"4 4\"/>",
      left,
      y(passMark), right, y(passMark))
    let path = points.enumerated().map {
      String(format: "%.1f,%.1f", x($0.offset), y($0.element.value))
    }
    svg +=
      "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\"/>"
    for (i, p) in points.enumerated() {
      svg += String(
        format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#2b6cb0\"><title>", x(i), y(p.value)
      )
      svg += "\(HTMLPage.escape(p.label)): \(p.value)</title></circle>"
      if points.count <= 12 {
        // The first and last labels hang inwards, so a date at either end is not cut off.
        let anchor =
          points.count == 1 ? "middle" : i == 0 ? "start" : i == points.count - 1 ? "end" : "middle"
        svg += String(
          format:
            "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"%@\" fill=\"#616e7c\">",
          i == 0 && points.count > 1 ? x(i) - 8 : x(i), height - 8, anchor)
        svg += "\(HTMLPage.escape(p.label))</text>"
      }
    }
    return svg + "</svg>"
  }
}
