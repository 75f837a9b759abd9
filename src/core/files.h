// Reading and writing whole files safely. This is the one path by which Myomap writes a file
// (sessions, backups, handouts, screenshots, soak logs, models) and reads the files it owns:
// - writes go to a temporary file with a unique name created beside the destination
//   (O_EXCL|O_NOFOLLOW: a planted file or link is never opened), flushed, renamed over the
//   destination and the folder flushed, so readers see the old or the new file, never a torn
//   one; a destination that exists and is not a regular file (a link, a device, a FIFO, a
//   folder) is refused and left as it is;
// - reads check the size first and refuse what is not a regular file; files the app owns are
//   read without following a link (Links::Refuse);
// - messages name the file and the problem and never quote the file's contents.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::files {

// 512 MiB: far above any model Myomap is meant to open, far below what would exhaust memory.
inline constexpr std::uintmax_t kDefaultReadLimit = 512ull << 20;

// Whether a read may follow a symbolic link at the last component of the path. Files the user
// names (a model, a script, a session given to `handout --session`) may be links, as with other
// tools; files the app owns (sessions and their backups) are never read through one.
enum class Links { Follow, Refuse };

Result<std::vector<std::uint8_t>> readBytes(const std::filesystem::path& path,
                                            std::uintmax_t limit = kDefaultReadLimit,
                                            Links links = Links::Follow);
Result<std::string> readText(const std::filesystem::path& path, std::uintmax_t limit = kDefaultReadLimit,
                             Links links = Links::Follow);

// Who may read a file written: Shared is 0666 less the umask, as other programs write;
// Private is 0600 whatever the umask, for anything that holds a client's health information.
enum class Access { Shared, Private };

// Writes to a new temporary file beside `path`, flushes it to disk, then renames it over `path`,
// so readers see either the old or the new content, never a torn file. Refuses (and leaves
// untouched) a `path` that exists and is not a regular file.
Status writeAtomically(const std::filesystem::path& path, const void* data, std::size_t size,
                       Access access = Access::Shared);
inline Status writeAtomically(const std::filesystem::path& path, std::string_view text,
                              Access access = Access::Shared) {
    return writeAtomically(path, text.data(), text.size(), access);
}

// The two halves of writeAtomically, for callers that must prepare several files before
// replacing any (the session store: a new version and its backup). prepare() writes and
// flushes the temporary file; commit() renames it over the destination. A PreparedWrite that is
// never committed removes its temporary file.
class PreparedWrite {
public:
    PreparedWrite() = default;
    PreparedWrite(PreparedWrite&& other) noexcept;
    PreparedWrite& operator=(PreparedWrite&& other) noexcept;
    PreparedWrite(const PreparedWrite&) = delete;
    PreparedWrite& operator=(const PreparedWrite&) = delete;
    ~PreparedWrite();

    static Result<PreparedWrite> prepare(const std::filesystem::path& path, const void* data, std::size_t size,
                                         Access access = Access::Shared);
    static Result<PreparedWrite> prepare(const std::filesystem::path& path, std::string_view text,
                                         Access access = Access::Shared) {
        return prepare(path, text.data(), text.size(), access);
    }
    // `syncFolder` false leaves the folder's flush to a later commit in the same folder.
    Status commit(bool syncFolder = true);

    const std::filesystem::path& destination() const { return m_destination; }
    const std::filesystem::path& temporary() const { return m_temporary; }

private:
    std::filesystem::path m_destination, m_temporary;
};

// What is at `path` itself (a link not followed) when it is not a regular file: "a symbolic
// link", "a folder", "a character device", ...; "" for a regular file or nothing there.
std::string irregularKind(const std::filesystem::path& path);

// "" when `path` may be written: it does not exist, or is a regular file. Otherwise why not,
// naming it ("'/dev/full' is a character device, not a regular file; it was left as it is").
std::string destinationProblem(const std::filesystem::path& path);

// Whether `name` is the name of one of the temporary files that writeAtomically makes for a
// destination named `destinationName` (one a crash left behind, or one being written now).
bool isTemporaryFor(const std::string& name, const std::string& destinationName);

// A size for people: "512 bytes", "200 KiB", "1.6 MiB", "3 GiB".
std::string formatSize(std::uintmax_t bytes);
// "'a.json': file is 1.6 MiB, larger than the 1 MiB limit" (exact bytes where the rounded
// figures would read the same).
std::string tooLarge(const std::filesystem::path& path, std::uintmax_t size, std::uintmax_t limit);

// Whether `path` (absolute, or relative to the working folder) lies inside `folder` once "..",
// "." and symbolic links are resolved.
bool isInside(const std::filesystem::path& folder, const std::filesystem::path& path);

// Resolves `relative` (a URI-decoded path taken from inside a file) against `folder` and
// returns it only if it stays inside `folder`: no absolute paths, no escaping through "..".
Result<std::filesystem::path> resolveInside(const std::filesystem::path& folder,
                                            const std::string& relative);

}  // namespace myomap::files
