// `myomap --bench orbit|floor|first-frame`: the viewer's own frames, timed. bench/run.sh runs
// these and docs/PERFORMANCE.md holds the figures.
//   orbit        the real frame (UI, panel, heat, markers) while the camera turns
//   floor        the same posed triangles drawn once with a trivial shader, same window and size
//   first-frame  process start to the first frame presented
//   pick         what is under a pixel: a grid of clicks over the window, each timed
//   referrals    every trigger point's referral field on both sides, built from nothing
// Each prints one line of key=value figures on stdout.
#include "viewer/viewer_impl.h"

#include "anatomy/referral_field.h"
#include "explore/frame_builder.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "render/gl/imgui_backend.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace myomap::app {

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

}  // namespace

int Viewer::benchPick(int width, int height) {
    glfwPollEvents();
    frame(width, height, 1.0f / 60.0f);  // the frame the clicks land on
    std::vector<double> ms;
    int hits = 0;
    // A 12 x 12 grid over the middle third of the window, where the figure stands; the first
    // click poses the figure's triangles on the CPU (after any pose change), the rest reuse them.
    constexpr int kGrid = 12;
    for (int gy = 0; gy < kGrid; ++gy) {
        for (int gx = 0; gx < kGrid; ++gx) {
            const int x = width / 3 + (2 * gx + 1) * width / (6 * kGrid), y = (2 * gy + 1) * height / (2 * kGrid);
            const auto start = Clock::now();
            const std::string picked = m_explorer.pick(m_frame, x, y);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            hits += picked.empty() ? 0 : 1;
        }
    }
    const double first = ms.front();
    ms.erase(ms.begin());
    std::printf("bench pick: picks=%zu hits=%d first_ms=%.3f median_ms=%.3f p99_ms=%.3f max_ms=%.3f renderer=\"%s\"\n",
                ms.size() + 1, hits, first, percentile(ms, 0.5), percentile(ms, 0.99), percentile(ms, 1.0),
                m_renderer.contextInfo().renderer.c_str());
    return 0;
}

int Viewer::benchReferrals() {
    const anatomy::BodySurfaces* body = m_explorer.surfaces();
    if (!body) {
        report("bench: referrals need the built-in figure and its atlas");
        return 1;
    }
    const auto start = Clock::now();
    anatomy::ReferralFieldCache cache(m_atlas, *body);
    const double graphMs = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    std::vector<double> ms;
    for (const anatomy::TriggerPoint* tp : m_atlas.allTriggerPoints()) {
        for (const anatomy::Side side : {anatomy::Side::Left, anatomy::Side::Right}) {
            const auto one = Clock::now();
            if (auto field = cache.get(tp->id, side); !field) log::warning(field.error());
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - one).count());
        }
    }
    double total = graphMs;
    for (const double x : ms) total += x;
    std::printf("bench referrals: fields=%zu graph_ms=%.1f median_ms=%.2f max_ms=%.2f total_ms=%.1f\n", ms.size(), graphMs,
                percentile(ms, 0.5), percentile(ms, 1.0), total);
    return 0;
}

int Viewer::runBench() {
    const std::string kind = m_options.bench;
    const long frames = m_options.frames.value_or(kind == "first-frame" ? 1 : 600);
    constexpr long kWarmUp = 20;
    constexpr float kDt = 1.0f / 60.0f;        // logic time per frame: the same work on any machine
    constexpr float kOrbitPixels = 4.0f;       // per frame: a full turn in a few hundred frames
    int width = 0, height = 0;
    m_window.framebufferSize(width, height);
    if (width <= 0 || height <= 0) {
        report("bench: the window has no size");
        return 1;
    }
    m_camera.aspect = static_cast<float>(width) / static_cast<float>(height);

    if (kind == "first-frame") {
        glfwPollEvents();
        frame(width, height, kDt);
        m_renderer.finish();
        std::printf("bench first-frame: seconds=%.3f renderer=\"%s\"\n", process::secondsSinceStart(),
                    m_renderer.contextInfo().renderer.c_str());
        return 0;
    }

    if (kind == "pick") return benchPick(width, height);
    if (kind == "referrals") return benchReferrals();

    const bool floor = kind == "floor";
    if (floor) {
        // The triangles the real frame draws, posed once on the CPU.
        buildFrame(width, height);
        std::vector<glm::vec3> positions;
        std::vector<std::uint32_t> indices;
        // Each mesh at the level of detail the frame draws it with.
        std::vector<int> levels;
        for (std::size_t i = 0; i < m_frame.items.size(); ++i) {
            const auto mesh = static_cast<std::size_t>(std::max(m_frame.items[i].mesh, 0));
            if (levels.size() <= mesh) levels.resize(mesh + 1, 0);
            levels[mesh] = m_renderer.levelOf(m_frame, i);
        }
        const auto levelOf = [&](int mesh) { return mesh >= 0 && static_cast<std::size_t>(mesh) < levels.size() ? levels[static_cast<std::size_t>(mesh)] : 0; };
        m_explorer.drawnGeometry(m_explorer.view().pose(m_ui.clip, m_ui.time), levelOf, positions, indices);
        m_renderer.setFloorGeometry(positions, indices);
        std::printf("bench floor: %zu triangles\n", indices.size() / 3);
    }

    std::vector<double> wall, cpu, mainCpu;
    wall.reserve(static_cast<std::size_t>(frames));
    cpu.reserve(static_cast<std::size_t>(frames));
    mainCpu.reserve(static_cast<std::size_t>(frames));
    std::uint64_t allocations = 0, news = 0;
    long framesWithNew = 0;  // frames that called operator new at all (a session autosave is one)
    for (long i = -kWarmUp; i < frames; ++i) {
        const auto start = Clock::now();
        const double cpu0 = process::cpuSeconds(), main0 = process::threadCpuSeconds();
        const auto alloc0 = process::allocationCount();
        const auto new0 = process::newCount();
        m_camera.camera.orbit(kOrbitPixels, 0.0f);
        if (floor) {
            glfwPollEvents();
            startFrame(m_frame, m_camera.camera, m_camera.aspect, width, height,
                       {m_ui.smoothEdges, std::nullopt, m_ui.reducedDetail ? Detail::Reduced : Detail::Full});
            if (auto s = m_renderer.renderFloor(m_frame); !s) {
                report(s.error());
                return 1;
            }
            m_renderer.presentToWindow(width, height);
            m_window.swapBuffers();
        } else {
            glfwPollEvents();
            frame(width, height, kDt);
        }
        m_renderer.finish();
        if (i < 0) continue;
        const auto alloc1 = process::allocationCount();
        if (alloc0 && alloc1) allocations += *alloc1 - *alloc0;
        const auto new1 = process::newCount();
        if (new0 && new1) {
            news += *new1 - *new0;
            if (*new1 != *new0) ++framesWithNew;
        }
        wall.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        cpu.push_back(1000.0 * (process::cpuSeconds() - cpu0));
        mainCpu.push_back(1000.0 * (process::threadCpuSeconds() - main0));
    }
    const auto mean = [](const std::vector<double>& v) {
        double sum = 0.0;
        for (const double x : v) sum += x;
        return v.empty() ? 0.0 : sum / static_cast<double>(v.size());
    };
    char allocText[32] = "n/a", newText[32] = "n/a", newFramesText[32] = "n/a";
    if (process::allocationCount()) std::snprintf(allocText, sizeof allocText, "%.1f", static_cast<double>(allocations) / static_cast<double>(frames));
    if (process::newCount()) {
        std::snprintf(newText, sizeof newText, "%.1f", static_cast<double>(news) / static_cast<double>(frames));
        std::snprintf(newFramesText, sizeof newFramesText, "%ld", framesWithNew);
    }
    std::printf("bench %s: frames=%ld size=%dx%d median_ms=%.2f p99_ms=%.2f min_ms=%.2f max_ms=%.2f cpu_ms=%.2f "
                "main_cpu_ms=%.2f allocs_per_frame=%s cxx_allocs_per_frame=%s frames_with_cxx_allocs=%s peak_rss_mb=%.1f renderer=\"%s\"\n",
                kind.c_str(), frames, width, height, percentile(wall, 0.5), percentile(wall, 0.99), percentile(wall, 0.0),
                percentile(wall, 1.0), mean(cpu), mean(mainCpu), allocText, newText, newFramesText,
                static_cast<double>(process::peakResidentBytes()) / 1048576.0, m_renderer.contextInfo().renderer.c_str());
    std::fflush(stdout);
    return 0;
}

}  // namespace myomap::app
