// Runs the real myomap binary, as a user would, and reads back the image it wrote. Render tests
// go through the same command line and code path as people and scripts.
#pragma once

#include "core/image.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sys/wait.h>
#include <unistd.h>
#include <string>
#include <vector>

#ifndef MYOMAP_BINARY
#define MYOMAP_BINARY "myomap"
#endif
#ifndef MYOMAP_TEST_OUTPUT_DIR
#define MYOMAP_TEST_OUTPUT_DIR "test-output"
#endif

namespace myomap::test {

struct RunResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

inline std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

inline std::filesystem::path outputDir(const std::string& group) {
    const auto dir = std::filesystem::path(MYOMAP_TEST_OUTPUT_DIR) / group;
    std::filesystem::create_directories(dir);
    return dir;
}

inline RunResult runMyomap(const std::vector<std::string>& args) {
    // Unique per process and call: ctest runs test cases in parallel processes.
    static int calls = 0;
    const auto log = outputDir("logs") / ("run-" + std::to_string(::getpid()) + "-" + std::to_string(++calls) + ".txt");
    std::string command = shellQuote(MYOMAP_BINARY);
    for (const auto& a : args) command += " " + shellQuote(a);
    command += " > " + shellQuote(log.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(log);
    result.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    std::filesystem::remove(log);
    return result;
}

}  // namespace myomap::test
