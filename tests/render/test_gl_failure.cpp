// When no OpenGL 3.3 core context can be had, the real binary says why and what to install,
// exits with 1, and does not crash: no display at all, a display that is not there, and a
// driver held below OpenGL 3.3 (Mesa's MESA_GL_VERSION_OVERRIDE, as an old driver would be).
#include "support/run_myomap.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

// Runs myomap with `env` (arguments to env(1): "-u DISPLAY", "VAR=value") in front; the exit
// code as the shell reports it (128 + signal when the program died of one).
test::RunResult runWithEnv(const std::string& env, const std::vector<std::string>& args) {
    static int calls = 0;
    const fs::path log =
        test::outputDir("logs") / ("gl-failure-" + std::to_string(::getpid()) + "-" + std::to_string(++calls) + ".txt");
    std::string command = "env " + env + " " + test::shellQuote(MYOMAP_BINARY);
    for (const auto& a : args) command += " " + test::shellQuote(a);
    command += " > " + test::shellQuote(log.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    test::RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(log);
    result.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    fs::remove(log);
    return result;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool haveDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display && *display;
}

}  // namespace

TEST_CASE("gl failure: with no display every entry point says so and names xvfb-run and a desktop") {
    const fs::path out = test::outputDir("gl-failure") / "nodisplay.png";
    fs::remove(out);
    const std::vector<std::vector<std::string>> entryPoints{
        {"--screenshot", out.string()},                                        // offscreen
        {"--kiosk", "--frames", "3", "--fixed-dt", "0.1", "--size", "64x48"},  // the kiosk soak
        {"--kiosk"},                                                           // the kiosk
        {},                                                                    // the viewer
    };
    for (const auto& args : entryPoints) {
        CAPTURE(args.empty() ? std::string("(no arguments)") : args.front());
        const auto run = runWithEnv("-u DISPLAY -u WAYLAND_DISPLAY", args);
        CAPTURE(run.output);
        CHECK(run.exitCode == 1);  // not 128 + a signal: no crash, no core dump
        CHECK(contains(run.output, "no display is set"));
        CHECK(contains(run.output, "xvfb-run"));
        CHECK(contains(run.output, "desktop"));
        CHECK_FALSE(contains(run.output, "Segmentation"));
    }
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("gl failure: a display that cannot be opened is named") {
    const auto run = runWithEnv("DISPLAY=:987", {"--screenshot", (test::outputDir("gl-failure") / "bad.png").string()});
    CAPTURE(run.output);
    CHECK(run.exitCode == 1);
    CHECK(contains(run.output, "':987' could not be opened"));
    CHECK(contains(run.output, "xvfb-run"));
}

TEST_CASE("gl failure: a driver below OpenGL 3.3 core names what is needed and what to install") {
    if (!haveDisplay()) {
        MESSAGE("MYOMAP_SKIP: no DISPLAY: run under xvfb-run to check the OpenGL version message");
        return;
    }
    const fs::path out = test::outputDir("gl-failure") / "gl30.png";
    fs::remove(out);
    for (const char* env : {"MESA_GL_VERSION_OVERRIDE=3.0", "MESA_GL_VERSION_OVERRIDE=2.1"}) {
        CAPTURE(env);
        const auto run = runWithEnv(env, {"--screenshot", out.string()});
        CAPTURE(run.output);
        if (run.exitCode == 0) {
            MESSAGE("MYOMAP_SKIP: this OpenGL driver is not Mesa (it ignores " << env << ")");
            return;
        }
        CHECK(run.exitCode == 1);
        CHECK(contains(run.output, "OpenGL 3.3 core"));
        CHECK(contains(run.output, "libgl1-mesa-dri"));
        CHECK(contains(run.output, "graphics card's own driver"));
        CHECK(contains(run.output, env));  // the override that caused it is named
    }
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("gl failure: Mesa's drivers missing (as without libgl1-mesa-dri) names the package to install") {
    if (!haveDisplay()) {
        MESSAGE("MYOMAP_SKIP: no DISPLAY: run under xvfb-run to check the missing-driver message");
        return;
    }
    // Mesa looks for its DRI drivers (swrast_dri.so, from libgl1-mesa-dri) here: an empty
    // folder is what a machine without the package has.
    const fs::path empty = test::outputDir("gl-failure") / "no-dri-drivers";
    fs::create_directories(empty);
    const auto run = runWithEnv("LIBGL_DRIVERS_PATH=" + test::shellQuote(empty.string()),
                                {"--screenshot", (test::outputDir("gl-failure") / "nodri.png").string()});
    CAPTURE(run.output);
    if (run.exitCode == 0) {
        MESSAGE("MYOMAP_SKIP: this OpenGL driver is not Mesa (it ignores LIBGL_DRIVERS_PATH)");
        return;
    }
    CHECK(run.exitCode == 1);
    CHECK(contains(run.output, "OpenGL 3.3 core"));
    CHECK(contains(run.output, "apt-get install libgl1-mesa-dri"));
}
