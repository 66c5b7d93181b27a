import VisitCoachModel
import Yams

/// A catalogue file (`scenarios/catalog/*.yaml`) scenarios share: fictional brands under
/// `brands:`, or the visit-bag list under `items:`.
enum CatalogDocument {
  static func read(_ root: Yams.Node, sink: DiagnosticSink) -> (brands: [Brand], items: [VisitItem])
  {
    guard let r = MapReader(root, path: "", sink: sink) else { return ([], []) }
    defer { r.finish() }
    FormatVersion.check(r)
    if r.has("items") && !r.has("brands") { return ([], items(r)) }
    return (brands(r), [])
  }

  /// The visit-bag list: what a customer manager can pack (action 3).
  private static func items(_ r: MapReader) -> [VisitItem] {
    var items: [VisitItem] = []
    var seen: [String: Int] = [:]
    r.list("items", required: "the visit-bag items") { item, _ in
      guard let id = uniqueID(item, kind: "item", example: "price-tags", seen: &seen) else {
        return
      }
      let name = item.string("name", required: "the display name, e.g. 价签")?.value ?? id.value
      items.append(
        VisitItem(id: id.value, name: name, aliases: item.strings("aliases").map(\.value)))
    }
    return items
  }

  private static func brands(_ r: MapReader) -> [Brand] {
    var brands: [Brand] = []
    var seen: [String: Int] = [:]
    r.list("brands", required: "the list of brands") { item, _ in
      guard let id = uniqueID(item, kind: "brand", example: "jinqiao-slim", seen: &seen) else {
        return
      }
      let name = item.string("name", required: "the display name, e.g. 金桥(细支)")?.value ?? id.value
      brands.append(
        Brand(
          id: id.value, name: name, aliases: item.strings("aliases").map(\.value),
          priceClass: item.int("class", in: 1...5, required: "the price class 1-5 (一类 to 五类)")?
            .value ?? 3,
          flavour: item.string("flavour", required: "the flavour type, e.g. 烤烟型清香")?.value ?? "",
          family: item.string("family", required: "the brand family, e.g. 金桥")?.value ?? "",
          origin: item.string("origin", required: "where it is made")?.value ?? "",
          packPrice: item.int(
            "pack_price", in: 1...1000, required: "the retail price per pack, yuan")?.value ?? 0,
          isNew: item.bool("new_product")?.value ?? false,
          sellingPoints: item.strings("selling_points").map(\.value),
          buyers: item.strings("buyers").map(\.value)))
    }
    return brands
  }

  /// An entry's required `id`; a repeated id is an error naming the first one's line.
  private static func uniqueID(
    _ item: MapReader, kind: String, example: String, seen: inout [String: Int]
  ) -> Located<String>? {
    guard let id = item.string("id", required: "the \(kind)'s id, e.g. \(example)") else {
      return nil
    }
    if let line = seen[id.value] {
      item.sink.error(
        at: id.mark, id.keyPath, "duplicate \(kind) id '\(id.value)' (first at line \(line))")
    }
    seen[id.value] = id.mark.line
    return id
  }
}
