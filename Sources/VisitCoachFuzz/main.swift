import Foundation

// Built with libFuzzer (`make fuzz`), this is the fuzzer: libFuzzer's own options and corpus
// folders are the arguments. Built plainly (as `make test` does), it replays a corpus: every file
// in the folders given goes through the harness once, so what the fuzzer found stays checked.
if let driver = linkedFuzzerDriver() {
  var argc = CommandLine.argc
  var argv = CommandLine.unsafeArgv
  exit(driver(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) })
}
var count = 0
for folder in CommandLine.arguments.dropFirst() {
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  for name in names.sorted() {
    guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
    FuzzHarness.run(data)
    count += 1
  }
}
print("fuzz corpus (\(FuzzHarness.mode.rawValue)): \(count) inputs, no invariant broken")
