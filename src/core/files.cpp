#include "core/files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace myomap::files {
namespace fs = std::filesystem;

namespace {

std::string describe(const fs::path& path) { return "'" + path.string() + "'"; }

}  // namespace

Result<std::vector<std::uint8_t>> readBytes(const fs::path& path, std::uintmax_t limit) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return fail(describe(path) + ": file not found");
    if (fs::is_directory(status)) return fail(describe(path) + ": is a folder, not a file");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return fail(describe(path) + ": cannot read its size (" + ec.message() + ")");
    if (size > limit) {
        return fail(describe(path) + ": file is " + std::to_string(size >> 20) +
                    " MiB, larger than the " + std::to_string(limit >> 20) + " MiB limit");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(describe(path) + ": cannot open (" + std::strerror(errno) + ")");
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
        return fail(describe(path) + ": read failed after " + std::to_string(in.gcount()) + " bytes");
    }
    return bytes;
}

Result<std::string> readText(const fs::path& path, std::uintmax_t limit) {
    auto bytes = readBytes(path, limit);
    if (!bytes) return fail(bytes.error());
    return std::string(bytes->begin(), bytes->end());
}

Status writeAtomically(const fs::path& path, const void* data, std::size_t size) {
    const fs::path temp = path.string() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return fail(describe(temp) + ": cannot create (" + std::strerror(errno) + ")");
    const auto* bytes = static_cast<const char*>(data);
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd, bytes + written, size - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            return fail(describe(temp) + ": write failed (" + why + ")");
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return fail(describe(temp) + ": could not be flushed to disk (" + why + ")");
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp.c_str());
        return fail(describe(path) + ": could not be replaced (" + why + ")");
    }
    // Make the rename itself durable.
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return Ok{};
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
