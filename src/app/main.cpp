// myomap: the viewer, or one offscreen frame with --screenshot, or one of the tools.
#include "app/cli.h"
#include "automation/headless.h"
#include "core/log.h"
#include "modes/kiosk/kiosk_mode.h"
#include "tools/figure_metrics.h"
#include "tools/handout_command.h"
#include "tools/kiosk_soak.h"
#include "tools/query.h"
#include "viewer/viewer.h"

#include <cstdio>
#include <string>
#include <vector>

#ifndef MYOMAP_VERSION
#define MYOMAP_VERSION "0"
#endif

int main(int argc, char** argv) {
    using namespace myomap;
    if (argc > 1 && std::string(argv[1]) == "handout") {
        return app::runHandoutCommand(std::vector<std::string>(argv + 2, argv + argc));
    }
    if (argc > 1 && std::string(argv[1]) == "figure-metrics") {
        return app::runFigureMetrics(std::vector<std::string>(argv + 2, argv + argc));
    }
    if (argc > 1 && std::string(argv[1]) == "query") {
        return app::runQuery(std::vector<std::string>(argv + 2, argv + argc));
    }
    const std::vector<std::string> args(argv + 1, argv + argc);
    auto options = app::parseOptions(args);
    if (!options) {
        log::error(options.error());
        return 2;
    }
    if (options->help) {
        std::fputs(app::helpText().c_str(), stdout);
        return 0;
    }
    if (options->version) {
        std::printf("myomap %s\n", MYOMAP_VERSION);
        return 0;
    }
    const bool kiosk = options->mode == app::kKioskModeName;
    if (options->frames && !kiosk && options->bench.empty()) {
        log::error("--frames runs the kiosk offscreen (with --kiosk) or sets a benchmark's length (with --bench)");
        return 2;
    }
    if (kiosk && options->frames) return app::runKioskFrames(*options);
    if (options->screenshot || options->script) return app::runHeadless(*options);
    return app::runViewer(*options);
}
