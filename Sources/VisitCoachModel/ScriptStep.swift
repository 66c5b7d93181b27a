/// One line of trainee input: something said, or a command.
public enum ScriptStep: Sendable, Equatable {
  case say(String)
  case wait
  case look
  case next
  case hint
  case undo
  case restart
  case quit
  /// Count the stock with the retailer (costs the time of a look).
  case stock
  /// The visit record: `内容 | 诉求 | 承诺 | 下次目标`.
  case record(String)
  /// Packing the visit bag before arriving: item names separated by spaces or 、.
  case pack(String)
  /// The visit's purpose and plan, stated before arriving.
  case plan(String)
  /// The appearance checked before arriving: what the trainee wears and does (wardrobe item
  /// names or numbers: 工装 工作证 皮鞋), or, in a library without a wardrobe, the check itself.
  case ready(String)
  /// Commands that only show something (/help, /status, /score): no effect on the visit.
  case show(String)
}
