import BackorderCore
import Foundation
import HostProcess
import XCTest
@testable import BackorderStorePostgres

/// The registry of UI sessions on the server: who has the warehouse open, from any machine, as the file lists them.
final class SessionsTests: PostgresTestCase {
    func testTheRegistryListsOnlySessionsThatAreThere() throws {
        _ = try PostgresSetup.initialize(bridge())
        let a = try PostgresWarehouse(url: url), b = try PostgresWarehouse(url: url)
        defer { a.close(); b.close() }
        let now = Timestamp(unixTime: 1_800_000_000)
        XCTAssertEqual(try b.presence(now: now), [])
        try a.register(now: now)
        let seen = try b.presence(now: now)
        XCTAssertEqual(seen.map(\.user), [HostProcess.user])
        XCTAssertEqual(seen.first?.pid, Int(getpid()))
        XCTAssertEqual(seen.first?.isThisProcess, false, "b did not register: a's row is not b's")
        XCTAssertEqual(try a.presence(now: now).first?.isThisProcess, true)

        // A clerk at another machine is listed while the heartbeat is fresh; a process here that ended is not, nor a
        // session whose heartbeat stopped long ago.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        for (id, user, host, pid, seen) in [("far", "kari", "lager2", 4242, now.unixTime - 5),
                                            ("ghost", "ola", HostProcess.name, Int(ended.processIdentifier), now.unixTime),
                                            ("stale", "per", "lager3", 7, now.unixTime - SessionRegistry.expirySeconds - 1)] {
            try exec(bridge(), """
                INSERT INTO session (id, "user", host, pid, process_start, started_at, seen_at)
                VALUES ('\(id)', '\(user)', '\(host)', \(pid), NULL, \(now.unixTime - 60), \(seen))
                """)
        }
        XCTAssertEqual(try b.presence(now: now).map(\.user).sorted(), [HostProcess.user, "kari"].sorted())

        // The heartbeat brings back a row someone removed; unregister removes it for good.
        try exec(bridge(), "DELETE FROM session WHERE host = '\(HostProcess.name)'")
        XCTAssertFalse(try b.presence(now: now).contains { $0.pid == Int(getpid()) })
        let later = Timestamp(unixTime: now.unixTime + SessionRegistry.heartbeatSeconds)
        try a.keepAlive(now: later)
        XCTAssertTrue(try b.presence(now: later).contains { $0.pid == Int(getpid()) })
        try a.unregister()
        XCTAssertFalse(try b.presence(now: later).contains { $0.pid == Int(getpid()) })
        XCTAssertEqual(try scalar(bridge(), "SELECT revision FROM meta"), 0, "heartbeats reload nobody's screen")

        // A read-only session writes nothing, not even its presence.
        let reader = try PostgresWarehouse(url: url, readOnly: true)
        defer { reader.close() }
        XCTAssertThrowsError(try reader.register(now: now)) { XCTAssertEqual(($0 as? BackorderError)?.kind, .refused) }
    }
}
