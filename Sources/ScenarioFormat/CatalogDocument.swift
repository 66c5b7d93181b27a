import VisitCoachModel
import Yams

/// A catalogue file (`scenarios/catalog/*.yaml`) scenarios share: fictional brands under
/// `brands:`, the visit-bag list under `items:`, or the wardrobe under `wardrobe:`.
enum CatalogDocument {
  /// What one catalogue file holds.
  struct Contents {
    var brands: [Brand] = []
    var items: [VisitItem] = []
    var wardrobe: [WardrobeItem] = []
  }

  static func read(_ root: Yams.Node, sink: DiagnosticSink) -> Contents {
    guard let r = MapReader(root, path: "", sink: sink, document: .catalogue) else {
      return Contents()
    }
    defer { r.finish() }
    FormatVersion.check(r)
    if r.has("wardrobe") && !r.has("brands") && !r.has("items") {
      return Contents(wardrobe: wardrobe(r))
    }
    if r.has("items") && !r.has("brands") { return Contents(items: items(r)) }
    return Contents(brands: brands(r))
  }

  /// The wardrobe: what a customer manager can wear or do before a visit, and whether it fits
  /// (action 4).
  private static func wardrobe(_ r: MapReader) -> [WardrobeItem] {
    var items: [WardrobeItem] = []
    var seen: [String: Int] = [:]
    r.list("wardrobe", required: true) { item, _ in
      guard let id = uniqueID(item, kind: .wardrobeItem, seen: &seen) else { return }
      items.append(
        WardrobeItem(
          id: id.value, name: item.string("name", required: true)?.value ?? id.value,
          aliases: item.strings("aliases", items: .words).map(\.value),
          fits: item.bool("fits")?.value ?? true,
          why: item.string("why", required: true)?.value ?? ""))
    }
    return items
  }

  /// The visit-bag list: what a customer manager can pack (action 3).
  private static func items(_ r: MapReader) -> [VisitItem] {
    var items: [VisitItem] = []
    var seen: [String: Int] = [:]
    r.list("items", required: true) { item, _ in
      guard let id = uniqueID(item, kind: .visitBagItem, seen: &seen) else {
        return
      }
      let name = item.string("name", required: true)?.value ?? id.value
      items.append(
        VisitItem(
          id: id.value, name: name, aliases: item.strings("aliases", items: .words).map(\.value)))
    }
    return items
  }

  private static func brands(_ r: MapReader) -> [Brand] {
    var brands: [Brand] = []
    var seen: [String: Int] = [:]
    r.list("brands", required: true) { item, _ in
      guard let id = uniqueID(item, kind: .brand, seen: &seen) else {
        return
      }
      let name = item.string("name", required: true)?.value ?? id.value
      var brand = Brand(
        id: id.value, name: name, aliases: item.strings("aliases", items: .words).map(\.value),
        priceClass: item.int("class", in: 1...5, required: true)?
          .value ?? 3,
        flavour: item.string("flavour", required: true)?.value ?? "",
        family: item.string("family", required: true)?.value ?? "",
        origin: item.string("origin", required: true)?.value ?? "",
        packPrice: item.int(
          "pack_price", in: 1...1000, required: true)?.value ?? 0,
        isNew: item.bool("new_product")?.value ?? false,
        sellingPoints: item.strings("selling_points").map(\.value),
        buyers: item.strings("buyers").map(\.value))
      brand.minTier = item.int("min_tier", in: 1...100)?.value
      brands.append(brand)
    }
    return brands
  }

  /// An entry's required `id`; a repeated id is an error naming the first one's line.
  private static func uniqueID(
    _ item: MapReader, kind: ReferenceKind, seen: inout [String: Int]
  ) -> Located<String>? {
    guard let id = item.string("id", required: true) else { return nil }
    if let line = seen[id.value] {
      item.sink.error(
        at: id.mark, id.keyPath,
        .duplicateID(kind: kind, id: id.value, firstLine: line, otherFile: nil))
    }
    seen[id.value] = id.mark.line
    return id
  }
}
