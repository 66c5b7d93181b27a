import Foundation

/// libFuzzer's entry point: one input through the harness. Only a libFuzzer build calls it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  FuzzHarness.run(Data(bytes: bytes, count: count))
  return 0
}

/// libFuzzer's driver, when this program was linked with it (`make fuzz`).
typealias FuzzerDriver =
  @convention(c) (
    UnsafeMutablePointer<Int32>,
    UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
  ) -> Int32

/// The driver, found at run time: a plain build has none, so the same program also builds in
/// `make test` (where it replays the corpus) without libFuzzer.
func linkedFuzzerDriver() -> FuzzerDriver? {
  dlsym(UnsafeMutableRawPointer(bitPattern: 0), "LLVMFuzzerRunDriver").map {
    unsafeBitCast($0, to: FuzzerDriver.self)
  }
}
