import BackorderCore
import XCTest
@testable import BackorderStorePostgres

/// Database URLs as people write them, and the words for those that cannot be read. No server needed.
final class URLTests: XCTestCase {
    func testANetworkURLWithEveryPart() throws {
        let u = try PostgresURL(parsing: "postgres://clerk:s%40cret@db.example:6543/warehouse?sslmode=require")
        XCTAssertEqual(u.endpoint, .tcp(host: "db.example", port: 6543))
        XCTAssertEqual(u.user, "clerk")
        XCTAssertEqual(u.password, "s@cret")
        XCTAssertEqual(u.database, "warehouse")
        XCTAssertEqual(u.tls, .require)
        XCTAssertEqual(u.description, "postgres://clerk:***@db.example:6543/warehouse?sslmode=require", "never the password")
    }

    func testDefaultsArePortFiveFourThreeTwoAndPreferredEncryption() throws {
        let u = try PostgresURL(parsing: "postgresql://clerk@db.example/warehouse")
        XCTAssertEqual(u.endpoint, .tcp(host: "db.example", port: 5432))
        XCTAssertEqual(u.tls, .prefer)
        XCTAssertNil(u.password)
        XCTAssertEqual(try PostgresURL(parsing: "postgres://clerk@[::1]:5433/w").endpoint, .tcp(host: "::1", port: 5433))
    }

    func testTheSocketFormsAsLibpqWritesThem() throws {
        let a = try PostgresURL(parsing: "postgres:///warehouse?host=/tmp/pg&port=5433", loginName: "kari")
        XCTAssertEqual(a.endpoint, .socket(folder: "/tmp/pg", port: 5433))
        XCTAssertEqual(a.socketPath, "/tmp/pg/.s.PGSQL.5433")
        XCTAssertEqual(a.user, "kari", "the login name, as libpq")
        XCTAssertEqual(a.tls, .disable)
        let b = try PostgresURL(parsing: "postgres://postgres@%2Frun%2Fpostgresql/warehouse")
        XCTAssertEqual(b.endpoint, .socket(folder: "/run/postgresql", port: 5432))
        XCTAssertEqual(b.user, "postgres")
        // What the description writes reads back the same.
        XCTAssertEqual(try PostgresURL(parsing: a.description), a)
        XCTAssertEqual(try PostgresURL(parsing: "postgres://u@/w?host=/tmp&user=v").user, "v")
    }

    func testRecognisesPostgresURLsAmongPaths() {
        XCTAssertTrue(PostgresURL.isPostgres("postgres://clerk@db/w"))
        XCTAssertTrue(PostgresURL.isPostgres("PostgreSQL://clerk@db/w"))
        XCTAssertFalse(PostgresURL.isPostgres("backorders.sqlite"))
        XCTAssertFalse(PostgresURL.isPostgres("/srv/postgres/backorders.sqlite"))
    }

    func testBadURLsAreRefusedSayingWhatIsWrong() {
        func refusal(_ text: String) -> String {
            do {
                _ = try PostgresURL(parsing: text, loginName: "kari")
                return "accepted"
            } catch let e as BackorderError {
                XCTAssertEqual(e.kind, .invalidInput, text)
                return e.message(Localizer(.en))
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(refusal("mysql://db/w").contains("must start with postgres://"), refusal("mysql://db/w"))
        XCTAssertTrue(refusal("postgres://clerk@db.example").contains("names no database"))
        XCTAssertTrue(refusal("postgres://clerk@db.example/").contains("names no database"))
        XCTAssertTrue(refusal("postgres://clerk@db.example:54x/w").contains("port «54x»"))
        XCTAssertTrue(refusal("postgres://clerk@db.example:70000/w").contains("port «70000»"))
        XCTAssertTrue(refusal("postgres://clerk@/w").contains("names no server"))
        XCTAssertTrue(refusal("postgres://clerk@db/w?sslmode=maybe").contains("sslmode «maybe»"))
        XCTAssertTrue(refusal("postgres://clerk@db/w?colour=blue").contains("«colour»"))
        XCTAssertTrue(refusal("postgres://cl%ZZerk@db/w").contains("%-escape"))
        XCTAssertTrue(refusal("postgres:///w?host=/tmp&sslmode=require").contains("never encrypted"))
        XCTAssertTrue(refusal("postgres://clerk@[::1/w").contains("host"))
    }

    func testBadURLsAreWordedInNorwegianToo() {
        do {
            _ = try PostgresURL(parsing: "postgres://clerk@db.example")
            XCTFail("accepted")
        } catch let e as BackorderError {
            XCTAssertTrue(e.message(Localizer(.nb)).contains("nevner ingen database"), e.message(Localizer(.nb)))
        } catch { XCTFail("\(error)") }
    }

    func testTheCatalogueIsComplete() {
        XCTAssertEqual(Catalogue.problems(PostgresText.self), [])
    }

    func testStatementsSplitOutsideQuotesAndFunctionBodies() {
        let parts = PostgresSetup.splitStatements("""
            CREATE TABLE a (x text DEFAULT ';'); -- a comment; with a semicolon
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
            SELECT 1
            """)
        XCTAssertEqual(parts, ["CREATE TABLE a (x text DEFAULT ';')",
                               "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$", "SELECT 1"])
    }
}
