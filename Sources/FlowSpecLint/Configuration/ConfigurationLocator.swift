import FlowSpecModel
import Foundation

/// Finds the configuration file that applies to a spec.
///
/// Starting in the spec's folder and going up one folder at a time, it looks for `.flowspec.yaml`,
/// `.flowspec.yml` and `.flowspec.json`, and stops at the first folder that has one (configurations
/// are not merged). The walk also stops, after looking in it, at a folder that holds `.git` (the
/// repository's root: a configuration above the repository does not belong to it), at the user's home
/// folder and at `/`. Two configuration files in the same folder are an error.
public enum ConfigurationLocator {
    /// The names looked for in each folder, in this order.
    public static let fileNames = [".flowspec.yaml", ".flowspec.yml", ".flowspec.json"]

    /// The path of the configuration file for a spec in `directory`, or `nil` when there is none.
    ///
    /// - Parameter homeDirectory: the folder above which the walk never goes; `nil` for the user's home.
    public static func find(
        startingAt directory: String, homeDirectory: String? = nil
    ) throws(InvalidConfiguration) -> String? {
        let fileManager = FileManager.default
        let home = PathResolver.normalize(PathResolver.absolute(homeDirectory ?? NSHomeDirectory()))
        var folder = PathResolver.normalize(PathResolver.absolute(directory))
        while true {
            let found = fileNames.map { join(folder, $0) }.filter { path in
                var isDirectory: ObjCBool = false
                return fileManager.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
            if found.count > 1 {
                throw InvalidConfiguration([
                    ConfigurationError(
                        .configAmbiguous,
                        "more than one configuration file in `\(folder)`: "
                            + found.map { "`\($0)`" }.joined(separator: ", "),
                        at: nil, hint: "keep one of them, or name one with --config")
                ])
            }
            if let path = found.first { return path }
            if fileManager.fileExists(atPath: join(folder, ".git")) || folder == home || folder == "/" { return nil }
            folder = PathResolver.parent(of: folder)
        }
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder == "/" ? "/" + name : folder + "/" + name
    }
}
