#include "tools/kiosk_soak.h"

#include "automation/headless.h"
#include "core/files.h"
#include "core/log.h"
#include "explore/frame_builder.h"
#include "modes/kiosk/kiosk_tour.h"
#include "session/kiosk_config.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <cstdio>
#include <fstream>
#include <unistd.h>

namespace myomap::app {

std::size_t residentBytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    if (!(statm >> pages >> resident)) return 0;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

namespace {

// The soak on the opened figure; the exit code.
int soak(OffscreenFigure& figure, const Options& options, const session::KioskConfigLoad& config) {
    Explorer& explorer = figure.explorer;
    render::Renderer& renderer = figure.renderer;
    std::vector<std::string> problems;
    std::vector<KioskStep> tour = kioskTour(explorer, config.config.featuredMuscles, problems);
    for (const std::string& p : problems) log::warning(p);
    KioskController kiosk(std::move(tour), {config.config.idleTimeoutSeconds, config.config.attractStepSeconds, 20.0},
                          config.config.exitPin);

    const int width = options.width, height = options.height;
    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    OrbitCamera camera;
    render::FrameData frame;
    const long frames = *options.frames;
    const double dt = options.fixedDt;
    // A visitor every 4 minutes of kiosk time, tapping the body every 2 s for 20 s.
    const double visitEvery = 240.0, visitLength = 20.0, tapEvery = 2.0;
    // The table has ten rows; --soak-log adds a CSV row every 100 frames. Frame times are the
    // mean and the slowest of the frames since the row before.
    // Kept in memory and written whole through the one write path after each row (a few tens
    // of kilobytes at most), so a planted link or a device at the path is refused, not written.
    std::string csv;
    if (options.soakLog) {
        csv = "frame,kiosk_s,rss_mb,mean_ms,max_ms,visitor\n";
        if (auto s = files::writeAtomically(*options.soakLog, csv); !s) {
            log::error("cannot write the soak log: " + s.error());
            return 1;
        }
    }
    const long tableEvery = std::max<long>(frames / 10, 1), csvEvery = 100;
    struct Span {
        double seconds = 0.0, slowest = 0.0;
        long count = 0;
        void add(double s) {
            seconds += s;
            slowest = std::max(slowest, s);
            ++count;
        }
        double meanMs() const { return count ? 1000.0 * seconds / static_cast<double>(count) : 0.0; }
    } table, row;
    bool visitorSeen = false;
    std::printf("kiosk soak: %ld frames, %.3f s each, %dx%d, %s\n", frames, dt, width, height,
                renderer.contextInfo().renderer.c_str());
    std::printf("%10s %12s %10s %12s %12s\n", "frame", "kiosk time", "RSS MB", "frame ms", "slowest ms");
    for (long i = 0; i < frames; ++i) {
        const double t = static_cast<double>(i) * dt;
        const double inVisit = std::fmod(t, visitEvery);
        const model::Pose pose = explorer.view().pose(-1, 0.0f);
        if (inVisit > visitEvery - visitLength && std::fmod(inVisit, tapEvery) < dt) {
            kiosk.visitorInput(t);
            visitorSeen = true;
            const std::string picked = explorer.pick(frame, width / 2, height / 3);
            if (!picked.empty()) (void)explorer.select(picked);
        }
        kiosk.update(t);
        if (kiosk.stepPending() && kiosk.step()) {
            showTourStep(explorer, camera, pose, aspect, *kiosk.step(), t);
            kiosk.stepShown();
        }
        const auto start = std::chrono::steady_clock::now();
        // Smooth edges as the live kiosk draws them (View > Smooth edges: off without a GPU).
        startFrame(frame, camera, aspect, width, height,
                   {!renderer.isSoftware(), std::nullopt, renderer.isSoftware() ? Detail::Reduced : Detail::Full});
        explorer.addToFrame(pose, t, renderer, frame);
        if (auto s = renderer.render(frame); !s) {
            log::error(s.error());
            return 1;
        }
        (void)renderer.capture();  // the frame is read back, as a kiosk's display would show it
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        table.add(seconds);
        row.add(seconds);
        const bool last = i + 1 == frames;
        if (options.soakLog && ((i + 1) % csvEvery == 0 || last)) {
            char line[160];
            std::snprintf(line, sizeof line, "%ld,%.1f,%.1f,%.2f,%.2f,%d\n", i + 1, t + dt,
                          static_cast<double>(residentBytes()) / 1048576.0, row.meanMs(), 1000.0 * row.slowest,
                          visitorSeen ? 1 : 0);
            csv += line;
            if (auto s = files::writeAtomically(*options.soakLog, csv); !s) {
                log::error("cannot write the soak log: " + s.error());
                return 1;
            }
            row = {};
            visitorSeen = false;
        }
        if ((i + 1) % tableEvery == 0 || last) {
            std::printf("%10ld %12.1f %10.1f %12.2f %12.2f\n", i + 1, t + dt,
                        static_cast<double>(residentBytes()) / 1048576.0, table.meanMs(), 1000.0 * table.slowest);
            std::fflush(stdout);
            table = {};
        }
    }
    return 0;
}

}  // namespace

int runKioskFrames(const Options& options) {
    const session::KioskConfigLoad config = session::loadKioskConfig(options.modeConfig);
    for (const std::string& p : config.problems) log::warning(p);
    return onOffscreenFigure("Myomap kiosk (offscreen)",
                             [&](OffscreenFigure& figure) { return soak(figure, options, config); });
}

}  // namespace myomap::app
