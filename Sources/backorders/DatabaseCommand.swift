import ArgumentParser
import BackorderCore
import BackorderStorePostgres
import Foundation

/// `backorders db …`: a warehouse on a PostgreSQL server.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: DatabaseCommandText.db.text, discussion: DatabaseCommandText.dbDiscussion.text,
        subcommands: [DatabaseInit.self]
    )
}

/// `backorders db init URL [--clerk NAME]… [--supervisor NAME]…`
struct DatabaseInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: DatabaseCommandText.dbInit.text, discussion: DatabaseCommandText.dbInitDiscussion.text
    )
    @Argument(help: DatabaseCommandText.urlArgument.help(valueName: "url")) var url: String?
    @Option(name: .long, help: DatabaseCommandText.clerkOption.help(valueName: "role")) var clerk: [String] = []
    @Option(name: .long, help: DatabaseCommandText.supervisorOption.help(valueName: "role")) var supervisor: [String] = []
    @OptionGroup var db: DatabaseOptions

    func run() throws {
        try perform {
            let env = ProcessInfo.processInfo.environment["BACKORDERS_DB"]
            guard let text = [url, db.db, env].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
                throw BackorderError.invalid(.t(DatabaseCommandText.noURL))
            }
            guard PostgresURL.isPostgres(text) else { throw BackorderError.invalid(.t(DatabaseCommandText.notPostgres, text)) }
            let target = try PostgresURL(parsing: text)
            let bridge = PostgresBridge(url: target, maximumConnections: 1)
            defer { bridge.close() }
            let outcome = try PostgresSetup.initialize(bridge, clerks: clerk, supervisors: supervisor)
            let format = Plain(PostgresSetup.formatNumber)
            print(Localizer.process(outcome.created ? DatabaseCommandText.created : DatabaseCommandText.alreadyThere, target.description, format))
            print(Localizer.process(DatabaseCommandText.roles, PostgresSetup.clerkRole, PostgresSetup.supervisorRole))
            for name in outcome.clerks { print(Localizer.process(DatabaseCommandText.granted, name, PostgresSetup.clerkRole)) }
            for name in outcome.supervisors { print(Localizer.process(DatabaseCommandText.granted, name, PostgresSetup.supervisorRole)) }
        }
    }
}
