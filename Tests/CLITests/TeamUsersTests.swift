import Foundation
import XCTest

/// One data file, several real Unix users, as README's "A team on one server" sets them up: a clerk (in the clerks'
/// group, read-write), a supervisor (in the team, not a clerk: read only) and an outsider (neither). Each runs the real
/// binary as themselves through `runuser`.
///
/// Creating users takes root: anyone else gets a skip that says so.
final class TeamUsersTests: XCTestCase {
    static let clerk = "botest-clerk", supervisor = "botest-sup", outsider = "botest-none"
    static let clerks = "botest-clerks", team = "botest-team"
    /// The users and groups this run made (and removes at the end); ones already there are left as they were.
    nonisolated(unsafe) static var made: (users: [String], groups: [String]) = ([], [])
    /// The binary, where every test user can run it.
    nonisolated(unsafe) static var binary = ""
    nonisolated(unsafe) static var binaryCopy: URL?

    private var lab: ProcessLab!
    private var root: URL!
    /// The data file: root/team/data/w.sqlite, the team's folder closed to others, the data folder setgid for the clerks.
    private var db: String { root.appendingPathComponent("team/data/w.sqlite").path }
    private var dataFolder: String { root.appendingPathComponent("team/data").path }

    override class func setUp() {
        super.setUp()
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"),
              FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else { return }
        let lab = ProcessLab(dir: FileManager.default.temporaryDirectory)
        for group in [clerks, team] where (try? lab.run("/usr/bin/getent", ["group", group]))?.status != 0 {
            if (try? lab.run("/usr/sbin/groupadd", [group]))?.status == 0 { made.groups.append(group) }
        }
        for (user, groups) in [(clerk, "\(clerks),\(team)"), (supervisor, team), (outsider, "")] {
            if (try? lab.run("/usr/bin/id", [user]))?.status != 0 {
                if (try? lab.run("/usr/sbin/useradd", ["-M", "-s", "/bin/sh", user]))?.status == 0 { made.users.append(user) }
            }
            // A user left by an earlier run may have lost its groups with them: exactly these, whatever was before.
            _ = try? lab.run("/usr/sbin/usermod", ["-G", groups, user])
        }
    }

    override class func tearDown() {
        let lab = ProcessLab(dir: FileManager.default.temporaryDirectory)
        for user in made.users { _ = try? lab.run("/usr/sbin/userdel", ["-f", user]) }
        for group in made.groups { _ = try? lab.run("/usr/sbin/groupdel", [group]) }
        made = ([], [])
        if let copy = binaryCopy { try? FileManager.default.removeItem(at: copy) }
        binaryCopy = nil
        super.tearDown()
    }

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root: the test creates Unix users (useradd) and runs the binary as them (runuser)") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd"), FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else {
            throw XCTSkip("needs useradd and runuser (Debian's passwd and util-linux)")
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bo-team-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        lab = ProcessLab(dir: root)
        for user in [Self.clerk, Self.supervisor, Self.outsider] {
            guard try lab.run("/usr/bin/id", [user]).status == 0 else { throw XCTSkip("the test user \(user) could not be created") }
        }
        try findBinary()
        // README's layout: the team may enter, only clerks may write in the data folder (setgid: files stay the clerks').
        let team = root.appendingPathComponent("team").path, data = dataFolder
        for (args) in [["mkdir", "-m", "0750", team], ["chgrp", Self.team, team], ["mkdir", data], ["chgrp", Self.clerks, data],
                       ["chmod", "2775", data]] {
            let r = try lab.run("/usr/bin/env", args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        }
    }

    override func tearDownWithError() throws {
        lab?.stop()
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    // MARK: the tests

    /// No clerk has the file open: the supervisor lists, reports, shows and checks it, and browses it in the UI,
    /// where a clerk's write made meanwhile shows up without a key.
    func testSupervisorReadsWhenNoClerkHasTheFileOpen() throws {
        try makeFile()
        let attributes = try FileManager.default.attributesOfItem(atPath: db)
        XCTAssertEqual(attributes[.posixPermissions] as? Int, 0o664, "umask 002 makes the file group-writable")
        XCTAssertEqual(attributes[.groupOwnerAccountName] as? String, Self.clerks, "the setgid folder gives it the clerks' group")
        for suffix in ["-wal", "-shm"] {
            let a = try FileManager.default.attributesOfItem(atPath: db + suffix)
            XCTAssertEqual(a[.posixPermissions] as? Int, 0o664, "\(suffix) stays, with the file's permissions")
            XCTAssertEqual(a[.groupOwnerAccountName] as? String, Self.clerks)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: db))

        let list = try cli(Self.supervisor, ["list", "orders"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.contains("SO-000001"), list.stdout)
        for args in [["report", "aging"], ["report", "shortage"], ["show", "SO-000001"], ["list", "stock"], ["check"], ["who"]] {
            let r = try cli(Self.supervisor, args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "reading changed nothing")

        // The UI, browse only; a clerk's command meanwhile (a process that comes and goes) shows up by itself.
        let s = try lab.start("sup", asUser(Self.supervisor, [Self.binary, "ui", "--db", db, "--read-only"]))
        try lab.waitFor(s, "READ-ONLY")
        try lab.keys(s, "4")
        try lab.waitFor(s, "SKU-1")
        XCTAssertEqual(try cli(Self.clerk, ["item", "add", "SKU-NEW", "Arrived while a supervisor looked"]).status, 0)
        try lab.waitFor(s, "SKU-NEW", timeout: 5)
        try lab.keys(s, "q")
        try lab.waitForExit(s)
    }

    /// A clerk's UI holds the file (and writes through it): the supervisor reads the clerk's latest writes, `who` and
    /// the supervisor's status bar name the clerk, and the clerk's entry goes when the clerk quits.
    func testSupervisorReadsWhileAClerkHoldsTheFile() throws {
        try makeFile()
        let c = try lab.start("clerk", asUser(Self.clerk, [Self.binary, "ui", "--db", db]))
        try lab.waitFor(c, "SO-000001")
        let who = try cli(Self.supervisor, ["who"])
        XCTAssertEqual(who.status, 0, who.stderr)
        XCTAssertTrue(who.stdout.contains(Self.clerk), who.stdout)

        let sup = try lab.start("sup", asUser(Self.supervisor, [Self.binary, "ui", "--db", db, "--read-only"]))
        try lab.waitFor(sup, "also: \(Self.clerk)")
        // A receipt booked in the clerk's UI: the supervisor's list and UI have it at once.
        try lab.keys(c, "3"); try lab.waitFor(c, "PO-1/1")
        try lab.keys(c, "r"); try lab.waitFor(c, "Receive on PO-1/1")
        try lab.keys(c, "Enter"); try lab.waitFor(c, "Confirm receipt")
        try lab.keys(c, "Enter"); try lab.waitFor(c, "30 → SO-000001 line 1")
        let stock = try cli(Self.supervisor, ["list", "stock", "--json"])
        XCTAssertEqual(stock.status, 0, stock.stderr)
        XCTAssertTrue(stock.stdout.contains("\"onHand\" : 100"), "the supervisor reads the clerk's receipt: \(stock.stdout)")
        try lab.keys(sup, "3")
        try lab.waitFor(sup, "No expected arrivals", timeout: 5)

        try lab.keys(c, "Enter", "q")
        try lab.waitForExit(c)
        let after = try cli(Self.supervisor, ["who"])
        XCTAssertFalse(after.stdout.contains(Self.clerk), "the clerk's entry went with the UI: \(after.stdout)")
        XCTAssertTrue(after.stdout.contains("nobody"), after.stdout)
        try lab.keys(sup, "q")
        try lab.waitForExit(sup)
    }

    /// The supervisor may not write: every changing command, and the UI without --read-only, is refused with a message
    /// that says so and names the group that may; the file does not change.
    func testSupervisorCannotWrite() throws {
        try makeFile()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let expected = "backorders: you (\(Self.supervisor)) may read \(db) but not write it (the group \(Self.clerks) may); "
            + "nothing was changed: open it with --read-only to browse\n"
        for args in [["count", "SKU-1", "5"], ["receive", "PO-1/1", "30"], ["cancel", "SO-000001", "--reason", "test"], ["upgrade"]] {
            let r = try cli(Self.supervisor, args)
            XCTAssertEqual(r.status, 66, "\(args)")
            XCTAssertEqual(r.stderr, expected, "\(args)")
        }
        // The UI refuses before it takes the screen: the message is on the terminal, left as it was.
        let s = try lab.start("sup", asUser(Self.supervisor, [Self.binary, "ui", "--db", db]), showExit: true)
        let screen = try lab.waitFor(s, "[exited 66]")
        XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: "").contains("may read \(db) but not write it"), screen)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: db)), before, "nothing was written")
        XCTAssertEqual(try cli(Self.clerk, ["check"]).status, 0)
    }

    /// A user who may neither read nor write gets exactly that, whether the folder or the file shuts them out.
    func testAUserWithNoAccessIsToldExactlyThat() throws {
        try makeFile()
        let expected = "backorders: you (\(Self.outsider)) can neither read nor write \(db): its permissions (or its folder's) "
            + "give you no access; nothing was read or changed\n"
        for args in [["list", "orders"], ["count", "SKU-1", "5"], ["who"]] {
            let r = try cli(Self.outsider, args)
            XCTAssertEqual(r.status, 66, "\(args)")
            XCTAssertEqual(r.stderr, expected, "\(args)")
        }
        // The folders open, the file itself closed to others.
        chmod(root.appendingPathComponent("team").path, 0o755)
        chmod(db, 0o660)
        let r = try cli(Self.outsider, ["list", "orders"])
        XCTAssertEqual(r.status, 66)
        XCTAssertEqual(r.stderr, expected)
    }

    /// A file whose -wal and -shm an older version removed: the supervisor is told what is missing and who can mend it;
    /// one clerk's command brings them back for good.
    func testMissingCompanionFilesAreNamedAndComeBackWithAClerksCommand() throws {
        try makeFile()
        for suffix in ["-wal", "-shm"] { try FileManager.default.removeItem(atPath: db + suffix) }
        let r = try cli(Self.supervisor, ["list", "orders"])
        XCTAssertEqual(r.status, 66)
        XCTAssertTrue(r.stderr.contains("SQLite also needs \(db)-wal and \(db)-shm beside it, which are missing"), r.stderr)
        XCTAssertTrue(r.stderr.contains("you (\(Self.supervisor)) may not create them in \(dataFolder)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("cannot be written"), "a listing writes nothing: \(r.stderr)")
        XCTAssertEqual(try cli(Self.clerk, ["check"]).status, 0)
        let again = try cli(Self.supervisor, ["list", "orders"])
        XCTAssertEqual(again.status, 0, again.stderr)
    }

    // MARK: helpers

    /// The clerk makes the file with umask 002, as README says: an item with 70 on hand, an order of 100, an arrival of 30.
    private func makeFile() throws {
        for args in [["init"], ["item", "add", "SKU-1", "Widget", "--stock", "70"], ["customer", "add", "C1", "Nordic Tools AS"],
                     ["order", "create", "--customer", "C1", "SKU-1=100"],
                     ["arrival", "add", "--supplier", "Acme", "--po", "PO-1", "--sku", "SKU-1", "--qty", "30", "--eta", "+3"]] {
            let r = try cli(Self.clerk, args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
        }
    }

    /// `command` run as `user` with umask 002 (README's setting for the team).
    private func asUser(_ user: String, _ command: [String]) -> [String] {
        ["/usr/sbin/runuser", "-u", user, "--", "/bin/sh", "-c", "umask 002; exec \"$@\"", "sh"] + command
    }

    /// The binary run as `user` on the data file.
    private func cli(_ user: String, _ args: [String]) throws -> Run {
        let command = asUser(user, [Self.binary] + args + ["--db", db])
        return try lab.run(command[0], Array(command.dropFirst()))
    }

    /// The built binary if every test user can run it where it is, else a copy in a folder open to all.
    private func findBinary() throws {
        guard Self.binary.isEmpty else { return }
        let built = try backordersBinary().path
        if try lab.run("/usr/sbin/runuser", ["-u", Self.outsider, "--", "/usr/bin/test", "-x", built]).status == 0 {
            Self.binary = built
            return
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bo-team-bin-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, 0o755)
        let copy = folder.appendingPathComponent("backorders")
        try FileManager.default.copyItem(atPath: built, toPath: copy.path)
        chmod(copy.path, 0o755)
        Self.binaryCopy = folder
        Self.binary = copy.path
    }
}
