// Figures about this process for benchmarks and soak runs: memory, CPU time, allocations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace myomap::process {

std::size_t residentBytes();      // now
std::size_t peakResidentBytes();  // the most so far (VmHWM)
double cpuSeconds();              // every thread of the process
double threadCpuSeconds();        // the calling thread only
double secondsSinceStart();       // since the process started (10 ms resolution)
// Heap allocations made so far by the main thread, where the binary counts them (the
// benchmark build, bench/alloc_counter.cpp); nothing otherwise.
std::optional<std::uint64_t> allocationCount();
// Of those, the ones made through C++'s operator new (C++ code; the OpenGL driver is C).
std::optional<std::uint64_t> newCount();

}  // namespace myomap::process
