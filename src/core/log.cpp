#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <deque>

namespace myomap::log {
namespace {

constexpr std::size_t kKept = 300;

struct Store {
    std::mutex mutex;
    std::deque<Entry> entries;
    std::size_t total = 0;
};

Store& store() {
    static Store s;
    return s;
}

std::atomic<bool> g_quiet{false};

void write(Level level, std::string_view text) {
    if (!g_quiet.load()) {
        const char* tag = level == Level::Error ? "error" : level == Level::Warning ? "warning" : "info";
        std::fprintf(stderr, "myomap: %s: %.*s\n", tag, static_cast<int>(text.size()), text.data());
    }
    Store& s = store();
    std::lock_guard lock(s.mutex);
    s.entries.push_back({level, std::string(text)});
    if (s.entries.size() > kKept) s.entries.pop_front();
    ++s.total;
}

}  // namespace

void info(std::string_view text) { write(Level::Info, text); }
void warning(std::string_view text) { write(Level::Warning, text); }
void error(std::string_view text) { write(Level::Error, text); }
void setQuiet(bool quiet) { g_quiet.store(quiet); }

std::vector<Entry> recent() {
    Store& s = store();
    std::lock_guard lock(s.mutex);
    return {s.entries.begin(), s.entries.end()};
}

std::size_t count() {
    Store& s = store();
    std::lock_guard lock(s.mutex);
    return s.total;
}

}  // namespace myomap::log
