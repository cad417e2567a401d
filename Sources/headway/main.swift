import Foundation
import HeadwayCLI

let arguments = Array(CommandLine.arguments.dropFirst())
CurriculaPrefetch.start(arguments)
StoresUntilExit.start()
let code = runCommand(arguments)
StoresUntilExit.finish()
CurriculaPrefetch.finish()
exit(code)
