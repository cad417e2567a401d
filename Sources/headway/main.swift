import Foundation
import HeadwayCLI

let arguments = Array(CommandLine.arguments.dropFirst())
CurriculaPrefetch.start(arguments)
let code = runCommand(arguments)
CurriculaPrefetch.finish()
exit(code)
