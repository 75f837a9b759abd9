#include "session/session_store.h"

#include "core/files.h"

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>

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
constexpr const char* kAsideMark = ".corrupt-";
// Temporary files left by a crash are removed by a later save once they are this old (a
// younger one may be another window's save in progress).
constexpr auto kStaleTemporary = std::chrono::seconds(60);

Result<Session> parseSession(const std::string& text, const fs::path& file, const std::string& expectedId) {
    auto session = sessionFromJson(text, file.string());
    if (!session) return session;
    if (session->id != expectedId) {
        return fail(quoted(file) + ": /id: holds session '" + session->id + "' but the file is named for '" +
                    expectedId + "'");
    }
    return session;
}

// Whether anything is at `path` itself (a link counts, dangling or not).
bool somethingAt(const fs::path& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 || errno != ENOENT;
}

// Keeps the folder owner-only: an older Myomap, a copy or a person may have opened it up.
void keepPrivate(const fs::path& folder) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) == 0 && st.st_uid == ::geteuid() && (st.st_mode & 077) != 0)
        ::chmod(folder.c_str(), 0700);
}

// Temporary files of the atomic writer for `file`'s name in its folder. With `before`, only
// those last written at least `age` before it (a file system time: the save just committed, so
// no clock is read here); without, all of them.
std::vector<fs::path> temporariesOf(const fs::path& file, std::optional<fs::file_time_type> before = std::nullopt,
                                    std::chrono::seconds age = std::chrono::seconds(0)) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (fs::directory_iterator it(file.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        if (!files::isTemporaryFor(it->path().filename().string(), file.filename().string())) continue;
        if (before) {
            std::error_code timeError;
            if (fs::symlink_status(it->path(), timeError).type() != fs::file_type::regular) continue;
            const auto written = it->last_write_time(timeError);
            if (timeError || *before - written < age) continue;
        }
        out.push_back(it->path());
    }
    return out;
}

bool validStampChars(std::string_view stamp) {
    if (stamp.empty() || stamp.size() > 40) return false;
    return std::all_of(stamp.begin(), stamp.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    });
}

}  // namespace

std::string asideName(const std::string& id, const std::string& isoTime) {
    std::string stamp = isoTime;
    std::replace(stamp.begin(), stamp.end(), ':', '-');
    if (!validStampChars(stamp)) stamp = "unknown-time";
    return id + kAsideMark + stamp + kExtension;
}

std::string asideId(const std::string& fileName) {
    const std::string extension = kExtension;
    if (fileName.size() <= extension.size() ||
        fileName.compare(fileName.size() - extension.size(), extension.size(), extension) != 0)
        return {};
    const std::size_t mark = fileName.find(kAsideMark);
    if (mark == std::string::npos) return {};
    const std::string id = fileName.substr(0, mark);
    const std::size_t stampStart = mark + std::strlen(kAsideMark);
    if (stampStart > fileName.size() - extension.size()) return {};
    const std::string_view stamp(fileName.data() + stampStart, fileName.size() - extension.size() - stampStart);
    if (!isValidSessionId(id) || !validStampChars(stamp)) return {};
    return id;
}

SessionStore::SessionStore(fs::path folder) : m_folder(std::move(folder)) {}

fs::path SessionStore::fileFor(const std::string& id, int generation) const {
    assert(isValidSessionId(id));
    std::string name = id + kExtension;
    if (generation == 1) name += ".bak";
    if (generation >= 2) name += ".bak" + std::to_string(generation);
    return m_folder / name;
}

Result<Session> SessionStore::loadFile(const fs::path& file, const std::string& expectedId) const {
    auto text = files::readText(file, kMaxSessionFileBytes, files::Links::Refuse);
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
        SessionInfo row;
        row.fileName = path.filename().string();
        if (const std::string aside = asideId(row.fileName); !aside.empty()) {
            row.kind = SessionInfo::Kind::MovedAside;
            row.id = aside;
            row.problem = "a version that could not be read, moved aside by a later save; kept for you to look at";
            rows.push_back(std::move(row));
            continue;
        }
        // Only <id>.json: temporary files a crash left behind and backups are not sessions.
        if (path.extension() != kExtension || !isValidSessionId(path.stem().string())) continue;
        row.id = path.stem().string();
        if (const std::string kind = files::irregularKind(path); !kind.empty()) {
            row.kind = SessionInfo::Kind::NotAFile;
            row.problem = quoted(path) + " is " + kind + ", not a regular file; it was not opened";
            rows.push_back(std::move(row));
            continue;
        }
        auto session = loadFile(path, row.id);
        if (session) {
            row.created = session->created;
            row.modified = session->modified;
            row.clientLabel = session->clientLabel;
            row.painCount = session->pain.size();
        } else {
            row.kind = SessionInfo::Kind::Corrupt;
            row.problem = session.error();
        }
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const SessionInfo& a, const SessionInfo& b) {
        const auto rank = [](const SessionInfo& r) {
            return r.kind == SessionInfo::Kind::Session ? 0 : r.kind == SessionInfo::Kind::MovedAside ? 2 : 1;
        };
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (a.modified != b.modified) return a.modified > b.modified;
        if (a.created != b.created) return a.created > b.created;
        if (a.id != b.id) return a.id > b.id;
        return a.fileName > b.fileName;
    });
    return rows;
}

Result<Session> SessionStore::load(const std::string& id) const {
    if (const std::string why = sessionIdProblem(id); !why.empty())
        return fail("cannot open session " + shownId(id) + ": " + why);
    const fs::path file = fileFor(id);
    if (!somethingAt(file)) return fail("there is no session '" + id + "' in " + quoted(m_folder));
    auto text = files::readText(file, kMaxSessionFileBytes, files::Links::Refuse);
    if (!text) return fail(text.error());
    auto session = parseSession(*text, file, id);
    if (session) return session;

    std::string message = "session '" + id + "' is corrupt and cannot be opened: " + session.error() + ". ";
    for (int generation = 1; generation <= kBackupGenerations; ++generation) {
        const fs::path backup = fileFor(id, generation);
        if (!somethingAt(backup)) continue;
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
    if (!somethingAt(file)) return fail("there is no backup " + quoted(file) + " of session '" + id + "'");
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
    }
    keepPrivate(m_folder);  // health records: owner only
    if (::access(m_folder.c_str(), W_OK | X_OK) != 0) {
        return fail(failed + "cannot write in the folder " + quoted(m_folder) + " (" + osReason(errno) +
                    "); nothing on disk was changed");
    }
    const std::string unchanged = "; the previous version on disk is unchanged";

    // Everything is written and flushed before anything is replaced: a full disk or a refusal
    // fails the save here with every file as it was.
    const fs::path file = fileFor(session.id);
    const fs::path bak = fileFor(session.id, 1);
    const fs::path bak2 = fileFor(session.id, 2);
    auto next = files::PreparedWrite::prepare(file, text, files::Access::Private);
    if (!next) return fail(failed + "writing in the folder " + quoted(m_folder) + " failed: " + next.error() + unchanged);

    std::optional<files::PreparedWrite> keep;    // the current version, as the new .bak
    std::optional<files::PreparedWrite> aside;   // a corrupt current version, moved out of the way
    bool rotate = false;                         // .bak (a version that loads) becomes .bak2
    if (somethingAt(file)) {
        auto current = files::readText(file, kMaxSessionFileBytes, files::Links::Refuse);
        if (!current) return fail(failed + current.error() + unchanged);
        if (auto currentSession = parseSession(*current, file, session.id)) {
            auto keptText = files::readText(bak, kMaxSessionFileBytes, files::Links::Refuse);
            auto kept = keptText ? parseSession(*keptText, bak, session.id) : Result<Session>(fail(keptText.error()));
            // .bak already holds this version when an earlier save stopped after keeping it, or
            // when it was just restored from .bak (saved again with only its time changed):
            // keeping it again would push a good generation out.
            const auto sameVersion = [](Session a, Session b) {
                a.modified.clear();
                b.modified.clear();
                return a == b;
            };
            if (!kept || !sameVersion(*kept, *currentSession)) {
                auto copy = files::PreparedWrite::prepare(bak, *current, files::Access::Private);
                if (!copy) return fail(failed + "cannot keep the previous version: " + copy.error() + unchanged);
                keep = std::move(copy.value());
                rotate = kept.ok();  // only a version that loads becomes .bak2
            }
        } else {
            std::string name = asideName(session.id, session.modified);
            for (int n = 2; somethingAt(m_folder / name) && n < 100; ++n)
                name = asideName(session.id, session.modified + "-" + std::to_string(n));
            auto moved = files::PreparedWrite::prepare(m_folder / name, *current, files::Access::Private);
            if (!moved) return fail(failed + "cannot move the unreadable version aside: " + moved.error() + unchanged);
            aside = std::move(moved.value());
        }
    }

    if (rotate && std::rename(bak.c_str(), bak2.c_str()) != 0) {
        return fail(failed + "cannot rotate the backup " + quoted(bak) + " in the folder " + quoted(m_folder) + " (" +
                    osReason(errno) + ")" + unchanged);
    }
    if (keep) {
        if (auto s = keep->commit(false); !s) return fail(failed + "cannot keep the previous version: " + s.error() + unchanged);
    }
    if (aside) {
        if (auto s = aside->commit(false); !s) return fail(failed + "cannot move the unreadable version aside: " + s.error() + unchanged);
    }
    if (auto s = next->commit(); !s) {  // flushes the folder: all three renames are durable
        return fail(failed + "writing in the folder " + quoted(m_folder) + " failed: " + s.error() + unchanged);
    }
    // What a crash during an earlier save left behind: temporaries a minute older than the file
    // just written.
    if (const auto written = fs::last_write_time(file, ec); !ec) {
        for (const fs::path& name : {file, bak, bak2})
            for (const fs::path& stale : temporariesOf(name, written, kStaleTemporary)) fs::remove(stale, ec);
    }
    return Ok{};
}

Status SessionStore::remove(const std::string& id) {
    if (const std::string why = sessionIdProblem(id); !why.empty())
        return fail("cannot delete session " + shownId(id) + ": " + why);
    std::error_code ec;
    const fs::path file = fileFor(id);
    const bool existed = somethingAt(file);
    std::vector<fs::path> doomed = {file, fileFor(id, 1), fileFor(id, 2)};
    for (int generation = 0; generation <= kBackupGenerations; ++generation)
        for (const fs::path& temp : temporariesOf(fileFor(id, generation))) doomed.push_back(temp);
    for (const fs::path& path : doomed) {
        // A link is removed itself; what it points to is not touched.
        if (!fs::remove(path, ec) && ec) {
            return fail("cannot delete " + quoted(path) + " of session '" + id + "' (" + ec.message() + ")");
        }
    }
    if (!existed) return fail("there is no session '" + id + "' in " + quoted(m_folder));
    return Ok{};
}

Status SessionStore::removeAside(const std::string& fileName) {
    if (asideId(fileName).empty()) return fail("'" + fileName + "' is not a corrupt session moved aside; it was not deleted");
    std::error_code ec;
    const fs::path path = m_folder / fileName;
    if (!fs::remove(path, ec)) {
        return fail("cannot delete " + quoted(path) + " (" + (ec ? ec.message() : "it is not there") + ")");
    }
    return Ok{};
}

const Result<std::vector<SessionInfo>>& SessionListCache::rows(const SessionStore& store, double now) {
    struct stat st {};
    const long long stamp = ::stat(store.folder().c_str(), &st) == 0
                                ? static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec
                                : -2;
    if (!m_valid || stamp != m_folderStamp || now - m_listedAt >= m_maxAge || now < m_listedAt) {
        m_rows = store.list();
        m_folderStamp = stamp;
        m_listedAt = now;
        m_valid = true;
        ++m_refreshes;
    }
    return m_rows;
}

}  // namespace myomap::session
