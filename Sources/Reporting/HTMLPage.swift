/// A single self-contained HTML page: inline CSS, inline SVG, no network. Prints on A4 and
/// reads on a phone. Every piece of user text goes through ``HTMLPage/escape(_:)``.
struct HTMLPage {
  var title: String
  var language: InterfaceLanguage
  private(set) var body: [String] = []

  init(title: String, language: InterfaceLanguage) {
    self.title = title
    self.language = language
  }

  mutating func add(_ html: String) { body.append(html) }

  var rendered: String {
    """
    <!DOCTYPE html>
    <html lang="\(language == .zh ? "zh-CN" : "en")">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(Self.escape(title))</title>
    <style>\(Self.css)</style>
    </head>
    <body>
    <main>
    \(body.joined(separator: "\n"))
    </main>
    </body>
    </html>

    """
  }

  /// Escapes text for HTML content and attribute values.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in TerminalText.visible(text).unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        if c.value < 0x20 && c != "\n" && c != "\t" { continue }
        if c.value == 0x7F { continue }
        out.unicodeScalars.append(c)
      }
    }
    return out
  }

  static let css = """
    :root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--good:#2f855a;--part:#b7791f;--bad:#c53030;--accent:#2b6cb0;--bg:#f7f9fb}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
    main{max-width:960px;margin:0 auto;padding:16px}
    h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:20px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
    h3{font-size:16px;margin:14px 0 6px}
    .meta{color:var(--muted);font-size:13px}
    .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:12px 0;break-inside:avoid}
    .verdict{font-size:28px;font-weight:700}.pass{color:var(--good)}.fail{color:var(--bad)}
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:12px}
    table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
    th{color:var(--muted);font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
    .bar{height:10px;background:var(--line);border-radius:5px;overflow:hidden;min-width:80px}.bar>span{display:block;height:100%;background:var(--accent)}
    .met{color:var(--good)}.partial{color:var(--part)}.missed{color:var(--bad)}.na{color:var(--muted)}
    .evidence{color:var(--muted);font-size:13px}.tip{font-size:13px}
    .turn{border-left:3px solid var(--line);padding:4px 10px;margin:8px 0;break-inside:avoid}
    .turn .me{font-weight:600}.turn .them{color:#334e68}.turn .notes{font-size:13px}
    .tag{display:inline-block;border-radius:4px;padding:0 6px;margin:2px 4px 2px 0;font-size:12px;border:1px solid var(--line)}
    .tag.met{border-color:var(--good)}.tag.bad{border-color:var(--bad);color:var(--bad)}.tag.partial{border-color:var(--part)}
    svg{max-width:100%;height:auto}
    @media (max-width:600px){main{padding:8px}.verdict{font-size:22px}th,td{padding:4px}}
    @page{size:A4;margin:14mm}
    @media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}.card{border:none;padding:0}a{color:inherit}}
    """
}
