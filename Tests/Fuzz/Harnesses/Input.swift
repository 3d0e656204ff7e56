// libFuzzer harness: the input-data readers, `--input -` (numbers) and `apply` (CSV feature
// maps), through `Activ.run`.
//
// The first byte picks a command line, the rest is its standard input.
import ActivCLI

let commands: [[String]] = [
  ["eval", "relu", "--input", "-"],
  ["grad", "gelu", "--input", "-", "--format", "table"],
  ["table", "relu", "x^2", "--input", "-", "--precision", "3"],
  ["apply", "relu"],
  ["apply", "x*sigmoid(x)", "--grad", "--input", "-"],
  ["apply", "maxout"],
  ["apply", "maxout(k=3)", "--grad"],
  ["apply", "frelu"],
  ["apply", "frelu(kernel=[0,0,0,0,2,0,0,0,0], gamma=0.5, beta=1)", "--grad"],
  ["apply", "prelu(weight=[0.1,0.5])"],
  ["apply", "rrelu", "--seed", "7"],
  ["apply", "meta_acon"],
  ["apply", "meta_acon(design=pixel)", "--grad"],
  ["apply", "meta_acon(design=layer, r=1)"],
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size > 0 else { return 0 }
  let bytes = UnsafeBufferPointer(start: data, count: size)
  runActiv(commands[Int(bytes[0]) % commands.count], stdin: Array(bytes.dropFirst()))
  return 0
}
