// Locating the third-party test data in ../shared/fixtures. Tests that need it skip with a
// message when it is absent (a fresh clone has no ../shared).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#ifndef MYOMAP_FIXTURES_DIR
#define MYOMAP_FIXTURES_DIR ""
#endif

namespace myomap::test {

inline std::filesystem::path fixturesDir() {
    if (const char* env = std::getenv("MYOMAP_FIXTURES"); env && *env) return env;
    return MYOMAP_FIXTURES_DIR;
}

// The path of a fixture, or empty after printing a skip line that ctest recognises.
inline std::filesystem::path fixture(const std::string& relative) {
    const std::filesystem::path path = fixturesDir() / relative;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        std::cout << "MYOMAP_SKIP: fixture not found: " << path.string()
                  << " (set MYOMAP_FIXTURES or place ../shared/fixtures beside the project)\n";
        return {};
    }
    return path;
}

}  // namespace myomap::test
