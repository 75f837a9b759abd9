#include "core/paths.h"
#include "session/kiosk_config.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace myomap::session;

namespace {

fs::path scratchFile(const char* name, const std::string& text) {
    const fs::path dir = fs::temp_directory_path() / "myomap-test-kiosk";
    fs::create_directories(dir);
    const fs::path file = dir / name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const char* kFullFile = R"({
  "clinicName": "Harbour Clinic", "message": "Tap where it hurts.",
  "accent": "#ff8000", "background": "#000000",
  "featuredMuscles": ["gluteus_medius", "quadratus_lumborum"],
  "idleTimeoutSeconds": 45.5, "exitPin": "01234567", "attractStepSeconds": 8
})";

}  // namespace

TEST_CASE("kiosk config without a file is the defaults with no problems") {
    const KioskConfigLoad load = loadKioskConfig(std::nullopt);
    CHECK(load.problems.empty());
    CHECK(load.config == KioskConfig{});
    CHECK(load.config.clinicName == "Myomap");
    CHECK(load.config.exitPin == "2468");
    CHECK(load.config.featuredMuscles.size() == 5);
    CHECK(load.config.idleTimeoutSeconds == 90);
}

TEST_CASE("kiosk config reads a full valid file") {
    const KioskConfigLoad load = loadKioskConfig(scratchFile("full-valid.json", kFullFile));
    CHECK(load.problems.empty());
    const KioskConfig& c = load.config;
    CHECK(c.clinicName == "Harbour Clinic");
    CHECK(c.message == "Tap where it hurts.");
    CHECK(c.accent.x == doctest::Approx(1.0));
    CHECK(c.accent.y == doctest::Approx(128.0 / 255.0));
    CHECK(c.accent.z == doctest::Approx(0.0));
    CHECK(c.background == glm::vec3(0.0f));
    CHECK(c.featuredMuscles == std::vector<std::string>{"gluteus_medius", "quadratus_lumborum"});
    CHECK(c.idleTimeoutSeconds == 45.5);
    CHECK(c.exitPin == "01234567");
    CHECK(c.attractStepSeconds == 8);
}

TEST_CASE("kiosk config: each bad field falls back alone with a message naming it") {
    struct Case {
        const char* field;
        const char* value;
    };
    const Case cases[] = {
        {"clinicName", "42"},
        {"clinicName", "\"  \""},
        {"message", "null"},
        {"accent", "\"red\""},
        {"accent", "\"#12345G\""},
        {"background", "[0, 0, 0]"},
        {"featuredMuscles", "\"upper_trapezius\""},
        {"featuredMuscles", "[]"},
        {"featuredMuscles", "[1, \"Bad Id\"]"},
        {"idleTimeoutSeconds", "5"},
        {"idleTimeoutSeconds", "3601"},
        {"idleTimeoutSeconds", "\"90\""},
        {"exitPin", "2468"},
        {"exitPin", "\"123\""},
        {"exitPin", "\"123456789\""},
        {"exitPin", "\"12a4\""},
        {"attractStepSeconds", "0"},
        {"attractStepSeconds", "true"},
    };
    const KioskConfig full = loadKioskConfig(scratchFile("full-base.json", kFullFile)).config;
    const KioskConfig defaults;
    for (const Case& c : cases) {
        CAPTURE(c.field);
        CAPTURE(c.value);
        // The full file with one field replaced by a bad value.
        std::string text = kFullFile;
        const std::string key = std::string("\"") + c.field + "\": ";
        const auto start = text.find(key) + key.size();
        const auto end = text[start] == '[' ? text.find(']', start) + 1 : text.find_first_of(",\n}", start);
        text.replace(start, end - start, c.value);
        const fs::path file = scratchFile("bad.json", text);
        const KioskConfigLoad load = loadKioskConfig(file);
        REQUIRE(!load.problems.empty());
        for (const std::string& p : load.problems) {
            CHECK(contains(p, file.string()));
            CHECK(contains(p, std::string("/") + c.field));
        }
        CHECK(contains(load.problems.back(), "default"));
        // That field is the default; every other field still comes from the file.
        KioskConfig expected = full;
        const std::string field = c.field;
        if (field == "clinicName") expected.clinicName = defaults.clinicName;
        if (field == "message") expected.message = defaults.message;
        if (field == "accent") expected.accent = defaults.accent;
        if (field == "background") expected.background = defaults.background;
        if (field == "featuredMuscles") expected.featuredMuscles = defaults.featuredMuscles;
        if (field == "idleTimeoutSeconds") expected.idleTimeoutSeconds = defaults.idleTimeoutSeconds;
        if (field == "exitPin") expected.exitPin = defaults.exitPin;
        if (field == "attractStepSeconds") expected.attractStepSeconds = defaults.attractStepSeconds;
        CHECK(load.config == expected);
    }
}

TEST_CASE("kiosk config skips bad muscle ids but keeps the good ones, and reports unknown fields") {
    const auto load = loadKioskConfig(scratchFile("mixed.json", R"({"featuredMuscles": ["teres_minor", 7, "../x"],
        "idleTimeout": 30})"));
    CHECK(load.config.featuredMuscles == std::vector<std::string>{"teres_minor"});
    REQUIRE(load.problems.size() == 3);
    CHECK(contains(load.problems[0], "/featuredMuscles/1"));
    CHECK(contains(load.problems[1], "/featuredMuscles/2"));
    CHECK(contains(load.problems[2], "/idleTimeout: unknown field"));
    CHECK(load.config.idleTimeoutSeconds == 90);
}

TEST_CASE("kiosk config with invalid JSON, a missing file or an oversized file is the defaults") {
    for (const std::string& text : {std::string("{\"clinicName\": \"A\","), std::string("[1, 2]"),
                                    std::string(10'000, '['), std::string(70'000, ' ') + "{}"}) {
        const fs::path file = scratchFile("broken.json", text);
        const auto load = loadKioskConfig(file);
        CHECK(load.config == KioskConfig{});
        REQUIRE(load.problems.size() == 1);
        CHECK(contains(load.problems[0], file.string()));
    }
    const fs::path missing = fs::temp_directory_path() / "myomap-test-kiosk" / "no-such-kiosk.json";
    const auto load = loadKioskConfig(missing);
    CHECK(load.config == KioskConfig{});
    REQUIRE(load.problems.size() == 1);
    CHECK(contains(load.problems[0], "no-such-kiosk.json"));
    CHECK(contains(load.problems[0], "not found"));
}

TEST_CASE("kiosk config: the example in assets loads with no problems") {
    const fs::path example = fs::path(MYOMAP_SOURCE_DIR) / "assets" / "kiosk.example.json";
    const auto load = loadKioskConfig(example);
    for (const std::string& p : load.problems) MESSAGE(p);
    CHECK(load.problems.empty());
    CHECK(load.config.clinicName != KioskConfig{}.clinicName);
    CHECK(load.config.idleTimeoutSeconds == 90);
}
