import BackorderCore

/// What the store says about the data file itself: opening, creating, permissions, damage, backups and restores.
/// Messages from SQLite or the system are carried verbatim inside these sentences.
public enum DataFileText: String, Catalogued {
    // Opening and creating
    case fileLostDeleted, fileLostReplaced, cannotOpenReason, noDataFile, isDirectory, cannotReadPermissions, companionUnreadable,
         olderFormat, cannotUpgrade, folderMissing, cannotCreateHere, cannotCreateReason, vanished, noAccess, mayReadNotWrite,
         groupMay, mayWriteNotCompanions, browseReadOnly, companionsMissing, cannotOpen, emptyFile, notSQLite, otherApplication,
         newerVersion, theDataFile, walUnreadable, damaged, cannotWrite, locked, diskFull, databaseError, readOnlyOpen, notWholeFile
    // Backups and restores
    case keepNeedsFolder, keepAtLeastOne, backupIsDataFile, targetIsFolder, backupSameSecond, backupExists, backupFolderMissing,
         backupFolderNotWritable, backupDiskFull, cannotWriteBackup, copyDamaged, cannotNameBackup, oldBackupStays, noBackup,
         sourceIsFolder, sourceIsFolderNewest, restoreIsDataFile, liveIsFolder, restoreFolderNotWritable, sourceUnreadable,
         nothingChanged, sourceDamaged, restoreDiskFull, cannotCopy, failsCheck, cannotPlaceRestored, cannotKeepCurrent, inUse,
         anotherProcess, processHolder, processHolderUser, cannotLock
    case internalFault

    public var texts: (en: String, nb: String) {
        switch self {
        case .fileLostDeleted:
            return ("the data file {0} was deleted (or moved away) while open; nothing more is read from it or written to it: quit and start again",
                    "datafilen {0} ble slettet (eller flyttet) mens den var åpen; ingenting mer leses fra eller skrives til den: avslutt og start på nytt")
        case .fileLostReplaced:
            return ("the data file {0} was replaced by another file while open; nothing more is read from it or written to it: quit and start again",
                    "datafilen {0} ble byttet ut med en annen fil mens den var åpen; ingenting mer leses fra eller skrives til den: avslutt og start på nytt")
        case .cannotOpenReason: return ("{0} cannot be opened: {1}", "{0} kan ikke åpnes: {1}")
        case .noDataFile:
            return ("no data file at {0}: create one with `backorders init` (empty) or `backorders sample` (the sample warehouse)",
                    "ingen datafil i {0}: lag en med `backorders init` (tom) eller `backorders sample` (eksempellageret)")
        case .isDirectory: return ("{0} is a directory, not a data file", "{0} er en mappe, ikke en datafil")
        case .cannotReadPermissions: return ("{0} cannot be read (permissions)", "{0} kan ikke leses (tilganger)")
        case .companionUnreadable:
            return ("{0} cannot be read (permissions), and SQLite needs it to read {1}; nothing was read",
                    "{0} kan ikke leses (tilganger), og SQLite trenger den for å lese {1}; ingenting ble lest")
        case .olderFormat:
            return ("{0} uses an older file format; upgrade it once with `backorders upgrade` (or open it without --read-only)",
                    "{0} har et eldre filformat; oppgrader den én gang med `backorders upgrade` (eller åpne den uten --read-only)")
        case .cannotUpgrade:
            return ("{0} cannot be upgraded to this version: {1}; nothing was changed",
                    "{0} kan ikke oppgraderes til denne versjonen: {1}; ingenting ble endret")
        case .folderMissing: return ("the folder {0} does not exist", "mappen {0} finnes ikke")
        case .cannotCreateHere:
            return ("cannot create {0}: you ({1}) may not create files in {2}", "kan ikke lage {0}: du ({1}) har ikke lov til å lage filer i {2}")
        case .cannotCreateReason: return ("cannot create {0}: {1}", "kan ikke lage {0}: {1}")
        case .vanished: return ("cannot create {0}: it vanished as it was made", "kan ikke lage {0}: den forsvant idet den ble laget")
        case .noAccess:
            return ("you ({0}) can neither read nor write {1}: its permissions (or its folder's) give you no access; nothing was read or changed",
                    "du ({0}) kan verken lese eller skrive {1}: tilgangene til filen (eller mappen) gir deg ingen adgang; "
                    + "ingenting ble lest eller endret")
        case .mayReadNotWrite: return ("you ({0}) may read {1} but not write it", "du ({0}) kan lese {1}, men ikke skrive til den")
        case .groupMay: return (" (the group {0} may)", " (gruppen {0} kan)")
        case .mayWriteNotCompanions:
            return ("you ({0}) may write {1} but not its {1}-wal and -shm files (or create them in {2})",
                    "du ({0}) kan skrive til {1}, men ikke til filene {1}-wal og -shm (eller lage dem i {2})")
        case .browseReadOnly:
            return ("; nothing was changed: open it with --read-only to browse", "; ingenting ble endret: åpne den med --read-only for å se")
        case .companionsMissing:
            return ("{0} can be read, but SQLite also needs {0}-wal and {0}-shm beside it, which are missing, and you ({1}) may not create "
                    + "them in {2}; nothing was read. Someone who may write there creates them for good by running any backorders command "
                    + "on the file once (`backorders check` will do)",
                    "{0} kan leses, men SQLite trenger også {0}-wal og {0}-shm ved siden av, og de mangler, og du ({1}) har ikke lov til å "
                    + "lage dem i {2}; ingenting ble lest. Noen som kan skrive der, lager dem for godt ved å kjøre en hvilken som helst "
                    + "backorders-kommando på filen én gang (`backorders check` holder)")
        case .cannotOpen: return ("{0} cannot be opened", "{0} kan ikke åpnes")
        case .emptyFile: return ("{0} is an empty file, not a backorders data file", "{0} er en tom fil, ikke en datafil for backorders")
        case .notSQLite:
            return ("{0} is not a backorders data file (not an SQLite database at all: damaged, or another kind of file)",
                    "{0} er ikke en datafil for backorders (ikke en SQLite-database i det hele tatt: skadet, eller en annen type fil)")
        case .otherApplication:
            return ("{0} is an SQLite database of another application, not a backorders data file",
                    "{0} er en SQLite-database fra et annet program, ikke en datafil for backorders")
        case .newerVersion:
            return ("{0} was written by a newer version of backorders (format {1}); update backorders to open it",
                    "{0} er skrevet av en nyere versjon av backorders (format {1}); oppdater backorders for å åpne den")
        case .theDataFile: return ("the data file", "datafilen")
        case .walUnreadable:
            return ("{0} cannot be read: SQLite could not use its -wal and -shm files ({1}); they must exist and be readable for you, "
                    + "or the folder writable; nothing was changed",
                    "{0} kan ikke leses: SQLite fikk ikke brukt filene -wal og -shm ({1}); de må finnes og være lesbare for deg, "
                    + "eller mappen må være skrivbar; ingenting ble endret")
        case .damaged:
            return ("{0} is damaged ({1}); restore it from a backup, or run `backorders check` for details",
                    "{0} er skadet ({1}); hent den tilbake fra en sikkerhetskopi, eller kjør `backorders check` for detaljer")
        case .cannotWrite: return ("{0} cannot be written (read-only); nothing was changed", "{0} kan ikke skrives til (skrivebeskyttet); ingenting ble endret")
        case .locked:
            return ("{0} stayed locked by another process for too long; nothing was changed, try again",
                    "{0} var låst av en annen prosess for lenge; ingenting ble endret, prøv igjen")
        case .diskFull: return ("the disk holding {0} is full; nothing was changed", "disken med {0} er full; ingenting ble endret")
        case .databaseError: return ("{0}: database error {1}: {2}", "{0}: databasefeil {1}: {2}")
        case .readOnlyOpen:
            return ("the data file is open read-only; nothing can be changed", "datafilen er åpnet skrivebeskyttet; ingenting kan endres")
        case .notWholeFile: return ("{0}; nothing was changed", "{0}; ingenting ble endret")

        case .keepNeedsFolder:
            return ("--keep needs a folder as the destination ({0} is not one): it removes older backups named backorders-YYYYMMDD-HHMMSS.sqlite there",
                    "--keep krever en mappe som mål ({0} er ikke det): den fjerner eldre sikkerhetskopier med navn "
                    + "backorders-ÅÅÅÅMMDD-TTMMSS.sqlite der")
        case .keepAtLeastOne:
            return ("--keep must be at least 1 (the backup just made), not {0}", "--keep må være minst 1 (sikkerhetskopien som nettopp ble laget), ikke {0}")
        case .backupIsDataFile:
            return ("the destination {0} is the data file itself: name another file or a folder",
                    "målet {0} er selve datafilen: oppgi en annen fil eller en mappe")
        case .targetIsFolder: return ("{0} is a folder", "{0} er en mappe")
        case .backupSameSecond:
            return ("{0} exists already (a backup made in this same second); run the backup again in a moment",
                    "{0} finnes allerede (en sikkerhetskopi laget i samme sekund); kjør sikkerhetskopieringen igjen om et øyeblikk")
        case .backupExists:
            return ("{0} exists already; use --force to replace it, or name a folder to get a new dated file",
                    "{0} finnes allerede; bruk --force for å erstatte den, eller oppgi en mappe for å få en ny datert fil")
        case .backupFolderMissing:
            return ("cannot write the backup: the folder {0} does not exist", "kan ikke skrive sikkerhetskopien: mappen {0} finnes ikke")
        case .backupFolderNotWritable:
            return ("cannot write the backup: the folder {0} is not writable for you",
                    "kan ikke skrive sikkerhetskopien: du har ikke skrivetilgang til mappen {0}")
        case .backupDiskFull:
            return ("the disk holding {0} is full; no backup was written", "disken med {0} er full; ingen sikkerhetskopi ble skrevet")
        case .cannotWriteBackup: return ("cannot write the backup {0}: {1}", "kan ikke skrive sikkerhetskopien {0}: {1}")
        case .copyDamaged:
            return ("the copy of {0} is damaged ({1}); no backup was written: run `backorders check --full` on the data file",
                    "kopien av {0} er skadet ({1}); ingen sikkerhetskopi ble skrevet: kjør `backorders check --full` på datafilen")
        case .cannotNameBackup: return ("cannot name the backup {0}: {1}", "kan ikke gi sikkerhetskopien navnet {0}: {1}")
        case .oldBackupStays:
            return ("the backup was written, but the old backup {0} cannot be removed: {1}",
                    "sikkerhetskopien ble skrevet, men den gamle sikkerhetskopien {0} kan ikke fjernes: {1}")
        case .noBackup: return ("no backup at {0}; nothing was changed", "ingen sikkerhetskopi i {0}; ingenting ble endret")
        case .sourceIsFolder: return ("{0} is a folder: name the backup file in it", "{0} er en mappe: oppgi sikkerhetskopien i den")
        case .sourceIsFolderNewest:
            return ("{0} is a folder: name the backup file in it (the newest is {1})",
                    "{0} er en mappe: oppgi sikkerhetskopien i den (den nyeste er {1})")
        case .restoreIsDataFile:
            return ("{0} is the data file itself: name a backup to restore", "{0} er selve datafilen: oppgi en sikkerhetskopi å hente tilbake")
        case .liveIsFolder: return ("{0} is a folder, not a data file", "{0} er en mappe, ikke en datafil")
        case .restoreFolderNotWritable:
            return ("{0} is not writable for you: the restored file cannot be put there; nothing was changed",
                    "du har ikke skrivetilgang til {0}: filen som hentes tilbake, kan ikke legges der; ingenting ble endret")
        case .sourceUnreadable:
            return ("{0} cannot be read (permissions); nothing was changed", "{0} kan ikke leses (tilganger); ingenting ble endret")
        case .nothingChanged: return ("; nothing was changed", "; ingenting ble endret")
        case .sourceDamaged: return ("{0} is damaged ({1}); nothing was changed", "{0} er skadet ({1}); ingenting ble endret")
        case .restoreDiskFull: return ("the disk holding {0} is full; nothing was changed", "disken med {0} er full; ingenting ble endret")
        case .cannotCopy: return ("cannot copy {0}: {1}; nothing was changed", "kan ikke kopiere {0}: {1}; ingenting ble endret")
        case .failsCheck:
            return ("{0} fails its check ({1} {1|problem|problems}: {2}); nothing was changed",
                    "{0} består ikke kontrollen ({1} {1|feil|feil}: {2}); ingenting ble endret")
        case .cannotPlaceRestored:
            return ("cannot put the restored file at {0}: {1}", "kan ikke legge filen som hentes tilbake, i {0}: {1}")
        case .cannotKeepCurrent:
            return ("cannot keep the current file as {0}: {1}; nothing was changed", "kan ikke ta vare på den nåværende filen som {0}: {1}; ingenting ble endret")
        case .inUse:
            return ("{0} is in use by {1}: everyone must quit backorders (and no backup may be running) before a restore; nothing was changed",
                    "{0} er i bruk av {1}: alle må avslutte backorders (og ingen sikkerhetskopiering kan pågå) før filen hentes tilbake; "
                    + "ingenting ble endret")
        case .anotherProcess: return ("another process", "en annen prosess")
        case .processHolder: return ("{0} (process {1})", "{0} (prosess {1})")
        case .processHolderUser: return ("{0} (process {1}, user {2})", "{0} (prosess {1}, bruker {2})")
        case .cannotLock: return ("cannot open {0} to lock it: {1}; nothing was changed", "kan ikke åpne {0} for å låse den: {1}; ingenting ble endret")
        case .internalFault:
            return ("internal fault: wrote {0} rows where {1} were meant", "intern feil: skrev {0} rader der {1} var ment")
        }
    }
}
