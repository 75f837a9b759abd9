// Session records on disk: one JSON file per session, <folder>/<id>.json, replaced atomically on
// every save, with the last two earlier versions that loaded kept as <id>.json.bak and
// <id>.json.bak2. A session is never lost to a crash, a kill or a full disk: the file on disk is
// always a whole version, and a failed save leaves the previous one in place (the caller keeps
// the session in memory and may try again).
//
// Session files are health information, and the folder may be on a shared PC:
// - every file is written through files::writeAtomically (unique temporary file, never through a
//   link, 0600) and the folder is kept 0700;
// - files are read without following links and only when they are regular files; anything else
//   in the folder under a session's name is listed with its problem, never opened;
// - backups only ever hold versions that loaded: a corrupt <id>.json is moved aside once, as
//   <id>.corrupt-<time>.json (listed), never rotated into the backups; rotation renames regular
//   files only (no hard links).
#pragma once

#include "core/result.h"
#include "session/session.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::session {

// One row of the session list.
struct SessionInfo {
    enum class Kind {
        Session,    // <id>.json that loads
        Corrupt,    // <id>.json, a regular file that does not load (its backups may)
        NotAFile,   // <id>.json that is a link, a folder, a device...: never opened
        MovedAside  // <id>.corrupt-<time>.json: a corrupt version a save moved out of the way
    };
    Kind kind = Kind::Session;
    std::string id;        // from the file name
    std::string fileName;  // as it is in the folder
    std::string created, modified;
    std::string clientLabel;
    std::size_t painCount = 0;
    std::string problem;  // why it is not a session that loads (empty for Kind::Session)
};

// Session files are small; anything this large is not one.
inline constexpr std::uintmax_t kMaxSessionFileBytes = 16u << 20;

class SessionStore {
public:
    // e.g. paths::userDataDir() / "sessions"; created (mode 0700: the records are about people's
    // health) on the first save.
    explicit SessionStore(std::filesystem::path folder);

    const std::filesystem::path& folder() const { return m_folder; }

    // Every <id>.json in the folder, newest `modified` first (then newest `created`, then id);
    // then those that are corrupt or not files, with their problem; then the corrupt versions
    // moved aside. Temporary and backup files are not listed. A folder that does not exist yet
    // is an empty list.
    Result<std::vector<SessionInfo>> list() const;

    // The session saved as `id`. When the file is corrupt the error says so and names the newest
    // backup that loads, if one does (see loadBackup).
    Result<Session> load(const std::string& id) const;

    // Writes the session (its id names the file). Before replacing an existing file that loads,
    // keeps it as <id>.json.bak (and the older .bak as .bak2); an existing file that does not
    // load is moved aside instead and the backups stay as they are. Errors name the folder and
    // the system's reason.
    Status save(const Session& session);

    // A previous version: generation 1 is <id>.json.bak (the version before the last save),
    // 2 is <id>.json.bak2.
    Result<Session> loadBackup(const std::string& id, int generation = 1) const;

    // Deletes the session and its backups (and any temporary file a crash left behind); the
    // corrupt versions moved aside stay until removed by name (removeAside).
    Status remove(const std::string& id);
    // Deletes one corrupt version moved aside (a file name from list()).
    Status removeAside(const std::string& fileName);

    // The file that holds `id` (generation 0) or one of its backups (1, 2); the id must be valid.
    std::filesystem::path fileFor(const std::string& id, int generation = 0) const;

    static constexpr int kBackupGenerations = 2;

private:
    Result<Session> loadFile(const std::filesystem::path& file, const std::string& expectedId) const;

    std::filesystem::path m_folder;
};

// The name a corrupt <id>.json gets when a save moves it aside: "<id>.corrupt-<stamp>.json", the
// stamp from an ISO time ("2026-12-05T09:30:00Z" gives "2026-12-05T09-30-00Z"). The id of such
// a name, or "" when `fileName` is not one.
std::string asideName(const std::string& id, const std::string& isoTime);
std::string asideId(const std::string& fileName);

// The session list for a window that draws every frame: lists the folder again only when it
// has changed (its modification time), when told to (after the app's own saves), or every
// `maxAge` seconds, instead of reading every file each frame.
class SessionListCache {
public:
    explicit SessionListCache(double maxAge = 5.0) : m_maxAge(maxAge) {}

    const Result<std::vector<SessionInfo>>& rows(const SessionStore& store, double now);
    void invalidate() { m_valid = false; }
    // How many times the folder has been listed (for tests and the bench).
    int refreshes() const { return m_refreshes; }

private:
    double m_maxAge;
    bool m_valid = false;
    double m_listedAt = 0.0;
    long long m_folderStamp = -1;
    Result<std::vector<SessionInfo>> m_rows = std::vector<SessionInfo>{};
    int m_refreshes = 0;
};

}  // namespace myomap::session
