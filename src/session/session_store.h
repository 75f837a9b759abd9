// Session records on disk: one JSON file per session, <folder>/<id>.json, replaced atomically on
// every save with the last two previous versions kept as <id>.json.bak and <id>.json.bak2. A
// session is never lost to a crash, a kill or a full disk: the file on disk is always a whole
// version, and a failed save leaves the previous one in place (the caller keeps the session in
// memory and may try again).
#pragma once

#include "core/result.h"
#include "session/session.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::session {

// One row of the session list. A file that cannot be read has `problem` set and only `id`
// (from its file name) filled in.
struct SessionInfo {
    std::string id;
    std::string created, modified;
    std::string clientLabel;
    std::size_t painCount = 0;
    std::string problem;  // empty when the file loaded
};

// Session files are small; anything this large is not one.
inline constexpr std::uintmax_t kMaxSessionFileBytes = 16u << 20;

class SessionStore {
public:
    // e.g. paths::userDataDir() / "sessions"; created (mode 0700: the records are about people's
    // health) on the first save.
    explicit SessionStore(std::filesystem::path folder);

    const std::filesystem::path& folder() const { return m_folder; }

    // Every <id>.json in the folder, newest `modified` first (then newest `created`, then id).
    // Corrupt files are listed with `problem` set, after the readable ones; temporary and backup
    // files are not listed. A folder that does not exist yet is an empty list.
    Result<std::vector<SessionInfo>> list() const;

    // The session saved as `id`. When the file is corrupt the error says so and names the newest
    // backup that loads, if one does (see loadBackup).
    Result<Session> load(const std::string& id) const;

    // Writes the session (its id names the file). Before replacing an existing file, keeps it as
    // <id>.json.bak (and the older .bak as .bak2). Errors name the folder and the system's reason.
    Status save(const Session& session);

    // A previous version: generation 1 is <id>.json.bak (the version before the last save),
    // 2 is <id>.json.bak2.
    Result<Session> loadBackup(const std::string& id, int generation = 1) const;

    // Deletes the session and its backups (and any temporary file a crash left behind).
    Status remove(const std::string& id);

    // The file that holds `id` (generation 0) or one of its backups (1, 2); the id must be valid.
    std::filesystem::path fileFor(const std::string& id, int generation = 0) const;

    static constexpr int kBackupGenerations = 2;

private:
    Result<Session> loadFile(const std::filesystem::path& file, const std::string& expectedId) const;

    std::filesystem::path m_folder;
};

}  // namespace myomap::session
