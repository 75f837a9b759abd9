#include "session/session_store.h"

#include "core/files.h"

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>

namespace myomap::session {
namespace fs = std::filesystem;

namespace {

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// An id as it can appear in a message: control and non-ASCII bytes as '?', long ones cut.
std::string shownId(const std::string& id) {
    std::string out;
    for (char c : id.substr(0, 80)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
    return "'" + out + (id.size() > 80 ? "...'" : "'");
}

std::string osReason(int error) { return std::strerror(error); }

constexpr const char* kExtension = ".json";

Result<Session> parseSession(const std::string& text, const fs::path& file, const std::string& expectedId) {
    auto session = sessionFromJson(text, file.string());
    if (!session) return session;
    if (session->id != expectedId) {
        return fail(quoted(file) + ": /id: holds session '" + session->id + "' but the file is named for '" +
                    expectedId + "'");
    }
    return session;
}

}  // namespace

SessionStore::SessionStore(fs::path folder) : m_folder(std::move(folder)) {}

fs::path SessionStore::fileFor(const std::string& id, int generation) const {
    assert(isValidSessionId(id));
    std::string name = id + kExtension;
    if (generation == 1) name += ".bak";
    if (generation >= 2) name += ".bak" + std::to_string(generation);
    return m_folder / name;
}

Result<Session> SessionStore::loadFile(const fs::path& file, const std::string& expectedId) const {
    auto text = files::readText(file, kMaxSessionFileBytes);
    if (!text) return fail(text.error());
    return parseSession(*text, file, expectedId);
}

Result<std::vector<SessionInfo>> SessionStore::list() const {
    std::vector<SessionInfo> rows;
    std::error_code ec;
    if (!fs::exists(m_folder, ec)) return rows;  // nothing saved yet
    fs::directory_iterator it(m_folder, ec);
    if (ec) return fail("cannot list the sessions in " + quoted(m_folder) + " (" + ec.message() + ")");
    for (const fs::directory_entry& entry : it) {
        const fs::path& path = entry.path();
        // Only <id>.json: temporary files a crash left behind and backups are not sessions.
        if (path.extension() != kExtension || !isValidSessionId(path.stem().string())) continue;
        std::error_code typeError;
        if (!entry.is_regular_file(typeError)) continue;
        SessionInfo row;
        row.id = path.stem().string();
        auto session = loadFile(path, row.id);
        if (session) {
            row.created = session->created;
            row.modified = session->modified;
            row.clientLabel = session->clientLabel;
            row.painCount = session->pain.size();
        } else {
            row.problem = session.error();
        }
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const SessionInfo& a, const SessionInfo& b) {
        if (a.problem.empty() != b.problem.empty()) return a.problem.empty();
        if (a.modified != b.modified) return a.modified > b.modified;
        if (a.created != b.created) return a.created > b.created;
        return a.id > b.id;
    });
    return rows;
}

Result<Session> SessionStore::load(const std::string& id) const {
    if (const std::string why = sessionIdProblem(id); !why.empty())
        return fail("cannot open session " + shownId(id) + ": " + why);
    const fs::path file = fileFor(id);
    std::error_code ec;
    if (!fs::exists(file, ec)) return fail("there is no session '" + id + "' in " + quoted(m_folder));
    auto text = files::readText(file, kMaxSessionFileBytes);
    if (!text) return fail(text.error());
    auto session = parseSession(*text, file, id);
    if (session) return session;

    std::string message = "session '" + id + "' is corrupt and cannot be opened: " + session.error() + ". ";
    for (int generation = 1; generation <= kBackupGenerations; ++generation) {
        const fs::path backup = fileFor(id, generation);
        if (!fs::exists(backup, ec)) continue;
        if (auto previous = loadFile(backup, id)) {
            message += "A backup of an earlier version exists: " + quoted(backup) +
                       (previous->modified.empty() ? "" : " (saved " + previous->modified + ")") + ".";
            return fail(message);
        }
    }
    return fail(message + "No readable backup of it exists.");
}

Result<Session> SessionStore::loadBackup(const std::string& id, int generation) const {
    if (const std::string why = sessionIdProblem(id); !why.empty())
        return fail("cannot open a backup of session " + shownId(id) + ": " + why);
    if (generation < 1 || generation > kBackupGenerations) {
        return fail("there are backups 1 to " + std::to_string(kBackupGenerations) + " only, not " +
                    std::to_string(generation));
    }
    const fs::path file = fileFor(id, generation);
    std::error_code ec;
    if (!fs::exists(file, ec)) return fail("there is no backup " + quoted(file) + " of session '" + id + "'");
    return loadFile(file, id);
}

Status SessionStore::save(const Session& session) {
    const std::string failed = "session " + shownId(session.id) + " was not saved: ";
    if (const std::string why = sessionIdProblem(session.id); !why.empty()) return fail(failed + why);
    // Never write a file that would not load again.
    const std::string text = toJson(session);
    if (auto check = sessionFromJson(text, fileFor(session.id).string()); !check) {
        return fail(failed + "it does not pass validation: " + check.error());
    }

    std::error_code ec;
    if (!fs::is_directory(m_folder, ec)) {
        if (!fs::create_directories(m_folder, ec) && ec) {
            return fail(failed + "cannot create the folder " + quoted(m_folder) + " (" + ec.message() + ")");
        }
        fs::permissions(m_folder, fs::perms::owner_all, ec);  // health records: owner only
    }
    if (::access(m_folder.c_str(), W_OK | X_OK) != 0) {
        return fail(failed + "cannot write in the folder " + quoted(m_folder) + " (" + osReason(errno) +
                    "); nothing on disk was changed");
    }

    // Keep the version about to be replaced as .bak, the one before as .bak2. The current file is
    // hard-linked (not moved), so <id>.json exists at every instant. If .bak already is the current
    // file, an earlier save stopped after linking it: rotating again would lose a generation.
    const fs::path file = fileFor(session.id);
    const fs::path bak = fileFor(session.id, 1);
    const fs::path bak2 = fileFor(session.id, 2);
    if (fs::exists(file, ec)) {
        const bool alreadyKept = fs::exists(bak, ec) && fs::equivalent(file, bak, ec) && !ec;
        if (!alreadyKept) {
            if (fs::exists(bak, ec) && std::rename(bak.c_str(), bak2.c_str()) != 0) {
                return fail(failed + "cannot rotate the backup " + quoted(bak) + " in the folder " + quoted(m_folder) +
                            " (" + osReason(errno) + ")");
            }
            if (::link(file.c_str(), bak.c_str()) != 0) {
                // A file system without hard links: copy instead.
                const int linkError = errno;
                auto previous = files::readBytes(file, kMaxSessionFileBytes);
                if (!previous) return fail(failed + "cannot keep the previous version: " + previous.error());
                if (auto copied = files::writeAtomically(bak, previous->data(), previous->size()); !copied) {
                    return fail(failed + "cannot keep the previous version as " + quoted(bak) + " (" +
                                osReason(linkError) + "; " + copied.error() + ")");
                }
            }
        }
    }
    if (auto written = files::writeAtomically(file, text.data(), text.size()); !written) {
        return fail(failed + "writing in the folder " + quoted(m_folder) + " failed: " + written.error() +
                    "; the previous version on disk is unchanged");
    }
    return Ok{};
}

Status SessionStore::remove(const std::string& id) {
    if (const std::string why = sessionIdProblem(id); !why.empty())
        return fail("cannot delete session " + shownId(id) + ": " + why);
    std::error_code ec;
    const fs::path file = fileFor(id);
    const bool existed = fs::exists(file, ec);
    std::vector<fs::path> doomed = {file, fileFor(id, 1), fileFor(id, 2), fs::path(file.string() + ".tmp")};
    for (const fs::path& path : doomed) {
        if (!fs::remove(path, ec) && ec) {
            return fail("cannot delete " + quoted(path) + " of session '" + id + "' (" + ec.message() + ")");
        }
    }
    if (!existed) return fail("there is no session '" + id + "' in " + quoted(m_folder));
    return Ok{};
}

}  // namespace myomap::session
