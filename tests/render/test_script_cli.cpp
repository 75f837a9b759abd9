// `myomap --script FILE` end to end: a script using every command runs and does what it says;
// a bad script fails naming the file, the line and what is wrong.
#include "support/run_myomap.h"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

fs::path writeScript(const std::string& name, const std::string& text) {
    const fs::path path = test::outputDir("script_cli") / name;
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("a script with every command runs, prints its picks and writes its screenshots") {
    const fs::path dir = test::outputDir("script_cli");
    const fs::path a = dir / "every-a.png", b = dir / "every-b.png";
    fs::remove(a);
    fs::remove(b);
    const fs::path script = writeScript("every.txt",
                                        "# every command once\n"
                                        "size 320x400\n"
                                        "view posterior\n"
                                        "pose desk_slump\n"
                                        "time 0.5\n"
                                        "wait 0.5\n"
                                        "layer skin off\n"
                                        "layer bones 0.5\n"
                                        "side right\n"
                                        "select upper_trapezius.R\n"
                                        "referral upper_trapezius.tp1\n"
                                        "heat still\n"
                                        "palette colourblind\n"
                                        "pick 2 2\n"
                                        "screenshot " + a.string() + "\n"
                                        "isolate\n"
                                        "show all\n"
                                        "heat animated\n"
                                        "palette default\n"
                                        "side both\n"
                                        "referral none\n"
                                        "select none\n"
                                        "view anterior\n"
                                        "pick 160 120\n"
                                        "screenshot " + b.string() + "\n");
    const auto run = test::runMyomap({"--script", script.string()});
    CAPTURE(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(run.output.find("picked: nothing") != std::string::npos);  // the corner
    CHECK(run.output.find("picked: skin") != std::string::npos);     // the chest, skin back on
    auto first = readPng(a);
    REQUIRE(first);
    CHECK(first->width == 320);
    CHECK(first->height == 400);
    CHECK(fs::exists(b));
}

TEST_CASE("the one-shot flags run the same commands before the screenshot") {
    const fs::path out = test::outputDir("script_cli") / "one-shot.png";
    const auto run = test::runMyomap({"--size", "240x320", "--view", "posterior", "--select", "upper_trapezius.R",
                                      "--referral", "upper_trapezius.tp1", "--time", "1.2", "--screenshot", out.string()});
    CAPTURE(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK(fs::exists(out));
}

TEST_CASE("a bad script fails with the file, the line and the problem") {
    SUBCASE("a command the parser does not know") {
        const fs::path script = writeScript("bad-verb.txt", "view posterior\n\nselct upper_trapezius.R\n");
        const auto run = test::runMyomap({"--script", script.string()});
        CHECK(run.exitCode != 0);
        CHECK(run.output.find("bad-verb.txt:3") != std::string::npos);
        CHECK(run.output.find("select") != std::string::npos);
    }
    SUBCASE("a muscle the figure does not have") {
        const fs::path script = writeScript("bad-muscle.txt", "view posterior\nselect upper_trapezus.R\n");
        const auto run = test::runMyomap({"--script", script.string()});
        CHECK(run.exitCode != 0);
        CHECK(run.output.find("bad-muscle.txt:2") != std::string::npos);
        CHECK(run.output.find("upper_trapezius.R") != std::string::npos);  // the suggestion
    }
    SUBCASE("a pose the figure does not have") {
        const fs::path script = writeScript("bad-pose.txt", "pose slouch\n");
        const auto run = test::runMyomap({"--script", script.string()});
        CHECK(run.exitCode != 0);
        CHECK(run.output.find("bad-pose.txt:1") != std::string::npos);
        CHECK(run.output.find("desk_slump") != std::string::npos);
    }
    SUBCASE("a missing script") {
        const auto run = test::runMyomap({"--script", "/nonexistent/demo.txt"});
        CHECK(run.exitCode != 0);
        CHECK(run.output.find("/nonexistent/demo.txt") != std::string::npos);
    }
}

TEST_CASE("look client shows the whole person in skin with the pain on it, look anatomy the muscles") {
    const fs::path dir = test::outputDir("script_cli");
    const fs::path client = dir / "look-client.png", anatomy = dir / "look-anatomy.png";
    const fs::path script = writeScript("looks.txt",
                                        "size 240x400\n"
                                        "view posterior\n"
                                        "look client\n"
                                        "referral upper_trapezius.tp1\n"
                                        "heat still\n"
                                        "screenshot " + client.string() + "\n"
                                        "look anatomy\n"
                                        "referral none\n"
                                        "select none\n"
                                        "screenshot " + anatomy.string() + "\n");
    const auto run = test::runMyomap({"--script", script.string()});
    CAPTURE(run.output);
    REQUIRE(run.exitCode == 0);
    // Muscle red: the anatomy look is full of it; the client look has none (the heat is
    // yellow to red but lies on the skin only around the neck and head, above the shoulders).
    auto muscleRed = [](const ImageRgba& image, int fromRow) {
        int n = 0;
        for (int y = fromRow; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x) {
                const std::uint8_t* p = image.at(x, y);
                n += p[0] > 120 && p[1] < 80 && p[2] < 80;
            }
        return n;
    };
    auto c = readPng(client), a = readPng(anatomy);
    REQUIRE(c);
    REQUIRE(a);
    const int belowShoulders = 400 / 4;
    CHECK(muscleRed(*a, belowShoulders) > 2000);
    CHECK(muscleRed(*c, belowShoulders) == 0);
    CHECK(muscleRed(*c, 0) > 50);  // the referral's essential zone on the neck, deep red
}

