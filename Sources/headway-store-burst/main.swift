// Test support for HeadwayStoreTests, not shipped in the `headway` product: writes a burst of
// log rows through the real `Store`, one transaction each, and prints each row's id on its own
// line only after its commit returned, so a test that kills this process knows exactly which
// rows were acknowledged. Its second use imports a profile export, so two processes can import
// into one database at once.
//
//     headway-store-burst DB PROFILE COUNT
//     headway-store-burst import DB EXPORT NAME
import Foundation
import HeadwayCore
@_spi(Fixtures) import HeadwayStore

let args = CommandLine.arguments
if args.count == 5, args[1] == "import" {
    do {
        let archive = try ProfileArchive.decode(try Data(contentsOf: URL(fileURLWithPath: args[3])), path: args[3])
        let store = try Store.open(at: args[2])
        _ = try store.importArchive(archive, as: args[4])
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}
guard args.count == 4, let count = Int(args[3]) else {
    FileHandle.standardError.write(Data("usage: headway-store-burst DB PROFILE COUNT | headway-store-burst import DB EXPORT NAME\n".utf8))
    exit(64)
}
do {
    let store = try Store.open(at: args[1])
    let profile: Profile
    do { profile = try store.profile(named: args[2]) } catch StoreError.noSuchProfile {
        // Two bursts may race to create it; the loser reads the winner's.
        do { profile = try store.createProfile(named: args[2]) } catch StoreError.profileExists {
            profile = try store.profile(named: args[2])
        }
    }
    let day = Day("2026-11-23")!
    for i in 0..<count {
        let row = try store.addLog(
            LogEntry(
                date: day.adding(days: i % 365), skill: "vllm", level: 1 + i % 4,
                hours: 0.5, status: .done, note: "burst \(args[2]) \(i)"), for: profile)
        // write(2) directly: nothing sits in a buffer when the process is killed.
        FileHandle.standardOutput.write(Data("\(row.id)\n".utf8))
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
