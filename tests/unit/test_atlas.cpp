// The atlas content: the shipped files load cleanly and completely, and each kind of mistake
// in a file is reported with the file, the JSON path and what is wrong while the rest loads.
#include "anatomy/atlas.h"
#include "anatomy/regions.h"
#include "anatomy/search.h"
#include "anatomy/vocabulary.h"
#include "core/log.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

using namespace myomap;
using namespace myomap::anatomy;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

const fs::path kAssets = fs::path(MYOMAP_SOURCE_DIR) / "assets";
const fs::path kAtlas = kAssets / "atlas";

Json readJson(const fs::path& path) {
    std::ifstream in(path);
    return Json::parse(in);
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// A small atlas in a temporary folder: the real sources.json and three real muscles, into
// which a test writes one broken file. No landmark table beside it, so the documented list
// is used.
struct TempAtlas {
    fs::path dir;

    explicit TempAtlas(const std::string& name) {
        dir = fs::temp_directory_path() / ("myomap-atlas-test-" + name) / "atlas";
        fs::remove_all(dir.parent_path());
        fs::create_directories(dir / "muscles");
        fs::create_directories(dir / "pages");
        fs::copy_file(kAtlas / "sources.json", dir / "sources.json");
        for (const char* id : {"deltoid", "masseter", "soleus"}) {
            fs::copy_file(kAtlas / "muscles" / (std::string(id) + ".json"),
                          dir / "muscles" / (std::string(id) + ".json"));
        }
        fs::copy_file(kAtlas / "pages" / "aftercare.json", dir / "pages" / "aftercare.json");
    }
    ~TempAtlas() {
        std::error_code ec;
        fs::remove_all(dir.parent_path(), ec);
    }
    TempAtlas(const TempAtlas&) = delete;
    TempAtlas& operator=(const TempAtlas&) = delete;

    void writeMuscle(const std::string& fileName, const Json& json) const {
        writeText(dir / "muscles" / fileName, json.dump(2));
    }
    Atlas load() const {
        LoadOptions options;
        options.logProblems = false;
        return loadAtlas(dir, options);
    }
};

Json trapezius() { return readJson(kAtlas / "muscles" / "upper_trapezius.json"); }

// The problems about `file` that are errors (warnings about the muscles a small atlas lacks
// are expected and ignored).
std::vector<Problem> errorsIn(const Atlas& atlas, const std::string& fileName) {
    std::vector<Problem> out;
    for (const Problem& p : atlas.problems) {
        if (p.file.filename() == fileName && p.severity == Severity::Error) out.push_back(p);
    }
    return out;
}

std::string allText(const std::vector<Problem>& problems) {
    std::string out;
    for (const Problem& p : problems) out += p.text() + "\n";
    return out;
}

// The untouched muscles of TempAtlas are still there.
void checkOthersLoaded(const Atlas& atlas) {
    CHECK(atlas.findMuscle("deltoid") != nullptr);
    CHECK(atlas.findMuscle("masseter") != nullptr);
    CHECK(atlas.findMuscle("soleus") != nullptr);
    CHECK(atlas.findPage("aftercare") != nullptr);
}

// Expects exactly one error, at `path` in `fileName`, whose message contains `words`.
Problem expectOneError(const Atlas& atlas, const std::string& fileName, const std::string& path,
                       const std::string& words) {
    const auto errors = errorsIn(atlas, fileName);
    INFO(allText(atlas.problems));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].jsonPath == path);
    CHECK(errors[0].message.find(words) != std::string::npos);
    CHECK(errors[0].text().find(fileName) != std::string::npos);
    checkOthersLoaded(atlas);
    return errors[0];
}

}  // namespace

TEST_CASE("atlas: the shipped content loads with no problems") {
    const Atlas atlas = loadAtlas(kAtlas);
    INFO(allText(atlas.problems));
    CHECK(atlas.problems.empty());
    CHECK(atlas.muscles.size() == kMuscleIds.size());
    CHECK(atlas.pages.size() == 12);
    CHECK(atlas.sources.size() >= 5);
    for (std::size_t i = 1; i < atlas.pages.size(); ++i) CHECK(atlas.pages[i - 1].order <= atlas.pages[i].order);
}

TEST_CASE("atlas: every muscle of the figure has complete content") {
    const Atlas atlas = loadAtlas(kAtlas);
    for (std::string_view id : kMuscleIds) {
        CAPTURE(id);
        const Muscle* m = atlas.findMuscle(id);
        REQUIRE(m != nullptr);
        for (const std::string* field :
             {&m->names.common, &m->names.latin, &m->region, &m->origin, &m->insertion, &m->action, &m->innervation,
              &m->summary.client, &m->summary.student, &m->symptoms.client, &m->symptoms.student}) {
            CHECK_FALSE(field->empty());
        }
        CHECK_FALSE(m->causes.empty());
        CHECK_FALSE(m->cautions.empty());
        CHECK_FALSE(m->therapistTreatment.empty());
        CHECK_FALSE(m->selfCare.empty());
        REQUIRE_FALSE(m->sources.empty());
        for (const Citation& c : m->sources) {
            CHECK(c.source.key == c.ref);
            CHECK_FALSE(c.source.title.empty());
        }
        REQUIRE_FALSE(m->triggerPoints.empty());
        for (const TriggerPoint& tp : m->triggerPoints) {
            CAPTURE(tp.id);
            CHECK(tp.muscleId == m->id);
            CHECK(tp.id.rfind(m->id + ".tp", 0) == 0);
            CHECK_FALSE(tp.name.empty());
            CHECK_FALSE(tp.palpation.empty());
            CHECK_FALSE(tp.referral.client.empty());
            CHECK_FALSE(tp.referral.student.empty());
            CHECK(std::any_of(tp.zones.begin(), tp.zones.end(),
                              [](const ReferralZone& z) { return z.kind == ZoneKind::Essential; }));
        }
    }
}

TEST_CASE("atlas: the canonical lists agree with the figure's tables") {
    auto table = [](const fs::path& csv) {
        std::vector<std::vector<std::string>> rows;
        std::ifstream in(csv);
        std::string line;
        bool header = true;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            if (header) {
                header = false;
                continue;
            }
            std::vector<std::string> cells;
            std::stringstream cellStream(line);
            std::string cell;
            while (std::getline(cellStream, cell, ',')) cells.push_back(cell);
            rows.push_back(cells);
        }
        return rows;
    };
    if (!fs::exists(kAssets / "body" / "regions.csv")) {
        MESSAGE("MYOMAP_SKIP: assets/body not present");
        return;
    }
    const auto regions = table(kAssets / "body" / "regions.csv");
    CHECK(regions.size() == kBodyRegions.size());
    for (const auto& row : regions) {
        CAPTURE(row[0]);
        const BodyRegion* region = findBodyRegion(row[0]);
        REQUIRE(region != nullptr);
        CHECK(region->midline == (row[1] == "mid"));
    }
    std::set<std::string> muscles;
    for (const auto& row : table(kAssets / "body" / "muscles.csv")) muscles.insert(row[0]);
    CHECK(muscles == std::set<std::string>(kMuscleIds.begin(), kMuscleIds.end()));

    auto csvLandmarks = readLandmarksCsv(kAssets / "body" / "landmarks.csv");
    REQUIRE(csvLandmarks);
    for (const auto& [id, midline] : documentedLandmarks().midline) {
        CAPTURE(id);
        REQUIRE(csvLandmarks->isMidline(id).has_value());
        CHECK(*csvLandmarks->isMidline(id) == midline);
    }
}

TEST_CASE("atlas: lookups find muscles, trigger points and regions") {
    const Atlas atlas = loadAtlas(kAtlas);
    REQUIRE(atlas.findMuscle("upper_trapezius") != nullptr);
    CHECK(atlas.findMuscle("upper_trapezius")->names.common == "Upper trapezius");
    CHECK(atlas.findMuscle("nonexistent") == nullptr);
    const TriggerPoint* tp = atlas.findTriggerPoint("upper_trapezius.tp1");
    REQUIRE(tp != nullptr);
    CHECK(tp->muscleId == "upper_trapezius");
    CHECK(atlas.findTriggerPoint("upper_trapezius.tp99") == nullptr);
    CHECK(atlas.findTriggerPoint("tp1") == nullptr);
    std::size_t total = 0;
    for (const Muscle& m : atlas.muscles) total += m.triggerPoints.size();
    CHECK(atlas.allTriggerPoints().size() == total);
    const auto neck = atlas.musclesInRegion("neck");
    CHECK(std::any_of(neck.begin(), neck.end(), [](const Muscle* m) { return m->id == "upper_trapezius"; }));
    CHECK(atlas.musclesInRegion("elsewhere").empty());
    REQUIRE(atlas.findSource("ts_vol1_2e") != nullptr);
    CHECK(atlas.findSource("ts_vol1_2e")->year == 1999);
}

TEST_CASE("atlas: each kind of mistake names the file, the JSON path and the problem, the rest loads") {
    log::setQuiet(true);
    TempAtlas temp("mistakes");

    SUBCASE("unknown muscle id") {
        Json m = trapezius();
        m["id"] = "upper_trapezoid";
        temp.writeMuscle("upper_trapezius.json", m);
        const Atlas atlas = temp.load();
        const Problem p = expectOneError(atlas, "upper_trapezius.json", "/id", "not one of the figure's " + std::to_string(kMuscleIds.size()));
        CHECK(p.message.find("did you mean 'upper_trapezius'") != std::string::npos);
        CHECK(p.skipped == "muscle file");
        CHECK(atlas.findMuscle("upper_trapezoid") == nullptr);
    }
    SUBCASE("missing field") {
        Json m = trapezius();
        m.erase("origin");
        temp.writeMuscle("upper_trapezius.json", m);
        const Atlas atlas = temp.load();
        expectOneError(atlas, "upper_trapezius.json", "/origin", "missing");
        CHECK(atlas.findMuscle("upper_trapezius") == nullptr);
    }
    SUBCASE("u out of range skips that trigger point only") {
        Json m = trapezius();
        m["trigger_points"][1]["u"] = 1.5;
        temp.writeMuscle("upper_trapezius.json", m);
        const Atlas atlas = temp.load();
        const Problem p = expectOneError(atlas, "upper_trapezius.json", "/trigger_points/1/u", "between 0 and 1");
        CHECK(p.message.find("1.5") != std::string::npos);
        CHECK(p.skipped == "trigger point upper_trapezius.tp2");
        const Muscle* loaded = atlas.findMuscle("upper_trapezius");
        REQUIRE(loaded != nullptr);
        CHECK(loaded->triggerPoints.size() == m["trigger_points"].size() - 1);
        CHECK(atlas.findTriggerPoint("upper_trapezius.tp1") != nullptr);
        CHECK(atlas.findTriggerPoint("upper_trapezius.tp2") == nullptr);
    }
    SUBCASE("zone with an unknown region") {
        Json m = trapezius();
        m["trigger_points"][0]["referral"]["zones"][2]["region"] = "tempel";
        temp.writeMuscle("upper_trapezius.json", m);
        const Atlas atlas = temp.load();
        const Problem p = expectOneError(atlas, "upper_trapezius.json", "/trigger_points/0/referral/zones/2/region",
                                         "not a body region");
        CHECK(p.message.find("did you mean 'temple'") != std::string::npos);
        CHECK(atlas.findTriggerPoint("upper_trapezius.tp1") == nullptr);
        CHECK(atlas.findTriggerPoint("upper_trapezius.tp2") != nullptr);
    }
    SUBCASE("zone with an unknown landmark") {
        Json m = trapezius();
        m["trigger_points"][0]["referral"]["zones"][2] = {
            {"landmark", "mastoid_proces"}, {"radius_cm", 3}, {"kind", "essential"}};
        temp.writeMuscle("upper_trapezius.json", m);
        const Problem p = expectOneError(temp.load(), "upper_trapezius.json",
                                         "/trigger_points/0/referral/zones/2/landmark", "not a landmark id");
        CHECK(p.message.find("mastoid_process") != std::string::npos);
    }
    SUBCASE("zone with both a region and a landmark") {
        Json m = trapezius();
        m["trigger_points"][0]["referral"]["zones"][0]["landmark"] = "inion";
        temp.writeMuscle("upper_trapezius.json", m);
        expectOneError(temp.load(), "upper_trapezius.json", "/trigger_points/0/referral/zones/0", "exactly one");
    }
    SUBCASE("landmark radius out of range") {
        Json m = trapezius();
        m["trigger_points"][0]["referral"]["zones"][0] = {
            {"landmark", "inion"}, {"radius_cm", 40}, {"kind", "essential"}};
        temp.writeMuscle("upper_trapezius.json", m);
        expectOneError(temp.load(), "upper_trapezius.json", "/trigger_points/0/referral/zones/0/radius_cm",
                       "between 1 and 15");
    }
    SUBCASE("midline side on a sided region") {
        Json m = trapezius();
        m["trigger_points"][0]["referral"]["zones"][0]["side"] = "midline";
        temp.writeMuscle("upper_trapezius.json", m);
        expectOneError(temp.load(), "upper_trapezius.json", "/trigger_points/0/referral/zones/0/side",
                       "left and a right");
    }
    SUBCASE("no essential zone") {
        Json m = trapezius();
        m["trigger_points"][1]["referral"]["zones"] = Json::array({{{"region", "occiput"}, {"kind", "spillover"}}});
        temp.writeMuscle("upper_trapezius.json", m);
        expectOneError(temp.load(), "upper_trapezius.json", "/trigger_points/1/referral/zones", "essential");
    }
    SUBCASE("duplicate trigger point id") {
        Json m = trapezius();
        m["trigger_points"][1]["id"] = "upper_trapezius.tp1";
        temp.writeMuscle("upper_trapezius.json", m);
        const Atlas atlas = temp.load();
        expectOneError(atlas, "upper_trapezius.json", "/trigger_points/1/id", "duplicate trigger point id");
        REQUIRE(atlas.findMuscle("upper_trapezius") != nullptr);
        CHECK(atlas.findMuscle("upper_trapezius")->triggerPoints.size() == m["trigger_points"].size() - 1);
    }
    SUBCASE("trigger point id of another muscle") {
        Json m = trapezius();
        m["trigger_points"][0]["id"] = "deltoid.tp7";
        temp.writeMuscle("upper_trapezius.json", m);
        expectOneError(temp.load(), "upper_trapezius.json", "/trigger_points/0/id", "upper_trapezius.tp<N>");
    }
    SUBCASE("duplicate muscle id in another file") {
        Json m = readJson(kAtlas / "muscles" / "deltoid.json");
        temp.writeMuscle("deltoid copy.json", m);
        const Atlas atlas = temp.load();
        // The file named after the id wins even though the copy sorts first.
        expectOneError(atlas, "deltoid copy.json", "/id", "duplicate muscle id 'deltoid'");
        CHECK(atlas.muscles.size() == 3);
    }
    SUBCASE("wrong type") {
        Json m = trapezius();
        m["trigger_points"][0]["v"] = "0.5";
        temp.writeMuscle("upper_trapezius.json", m);
        expectOneError(temp.load(), "upper_trapezius.json", "/trigger_points/0/v", "expected a number, found a string");
    }
    SUBCASE("unknown related id, technique and source") {
        Json m = trapezius();
        m["related"][0] = "levator_scapula";
        m["treatment"]["self_care"][0]["technique"] = "stretching";
        m["sources"][0]["ref"] = "ts_vol1";
        temp.writeMuscle("upper_trapezius.json", m);
        const Atlas atlas = temp.load();
        const auto errors = errorsIn(atlas, "upper_trapezius.json");
        INFO(allText(errors));
        REQUIRE(errors.size() == 3);
        CHECK(errors[0].jsonPath == "/related/0");
        CHECK(errors[0].message.find("levator_scapulae") != std::string::npos);
        CHECK(errors[1].jsonPath == "/treatment/self_care/0/technique");
        CHECK(errors[1].message.find("'stretching' is not one of") != std::string::npos);
        CHECK(errors[2].jsonPath == "/sources/0/ref");
        CHECK(errors[2].message.find("not a key of sources.json") != std::string::npos);
        checkOthersLoaded(atlas);
    }
    SUBCASE("unknown field is a warning and skips nothing") {
        Json m = trapezius();
        m["sumary"] = "typo";
        temp.writeMuscle("upper_trapezius.json", m);
        const Atlas atlas = temp.load();
        CHECK(errorsIn(atlas, "upper_trapezius.json").empty());
        CHECK(atlas.findMuscle("upper_trapezius") != nullptr);
        const auto warning = std::find_if(atlas.problems.begin(), atlas.problems.end(),
                                          [](const Problem& p) { return p.jsonPath == "/sumary"; });
        REQUIRE(warning != atlas.problems.end());
        CHECK(warning->severity == Severity::Warning);
        CHECK(warning->message.find("did you mean 'summary'") != std::string::npos);
    }
    SUBCASE("invalid JSON gives line and column") {
        writeText(temp.dir / "muscles" / "upper_trapezius.json", "{\n  \"id\": \"upper_trapezius\",\n  oops\n}\n");
        const Problem p = expectOneError(temp.load(), "upper_trapezius.json", "", "invalid JSON");
        CHECK(p.message.find("line 3, column 3") != std::string::npos);
    }
    SUBCASE("absurdly deep nesting is refused without recursion") {
        writeText(temp.dir / "muscles" / "upper_trapezius.json", std::string(10000, '[') + std::string(10000, ']'));
        const Problem p = expectOneError(temp.load(), "upper_trapezius.json", "", "nested more than");
        CHECK(p.message.find("line 1, column 33") != std::string::npos);
    }
    SUBCASE("deep nesting inside a string is just text") {
        Json m = trapezius();
        m["source_notes"] = std::string(5000, '[');
        temp.writeMuscle("upper_trapezius.json", m);
        CHECK(errorsIn(temp.load(), "upper_trapezius.json").empty());
    }
    SUBCASE("top level that is not an object") {
        writeText(temp.dir / "muscles" / "upper_trapezius.json", "[1, 2, 3]");
        expectOneError(temp.load(), "upper_trapezius.json", "", "holds one JSON object, found a list");
    }
    SUBCASE("file too large") {
        writeText(temp.dir / "muscles" / "upper_trapezius.json", "\"" + std::string(2u << 20, 'x') + "\"");
        expectOneError(temp.load(), "upper_trapezius.json", "", "limit");
    }
    SUBCASE("page table row with the wrong number of cells") {
        Json page = readJson(kAtlas / "pages" / "how_massage_works.json");
        page["sections"][2]["table"]["rows"][1].erase(0);
        writeText(temp.dir / "pages" / "how_massage_works.json", page.dump());
        const Atlas atlas = temp.load();
        const Problem p = expectOneError(atlas, "how_massage_works.json", "/sections/2/table/rows/1", "2 cells");
        CHECK(p.skipped == "page how_massage_works");
        CHECK(atlas.findPage("how_massage_works") == nullptr);
    }
    log::setQuiet(false);
}

TEST_CASE("atlas: a missing folder is one problem, not a crash") {
    LoadOptions options;
    options.logProblems = false;
    const Atlas atlas = loadAtlas(fs::temp_directory_path() / "myomap-no-such-atlas", options);
    REQUIRE(atlas.problems.size() == 1);
    CHECK(atlas.problems[0].message.find("not found") != std::string::npos);
    CHECK(atlas.muscles.empty());
}

TEST_CASE("atlas: problems are logged") {
    log::setQuiet(true);
    TempAtlas temp("logged");
    Json m = trapezius();
    m["trigger_points"][0]["u"] = -1;
    temp.writeMuscle("upper_trapezius.json", m);
    const std::size_t before = log::count();
    const Atlas atlas = loadAtlas(temp.dir);
    log::setQuiet(false);
    CHECK(log::count() - before == atlas.problems.size());
    const auto recent = log::recent();
    CHECK(std::any_of(recent.begin(), recent.end(), [](const log::Entry& e) {
        return e.level == log::Level::Error && e.text.find("/trigger_points/0/u") != std::string::npos;
    }));
}

TEST_CASE("atlas search: folds case and accents") {
    CHECK(foldForSearch("Trapèze") == "trapeze");
    CHECK(foldForSearch("  TRAPEZIUS, pars_descendens ") == "trapezius pars descendens");
    CHECK(foldForSearch("Muskel Größe Ærø") == "muskel grosse aero");
    CHECK(foldForSearch("e\xCC\x81") == "e");  // decomposed é
    CHECK(foldForSearch("\xFF\xFE") == "");    // not UTF-8: separators only
    CHECK(editDistance("minimis", "minimus") == 1);
    CHECK(editDistance("teres", "tetres") == 1);
    CHECK(editDistance("ab", "ba") == 1);
    CHECK(editDistance("", "abc") == 3);
}

TEST_CASE("atlas search: finds muscles by common, Latin and other names") {
    const Atlas atlas = loadAtlas(kAtlas);
    auto ids = [&](std::string_view query, std::size_t n) {
        std::vector<std::string> out;
        for (const SearchHit& hit : search(atlas, query, n)) out.push_back(hit.muscle->id);
        return out;
    };
    const std::set<std::string> trapezii{"upper_trapezius", "middle_trapezius", "lower_trapezius"};
    for (const char* query : {"trapezius", "TRAPEZIUS", "Trapèze", "trapezuis"}) {
        CAPTURE(query);
        const auto hits = ids(query, 3);
        CHECK(std::set<std::string>(hits.begin(), hits.end()) == trapezii);
    }
    CHECK(ids("gluteus minimis", 1) == std::vector<std::string>{"gluteus_minimus"});
    CHECK(ids("Upper trapezius", 1) == std::vector<std::string>{"upper_trapezius"});
    CHECK(ids("upper traps", 1) == std::vector<std::string>{"upper_trapezius"});
    CHECK(ids("glut", 10).size() == 3);
    CHECK(ids("", 10).empty());
    CHECK(ids("xyzzy", 10).empty());

    // Latin names: every muscle is found by its own Latin name, first.
    for (const Muscle& m : atlas.muscles) {
        CAPTURE(m.names.latin);
        const auto hits = search(atlas, m.names.latin, 1);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits[0].muscle->id == m.id);
    }
    const auto latin = search(atlas, "musculus sternocleidomastoideus", 1);
    REQUIRE_FALSE(latin.empty());
    CHECK(latin[0].muscle->id == "sternocleidomastoid");
}
