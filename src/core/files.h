// Reading and writing whole files safely: size limits on reads, atomic replacement on writes,
// and a check that a path named inside a file stays within an allowed folder.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace myomap::files {

// 512 MiB: far above any model Myomap is meant to open, far below what would exhaust memory.
inline constexpr std::uintmax_t kDefaultReadLimit = 512ull << 20;

Result<std::vector<std::uint8_t>> readBytes(const std::filesystem::path& path,
                                            std::uintmax_t limit = kDefaultReadLimit);
Result<std::string> readText(const std::filesystem::path& path,
                             std::uintmax_t limit = kDefaultReadLimit);

// Writes to a temporary file beside `path`, flushes it to disk, then renames it over `path`,
// so readers see either the old or the new content, never a torn file.
Status writeAtomically(const std::filesystem::path& path, const void* data, std::size_t size);

// Whether `path` (absolute, or relative to the working folder) lies inside `folder` once "..",
// "." and symbolic links are resolved.
bool isInside(const std::filesystem::path& folder, const std::filesystem::path& path);

// Resolves `relative` (a URI-decoded path taken from inside a file) against `folder` and
// returns it only if it stays inside `folder`: no absolute paths, no escaping through "..".
Result<std::filesystem::path> resolveInside(const std::filesystem::path& folder,
                                            const std::string& relative);

}  // namespace myomap::files
