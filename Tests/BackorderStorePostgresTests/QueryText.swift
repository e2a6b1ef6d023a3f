import PostgresNIO

/// SQL a test writes as text (names of databases and roles cannot be bound as parameters).
enum PostgresQueryText {
    static func make(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql) }
}
