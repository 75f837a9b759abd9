// `myomap query`: the answers a person reads and the JSON a script parses.
#include "anatomy/vocabulary.h"
#include "tools/query.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace myomap;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

const std::string kAtlas = (fs::path(MYOMAP_SOURCE_DIR) / "assets" / "atlas").string();

struct Answer {
    int code;
    std::string out;
    std::string err;
};

// Runs a query against the source tree's atlas (unless the arguments name another).
Answer query(std::vector<std::string> args) {
    if (std::find(args.begin(), args.end(), "--atlas") == args.end()) {
        args.push_back("--atlas");
        args.push_back(kAtlas);
    }
    std::ostringstream out, err;
    const int code = app::runQuery(args, out, err);
    return {code, out.str(), err.str()};
}

// The figure's muscle count, as the answers print it.
const std::string kMuscleCount = std::to_string(myomap::anatomy::kMuscleIds.size());

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("query --list-muscles") {
    const Answer text = query({"--list-muscles"});
    CHECK(text.code == 0);
    CHECK(contains(text.out, "upper_trapezius"));
    CHECK(contains(text.out, "Gluteus minimus"));
    CHECK(contains(text.out, kMuscleCount + " muscles"));
    CHECK(text.err.empty());

    const Answer json = query({"--list-muscles", "--json"});
    REQUIRE(json.code == 0);
    const Json parsed = Json::parse(json.out);
    REQUIRE(parsed["muscles"].size() == myomap::anatomy::kMuscleIds.size());
    const Json& first = parsed["muscles"][0];
    CHECK(first["id"] == "abductor_hallucis");  // in id order
    CHECK(first["trigger_points"].size() >= 1);
    CHECK(first["trigger_points"][0] == "abductor_hallucis.tp1");
}

TEST_CASE("query --list-regions") {
    const Answer text = query({"--list-regions"});
    CHECK(text.code == 0);
    CHECK(contains(text.out, "temple"));
    CHECK(contains(text.out, "sternum  (midline)"));

    const Json parsed = Json::parse(query({"--list-regions", "--json"}).out);
    CHECK(parsed["regions"].size() == 76);
    CHECK(parsed["muscle_regions"].size() == myomap::anatomy::kMuscleRegions.size());
    bool sacrumMidline = false;
    for (const Json& r : parsed["regions"]) {
        if (r["id"] == "sacrum") sacrumMidline = r["midline"];
    }
    CHECK(sacrumMidline);
}

TEST_CASE("query --muscle shows all the content with its sources") {
    const Answer text = query({"--muscle", "upper_trapezius"});
    REQUIRE(text.code == 0);
    for (const char* part : {"Upper trapezius (upper_trapezius)", "Musculus trapezius, pars descendens",
                             "Origin:", "Innervation:", "upper_trapezius.tp1", "Essential zones: posterior_neck",
                             "Symptoms", "Causes", "Treatment by a therapist", "ischemic compression:", "Self-care",
                             "Cautions", "Sources", "Travell & Simons", "1999", "Chapter: 6", "not a diagnosis"}) {
        CAPTURE(part);
        CHECK(contains(text.out, part));
    }
    // Wrapped for a terminal.
    std::istringstream lines(text.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.find(' ') != std::string::npos) CHECK(line.size() <= 100 + 40);
    }

    const Answer json = query({"--muscle", "upper_trapezius", "--json"});
    REQUIRE(json.code == 0);
    const Json m = Json::parse(json.out);
    CHECK(m["id"] == "upper_trapezius");
    CHECK(m["layer"] == "superficial");
    CHECK(m["trigger_points"][0]["u"].get<double>() == doctest::Approx(0.55));
    CHECK(m["trigger_points"][0]["referral"]["zones"][0]["kind"] == "essential");
    CHECK(m["sources"][0]["ref"] == "ts_vol1_2e");
    CHECK(m["sources"][0]["source"]["year"] == 1999);
    CHECK_FALSE(m["treatment"]["self_care"].empty());

    // A full name works as well as the id.
    const Answer byName = query({"--muscle", "Gluteus Minimus"});
    CHECK(byName.code == 0);
    CHECK(contains(byName.out, "(gluteus_minimus)"));
}

TEST_CASE("query --muscle with an unknown id suggests the closest") {
    const Answer typo = query({"--muscle", "upper_trapezus"});
    CHECK(typo.code == 2);
    CHECK(typo.out.empty());
    CHECK(contains(typo.err, "no muscle 'upper_trapezus'"));
    CHECK(contains(typo.err, "did you mean 'upper_trapezius'"));

    const Answer partial = query({"--muscle", "trapezius", "--json"});
    CHECK(partial.code == 2);
    const Json parsed = Json::parse(partial.out);
    CHECK(contains(parsed["error"].get<std::string>(), "trapezius"));
    const auto suggestions = parsed["did_you_mean"].get<std::vector<std::string>>();
    for (const char* id : {"upper_trapezius", "middle_trapezius", "lower_trapezius"}) {
        CAPTURE(id);
        CHECK(std::find(suggestions.begin(), suggestions.end(), id) != suggestions.end());
    }
}

TEST_CASE("query --problems") {
    const Answer clean = query({"--problems"});
    CHECK(clean.code == 0);
    CHECK(contains(clean.out, "No problems"));
    CHECK(contains(clean.out, kMuscleCount + " muscles"));
    const Json parsed = Json::parse(query({"--problems", "--json"}).out);
    CHECK(parsed["errors"] == 0);
    CHECK(parsed["problems"].empty());
    CHECK(parsed["loaded"]["muscles"] == myomap::anatomy::kMuscleIds.size());

    // A broken copy: one bad muscle is reported, by file and path.
    const fs::path dir = fs::temp_directory_path() / "myomap-query-test" / "atlas";
    fs::remove_all(dir.parent_path());
    fs::create_directories(dir / "muscles");
    fs::create_directories(dir / "pages");
    fs::copy_file(fs::path(kAtlas) / "sources.json", dir / "sources.json");
    std::ifstream in(fs::path(kAtlas) / "muscles" / "deltoid.json");
    Json deltoid = Json::parse(in);
    deltoid["trigger_points"][0]["u"] = 1.5;
    std::ofstream(dir / "muscles" / "deltoid.json") << deltoid.dump();

    const Answer broken = query({"--problems", "--atlas", dir.string()});
    CHECK(broken.code == 1);
    CHECK(contains(broken.out, "error: " + (dir / "muscles" / "deltoid.json").string() + ": /trigger_points/0/u"));
    const Json report = Json::parse(query({"--problems", "--json", "--atlas", dir.string()}).out);
    CHECK(report["errors"] == 1);
    bool found = false;
    for (const Json& p : report["problems"]) {
        if (p["path"] == "/trigger_points/0/u") {
            found = true;
            CHECK(p["severity"] == "error");
            CHECK(p["skipped"] == "trigger point deltoid.tp1");
        }
    }
    CHECK(found);

    // Other questions still answer, with a note about the problems.
    const Answer listed = query({"--list-muscles", "--atlas", dir.string()});
    CHECK(listed.code == 0);
    CHECK(contains(listed.err, "--problems"));
    fs::remove_all(dir.parent_path());
}

// The answers need the built figure: tests/atlas/test_pain_query.cpp. These are refused before
// the figure is loaded.
TEST_CASE("query --pain and --at check their argument first") {
    CHECK(query({"--pain", "sternum.L"}).code == 2);
    const Answer typo = query({"--pain", "tempel", "--json"});
    CHECK(typo.code == 2);
    CHECK(Json::parse(typo.out)["did_you_mean"][0] == "temple");
    CHECK(query({"--pain", "temple", "--top", "0"}).code == 2);

    for (const char* bad : {"1,2", "1,2,3,4", "a,b,c", "1,,3"}) {
        CAPTURE(bad);
        const Answer answer = query({"--at", bad});
        CHECK(answer.code == 2);
        CHECK(contains(answer.err, "x,y,z"));
    }
}

TEST_CASE("query usage errors") {
    CHECK(query({}).code == 2);
    CHECK(query({"--bogus"}).code == 2);
    CHECK(query({"--muscle"}).code == 2);
    CHECK(query({"--list-muscles", "--problems"}).code == 2);
    const Answer help = query({"--help"});
    CHECK(help.code == 0);
    CHECK(contains(help.out, "--list-muscles"));
    CHECK(query({"--list-muscles", "--help"}).out == help.out);
}
