import Foundation

/// The repository this fuzzer was built from (`Fuzz/Sources/FuzzSupport/` is three levels down).
public let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// The bundled curricula.
public let bundledCurricula = repository.appendingPathComponent("Curricula")

/// libFuzzer's input as `Data`.
public func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Data {
    guard let start, count > 0 else { return Data() }
    return Data(bytes: start, count: count)
}

/// A broken promise is a crash: libFuzzer keeps the input that caused it.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("fuzz property failed: \(message())\n".utf8))
        abort()
    }
}

/// Every error a person sees is one line: no newline, not empty.
public func requireOneLine(_ text: String, _ what: String) {
    require(!text.isEmpty && !text.contains("\n") && !text.contains("\r"), "\(what) is not one line: \(text.debugDescription.prefix(500))")
}

/// A fresh folder for scratch files, on tmpfs when there is one (the fuzzers write every run).
public func scratchFolder(_ name: String) -> URL {
    let root = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
    let url = root.appendingPathComponent("headway-fuzz-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
