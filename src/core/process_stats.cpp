#include "core/process_stats.h"

#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

// Defined by the benchmark build's allocation counter; absent (null) everywhere else.
extern "C" __attribute__((weak)) std::uint64_t myomap_allocation_count();
extern "C" __attribute__((weak)) std::uint64_t myomap_new_count();

namespace myomap::process {

namespace {
double clockSeconds(clockid_t clock) {
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0) return 0.0;
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::size_t statusKilobytes(const std::string& key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(key, 0) == 0) {
            std::istringstream fields(line.substr(key.size()));
            std::size_t kb = 0;
            fields >> kb;
            return kb * 1024;
        }
    }
    return 0;
}
}  // namespace

std::size_t residentBytes() { return statusKilobytes("VmRSS:"); }
std::size_t peakResidentBytes() { return statusKilobytes("VmHWM:"); }
double cpuSeconds() { return clockSeconds(CLOCK_PROCESS_CPUTIME_ID); }
double threadCpuSeconds() { return clockSeconds(CLOCK_THREAD_CPUTIME_ID); }

double secondsSinceStart() {
    // Field 22 of /proc/self/stat: the start time in clock ticks after boot; the command name
    // (field 2) may hold spaces, so count from its closing parenthesis.
    std::ifstream stat("/proc/self/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0.0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    for (int i = 3; i < 22 && fields >> field; ++i) {}
    unsigned long long ticks = 0;
    if (!(fields >> ticks)) return 0.0;
    const double started = static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
    return clockSeconds(CLOCK_BOOTTIME) - started;
}

std::optional<std::uint64_t> allocationCount() {
    if (&myomap_allocation_count == nullptr) return std::nullopt;
    return myomap_allocation_count();
}

std::optional<std::uint64_t> newCount() {
    if (&myomap_new_count == nullptr) return std::nullopt;
    return myomap_new_count();
}

}  // namespace myomap::process
