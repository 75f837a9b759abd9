// A refused write through the real code path, as any user, anywhere: while a WriteLimit lives,
// this process may not write past `bytes` into any file (RLIMIT_FSIZE), so write() fails with
// EFBIG ("File too large") at the same step where a full disk fails with ENOSPC. (Planting a
// link to /dev/full no longer works: the atomic writer never opens a planted file.) The real
// full disk is tests/unit/test_faults.cpp's tiny tmpfs.
#pragma once

#include <sys/resource.h>
#include <csignal>
#include <cstring>
#include <string>

namespace myomap::test {

class WriteLimit {
public:
    explicit WriteLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN);  // else the process is killed, not told
        const rlimit limited{bytes, m_old.rlim_max};
        ::setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~WriteLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    WriteLimit(const WriteLimit&) = delete;
    WriteLimit& operator=(const WriteLimit&) = delete;

    // The reason a refused write gives, as the messages show it.
    static std::string reason() { return std::strerror(EFBIG); }

private:
    rlimit m_old{};
    void (*m_oldHandler)(int) = SIG_DFL;
};

}  // namespace myomap::test
