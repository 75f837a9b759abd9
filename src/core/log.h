// A small logger: messages go to stderr and into a bounded in-memory list that the UI shows.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::log {

enum class Level { Info, Warning, Error };

struct Entry {
    Level level;
    std::string text;
};

void info(std::string_view text);
void warning(std::string_view text);
void error(std::string_view text);

// Silences stderr output (tests that provoke errors on purpose); entries are still kept.
void setQuiet(bool quiet);

// The most recent entries, oldest first (at most a few hundred are kept).
std::vector<Entry> recent();
// Number of entries ever logged: lets the UI notice new ones cheaply.
std::size_t count();

}  // namespace myomap::log
