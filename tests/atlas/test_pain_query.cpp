// `myomap query --pain` and `--at` on the built figure.
#include "anatomy/vocabulary.h"
#include "tools/query.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

using namespace myomap;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

struct Answer {
    int code;
    std::string out;
    std::string err;
};

// The source tree's atlas, and the figure this build generated.
Answer query(std::vector<std::string> args) {
    args.push_back("--atlas");
    args.push_back((fs::path(MYOMAP_SOURCE_DIR) / "assets" / "atlas").string());
    ::setenv("MYOMAP_FIGURE", MYOMAP_BODY_GLB, 1);
    std::ostringstream out, err;
    const int code = app::runQuery(args, out, err);
    return {code, out.str(), err.str()};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The muscle ids starting the answer lines.
std::vector<std::string> listedMuscles(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        const std::string first = line.substr(0, line.find(' '));
        if (anatomy::isMuscleId(first)) out.push_back(first);
    }
    return out;
}

}  // namespace

TEST_CASE("query --pain temple lists the upper trapezius, muscle id first") {
    const Answer a = query({"--pain", "temple", "--top", "5"});
    CAPTURE(a.err);
    REQUIRE(a.code == 0);
    CAPTURE(a.out);
    const auto muscles = listedMuscles(a.out);
    CHECK(muscles.size() <= 5);
    CHECK(std::find(muscles.begin(), muscles.end(), "upper_trapezius") != muscles.end());
    CHECK(contains(a.out, "Upper trapezius"));
    CHECK(contains(a.out, "essential"));

    const Answer sided = query({"--pain", "temple.R", "--top", "3"});
    REQUIRE(sided.code == 0);
    CHECK(listedMuscles(sided.out).size() == 3);
    const Answer all = query({"--pain", "temple"});
    REQUIRE(all.code == 0);
    CHECK(listedMuscles(all.out).size() <= 10);
}

TEST_CASE("query --pain --json parses") {
    const Answer a = query({"--pain", "lateral_epicondyle", "--json", "--top", "4"});
    REQUIRE(a.code == 0);
    const Json j = Json::parse(a.out);
    CHECK(j["query"]["region"] == "lateral_epicondyle");
    REQUIRE(j["muscles"].is_array());
    CHECK(j["muscles"].size() <= 4);
    REQUIRE_FALSE(j["muscles"].empty());
    CHECK(j["muscles"][0]["score"].get<double>() > 0.0);
    CHECK(j["muscles"][0]["side"] == "either");
    CHECK(j["trigger_points"][0]["trigger_point"].get<std::string>().find(".tp") != std::string::npos);
    bool supinator = false;
    for (const Json& m : j["muscles"]) supinator = supinator || m["muscle"] == "supinator";
    CHECK(supinator);
}

TEST_CASE("query --pain with an unknown region suggests the closest") {
    const Answer typo = query({"--pain", "tempel"});
    CHECK(typo.code == 2);
    CHECK(contains(typo.err, "no body region 'tempel'"));
    CHECK(contains(typo.err, "did you mean 'temple'"));
    const Answer json = query({"--pain", "lateral_epicondil", "--json"});
    CHECK(json.code == 2);
    CHECK(Json::parse(json.out)["did_you_mean"][0] == "lateral_epicondyle");
    CHECK(query({"--pain", "sternum.L"}).code == 2);
    CHECK(query({"--pain", "temple", "--top", "0"}).code == 2);
    CHECK(query({"--pain", "temple", "--top", "x"}).code == 2);
}

TEST_CASE("query --at a point near the temple") {
    // Left temple of the reference figure, just off the skin (landmarks.csv: temporal fossa
    // centre 0.064, 1.662, 0.035 on the bone; the skin is a few millimetres further out).
    const Answer a = query({"--at", "0.075,1.662,0.035", "--top", "5"});
    CAPTURE(a.err);
    REQUIRE(a.code == 0);
    CAPTURE(a.out);
    CHECK(contains(a.out, "temple.L"));
    const auto muscles = listedMuscles(a.out);
    CHECK(std::find(muscles.begin(), muscles.end(), "upper_trapezius") != muscles.end());

    const Json j = Json::parse(query({"--at", "0.075,1.662,0.035", "--json"}).out);
    CHECK(j["query"]["skin"]["region"] == "temple.L");
    CHECK(j["query"]["skin"]["distance_m"].get<double>() < 0.05);
    CHECK_FALSE(j["muscles"].empty());
}

TEST_CASE("query --at with a bad value") {
    for (const char* bad : {"1,2", "1,2,3,4", "a,b,c", "1,,3", "0.1;1.5;0"}) {
        CAPTURE(bad);
        const Answer answer = query({"--at", bad});
        CHECK(answer.code == 2);
        CHECK(contains(answer.err, "x,y,z"));
    }
    // Far from the skin.
    const Answer far = query({"--at", "0,3,0"});
    CHECK(far.code == 2);
    CHECK(contains(far.err, "from the figure's skin"));
}

TEST_CASE("query --pain names a missing figure and how to build it") {
    ::setenv("MYOMAP_FIGURE", "/nonexistent/body.glb", 1);
    std::ostringstream out, err;
    const std::string atlas = (fs::path(MYOMAP_SOURCE_DIR) / "assets" / "atlas").string();
    const int code = app::runQuery({"--pain", "temple", "--atlas", atlas}, out, err);
    ::setenv("MYOMAP_FIGURE", MYOMAP_BODY_GLB, 1);
    CHECK(code == 1);
    CHECK(contains(err.str(), "/nonexistent/body.glb"));
    CHECK(contains(err.str(), "myomap_body_glb"));
}

TEST_CASE("query --pain calf puts the pain guide's first muscle first and says what else calf pain can be") {
    const Answer a = query({"--pain", "calf", "--top", "5"});
    REQUIRE(a.code == 0);
    CAPTURE(a.out);
    const auto muscles = listedMuscles(a.out);
    REQUIRE_FALSE(muscles.empty());
    CHECK(muscles.front() == "soleus");
    CHECK(contains(a.out, "guide 1"));
    CHECK(contains(a.out, "Also consider: "));
    CHECK(contains(a.out, "deep vein thrombosis"));
    const Answer j = query({"--pain", "calf", "--json"});
    REQUIRE(j.code == 0);
    const Json json = Json::parse(j.out);
    CHECK(json["muscles"][0]["guide_place"] == 1);
    REQUIRE(json["warnings"].size() == 1);
    CHECK(json["warnings"][0]["id"] == "blood_clot");
    const Answer heel = query({"--pain", "heel", "--json"});
    REQUIRE(heel.code == 0);
    CHECK(Json::parse(heel.out)["warnings"].empty());
}
