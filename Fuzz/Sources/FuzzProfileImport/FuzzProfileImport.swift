import Foundation
import FuzzSupport
import HeadwayStore

/// One scratch database for the whole run; every import is deleted again afterwards.
let store: Store = try! Store.open(at: scratchFolder("import").appendingPathComponent("headway.sqlite").path)

/// `headway profile import FILE`: decode the document, import it in one transaction, then
/// export what was stored.
///
/// Properties: a refusal is one line; whatever was imported exports to a document that decodes
/// and imports again; a refused import leaves no profile behind.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProfileImport(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let archive: ProfileArchive
    do {
        archive = try ProfileArchive.decode(bytes(start, count), path: "fuzz.json")
    } catch {
        requireOneLine("\(error)", "decode error")
        return 0
    }
    let profile: Profile
    do {
        profile = try store.importArchive(archive)
    } catch {
        requireOneLine("\(error)", "import error")
        require((try? store.profiles().isEmpty) == true, "a refused import left a profile behind")
        return 0
    }
    defer { try! store.deleteProfile(named: profile.name) }
    let exported: Data
    do { exported = try store.export(profile).encoded() } catch {
        require(false, "an imported profile does not export: \(error)")
        return 0
    }
    do {
        let again = try ProfileArchive.decode(exported, path: "again.json")
        let copy = try store.importArchive(again, as: profile.name == "round-trip" ? "round-trip-2" : "round-trip")
        try store.deleteProfile(named: copy.name)
    } catch {
        require(false, "an export of an imported profile does not import again: \(error)")
    }
    return 0
}
