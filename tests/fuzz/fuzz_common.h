// Shared by the fuzz targets: a private scratch folder per process (targets that can only read
// a path write their input there) and a check that every failure message names its input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace myomap::fuzz {

// /tmp/myomap-fuzz-<pid>/ (or under $TMPDIR): created on first use, holds nothing but the
// current input, so a model's external files are never found and nothing else is read.
inline const std::filesystem::path& scratchFolder() {
    static const std::filesystem::path folder = [] {
        auto path = std::filesystem::temp_directory_path() / ("myomap-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return folder;
}

inline std::filesystem::path writeInput(const std::string& name, const std::uint8_t* data, std::size_t size) {
    const auto path = scratchFolder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

// A failure message that does not name the input breaks the loaders' contract: stop so
// libFuzzer saves the input.
inline void expectNamed(std::string_view message, std::string_view name) {
    if (message.find(name) == std::string_view::npos) {
        std::fprintf(stderr, "message does not name '%.*s': %.*s\n", static_cast<int>(name.size()), name.data(),
                     static_cast<int>(message.size()), message.data());
        std::abort();
    }
}

}  // namespace myomap::fuzz
