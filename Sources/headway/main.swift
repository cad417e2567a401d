import Foundation
import HeadwayCLI

exit(runCommand(Array(CommandLine.arguments.dropFirst())))
