// The benchmark build's allocation counters, main thread only: every malloc family call (the
// C++ library, ImGui and the OpenGL driver all come here), and separately every operator new
// (C++ code: ours, the standard library's containers and strings; the driver is C and never
// calls it). Only myomap-bench links this; src/core/process_stats.cpp reads the counts through
// weak symbols.
#include <cstddef>
#include <cstdint>
#include <new>
#include <sys/syscall.h>
#include <unistd.h>

extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* p, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);
void __libc_free(void* p);
}

namespace {
std::uint64_t g_count = 0;               // written by the main thread only
std::uint64_t g_newCount = 0;
thread_local int t_isMain = -1;          // -1: not asked yet (initial-exec TLS: no allocation)

inline bool mainThread() {
    if (t_isMain < 0) t_isMain = syscall(SYS_gettid) == getpid() ? 1 : 0;
    return t_isMain == 1;
}
inline void count() {
    if (mainThread()) ++g_count;
}
void* counted(std::size_t size) {
    if (mainThread()) {
        ++g_newCount;
        ++g_count;
    }
    if (void* p = __libc_malloc(size == 0 ? 1 : size)) return p;
    throw std::bad_alloc();
}
}  // namespace

extern "C" {
std::uint64_t myomap_allocation_count() { return g_count; }
std::uint64_t myomap_new_count() { return g_newCount; }

void* malloc(std::size_t size) {
    count();
    return __libc_malloc(size);
}
void* calloc(std::size_t count_, std::size_t size) {
    count();
    return __libc_calloc(count_, size);
}
void* realloc(void* p, std::size_t size) {
    count();
    return __libc_realloc(p, size);
}
void* memalign(std::size_t alignment, std::size_t size) {
    count();
    return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) {
    count();
    return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) {
    count();
    void* p = __libc_memalign(alignment, size);
    if (!p) return 12;  // ENOMEM
    *out = p;
    return 0;
}
void free(void* p) { __libc_free(p); }
}

void* operator new(std::size_t size) { return counted(size); }
void* operator new[](std::size_t size) { return counted(size); }
void operator delete(void* p) noexcept { __libc_free(p); }
void operator delete[](void* p) noexcept { __libc_free(p); }
void operator delete(void* p, std::size_t) noexcept { __libc_free(p); }
void operator delete[](void* p, std::size_t) noexcept { __libc_free(p); }
