#include "core/files.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cmath>
#include <cstring>
#include <iterator>
#include <utility>

namespace myomap::files {
namespace fs = std::filesystem;

namespace {

std::string describe(const fs::path& path) { return "'" + path.string() + "'"; }

std::string osReason(int error) { return std::strerror(error); }

// What a file that is not a regular file is, for messages.
const char* kindOf(mode_t mode) {
    if (S_ISLNK(mode)) return "a symbolic link";
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Closes a descriptor on every way out.
struct Descriptor {
    int fd = -1;
    explicit Descriptor(int f) : fd(f) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
    // Closes it now, reporting what close() reports (a write the system had deferred can fail here).
    bool close() {
        const int closing = std::exchange(fd, -1);
        return ::close(closing) == 0;
    }
};

constexpr std::size_t kTempRandomChars = 8;
constexpr std::size_t kMaxNameInTemp = 200;  // keeps ".name.XXXXXXXX.tmp" within NAME_MAX

std::string tempPrefix(const std::string& destinationName) {
    return "." + destinationName.substr(0, kMaxNameInTemp) + ".";
}

std::string randomChars() {
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char raw[kTempRandomChars];
    if (::getrandom(raw, sizeof raw, 0) != static_cast<ssize_t>(sizeof raw)) {
        // No entropy source: the pid and a counter still make a name no other process of ours
        // uses; O_EXCL refuses anything that already exists.
        static unsigned counter = 0;
        unsigned long long mix = (static_cast<unsigned long long>(::getpid()) << 20) ^ ++counter;
        for (unsigned char& c : raw) {
            c = static_cast<unsigned char>(mix);
            mix = mix * 6364136223846793005ull + 1442695040888963407ull;
        }
    }
    std::string out;
    for (unsigned char c : raw) out += kAlphabet[c % (sizeof kAlphabet - 1)];
    return out;
}

// Creates a new temporary file beside `path` that did not exist before (never a link).
Result<std::pair<fs::path, int>> createTemporary(const fs::path& path, Access access) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const mode_t mode = access == Access::Private ? 0600 : 0666;
    int lastError = 0;
    for (int attempt = 0; attempt < 16; ++attempt) {
        const fs::path temp = folder / (tempPrefix(path.filename().string()) + randomChars() + ".tmp");
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd >= 0) {
            // The umask can only take bits away; make a private file exactly owner-only.
            if (access == Access::Private && ::fchmod(fd, 0600) != 0) {
                const int why = errno;
                ::close(fd);
                ::unlink(temp.c_str());
                return fail(describe(temp) + ": cannot make it private (" + osReason(why) + ")");
            }
            return std::pair{temp, fd};
        }
        lastError = errno;
        if (lastError != EEXIST) break;
    }
    return fail(describe(folder) + ": cannot create a temporary file for " + describe(path.filename()) + " (" +
                osReason(lastError) + ")");
}

}  // namespace

std::string irregularKind(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return {};
    return kindOf(st.st_mode);
}

std::string destinationProblem(const fs::path& path) {
    if (path.empty() || !path.has_filename()) return describe(path) + ": no file name";
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        const int why = errno;
        if (why == ENOENT) return {};
        return describe(path) + ": cannot check it (" + osReason(why) + ")";
    }
    if (S_ISREG(st.st_mode)) return {};
    return describe(path) + " is " + kindOf(st.st_mode) + ", not a regular file; it was left as it is";
}

bool isTemporaryFor(const std::string& name, const std::string& destinationName) {
    const std::string prefix = tempPrefix(destinationName);
    const std::string suffix = ".tmp";
    if (name.size() != prefix.size() + kTempRandomChars + suffix.size()) return false;
    if (name.compare(0, prefix.size(), prefix) != 0) return false;
    if (name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
    for (std::size_t i = prefix.size(); i < prefix.size() + kTempRandomChars; ++i) {
        const char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

std::string formatSize(std::uintmax_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
    static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes) / 1024.0;
    std::size_t unit = 0;
    while (value >= 1024.0 && unit + 1 < std::size(kUnits)) {
        value /= 1024.0;
        ++unit;
    }
    char text[32];
    // A decimal where it says something: 1.6 MiB, but 200 KiB and 3 GiB.
    const double tenths = std::round(value * 10.0) / 10.0;
    if (value < 10.0 && tenths != std::floor(tenths)) std::snprintf(text, sizeof text, "%.1f %s", tenths, kUnits[unit]);
    else std::snprintf(text, sizeof text, "%.0f %s", value, kUnits[unit]);
    return text;
}

std::string tooLarge(const fs::path& path, std::uintmax_t size, std::uintmax_t limit) {
    std::string shown = formatSize(size), shownLimit = formatSize(limit);
    if (shown == shownLimit) {
        shown = std::to_string(size) + " bytes";
        shownLimit = std::to_string(limit) + "-byte (" + shownLimit + ")";
    }
    return describe(path) + ": file is " + shown + ", larger than the " + shownLimit + " limit";
}

Result<std::vector<std::uint8_t>> readBytes(const fs::path& path, std::uintmax_t limit, Links links) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
    int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
    if (links == Links::Refuse) flags |= O_NOFOLLOW;
    const Descriptor file(::open(path.c_str(), flags));
    if (file.fd < 0) {
        const int why = errno;
        if (why == ENOENT) return fail(describe(path) + ": file not found");
        if (why == ELOOP && links == Links::Refuse) {
            return fail(describe(path) + " is a symbolic link; Myomap does not read its own files through a link, "
                                         "so it was not opened");
        }
        return fail(describe(path) + ": cannot open (" + osReason(why) + ")");
    }
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) {
        const int why = errno;
        return fail(describe(path) + ": cannot read its size (" + osReason(why) + ")");
    }
    if (S_ISDIR(st.st_mode)) return fail(describe(path) + ": is a folder, not a file");
    if (!S_ISREG(st.st_mode)) return fail(describe(path) + " is " + kindOf(st.st_mode) + ", not a regular file; it was not read");
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > limit) return fail(tooLarge(path, size, limit));
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(file.fd, bytes.data() + done, bytes.size() - done);
        const int why = errno;
        if (n < 0 && why == EINTR) continue;
        if (n < 0) return fail(describe(path) + ": read failed after " + std::to_string(done) + " bytes (" + osReason(why) + ")");
        if (n == 0) break;  // the file shrank while it was read
        done += static_cast<std::size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}

Result<std::string> readText(const fs::path& path, std::uintmax_t limit, Links links) {
    auto bytes = readBytes(path, limit, links);
    if (!bytes) return fail(bytes.error());
    return std::string(bytes->begin(), bytes->end());
}

PreparedWrite::PreparedWrite(PreparedWrite&& other) noexcept
    : m_destination(std::move(other.m_destination)), m_temporary(std::exchange(other.m_temporary, {})) {}

PreparedWrite& PreparedWrite::operator=(PreparedWrite&& other) noexcept {
    if (this != &other) {
        if (!m_temporary.empty()) ::unlink(m_temporary.c_str());
        m_destination = std::move(other.m_destination);
        m_temporary = std::exchange(other.m_temporary, {});
    }
    return *this;
}

PreparedWrite::~PreparedWrite() {
    if (!m_temporary.empty()) ::unlink(m_temporary.c_str());
}

Result<PreparedWrite> PreparedWrite::prepare(const fs::path& path, const void* data, std::size_t size, Access access) {
    if (const std::string problem = destinationProblem(path); !problem.empty()) return fail(problem);
    auto created = createTemporary(path, access);
    if (!created) return fail(created.error());
    PreparedWrite out;
    out.m_destination = path;
    out.m_temporary = created->first;  // removed by the destructor unless committed
    Descriptor file(created->second);
    const auto* bytes = static_cast<const char*>(data);
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(file.fd, bytes + written, size - written);
        if (n < 0) {
            const int why = errno;
            if (why == EINTR) continue;
            return fail(describe(out.m_temporary) + ": write failed (" + osReason(why) + ")");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(file.fd) != 0 || !file.close()) {
        const int why = errno;
        return fail(describe(out.m_temporary) + ": could not be flushed to disk (" + osReason(why) + ")");
    }
    return out;
}

Status PreparedWrite::commit(bool syncFolder) {
    assert(!m_temporary.empty() && "PreparedWrite::commit() twice or on nothing");
    // Checked again just before the rename: the destination may have been replaced since.
    if (const std::string problem = destinationProblem(m_destination); !problem.empty()) return fail(problem);
    if (std::rename(m_temporary.c_str(), m_destination.c_str()) != 0) {
        const int why = errno;
        return fail(describe(m_destination) + ": could not be replaced (" + osReason(why) + ")");
    }
    m_temporary.clear();
    if (!syncFolder) return Ok{};
    // Make the rename itself durable.
    const fs::path folder = m_destination.has_parent_path() ? m_destination.parent_path() : fs::path(".");
    const Descriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.fd >= 0) ::fsync(dir.fd);
    return Ok{};
}

Status writeAtomically(const fs::path& path, const void* data, std::size_t size, Access access) {
    auto prepared = PreparedWrite::prepare(path, data, size, access);
    if (!prepared) return fail(prepared.error());
    return prepared->commit();
}

bool isInside(const fs::path& folder, const fs::path& path) {
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
    if (ec) return false;
    const fs::path full = fs::weakly_canonical(path, ec);
    if (ec) return false;
    // Compare component-wise so that "/models/a" does not count as inside "/models/ab".
    auto f = full.begin();
    for (auto b = base.begin(); b != base.end(); ++b) {
        if (b->empty()) continue;  // trailing separator
        if (f == full.end() || *f != *b) return false;
        ++f;
    }
    return true;
}

Result<fs::path> resolveInside(const fs::path& folder, const std::string& relative) {
    if (relative.empty()) return fail("empty path");
    if (relative.find('\0') != std::string::npos) return fail("path contains a NUL character");
    const fs::path rel(relative);
    if (rel.is_absolute() || rel.has_root_name()) {
        return fail("'" + relative + "' is an absolute path; only files inside the model's folder are read");
    }
    const fs::path full = folder / rel;
    if (!isInside(folder, full)) {
        return fail("'" + relative + "' points outside the model's folder " + describe(folder) + "; it was not read");
    }
    std::error_code ec;
    return fs::weakly_canonical(full, ec);
}

}  // namespace myomap::files
