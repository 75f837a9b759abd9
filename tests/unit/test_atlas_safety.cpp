// The atlas's safety content (issue 17, "A safer atlas"): the pressure cautions reach every
// muscle treated with pressure from one place, the region warnings say what each region may
// also be, the pain guides load and are checked like the rest, the pages name only muscles a
// visitor can tap, and the text does not overclaim.
#include "anatomy/atlas.h"
#include "anatomy/vocabulary.h"
#include "support/temp_folder.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>

using namespace myomap;
using namespace myomap::anatomy;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

const fs::path kAtlas = fs::path(MYOMAP_SOURCE_DIR) / "assets" / "atlas";

const Atlas& shipped() {
    static const Atlas atlas = [] {
        LoadOptions options;
        options.logProblems = false;
        return loadAtlas(kAtlas, options);
    }();
    return atlas;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string problemsText(const Atlas& atlas) {
    std::string out;
    for (const Problem& p : atlas.problems) out += p.text() + "\n";
    return out;
}

bool pressed(const Muscle& m, const PressureCaution& caution) {
    const auto uses = [&](const Technique& t) {
        return std::find(caution.techniques.begin(), caution.techniques.end(), t.technique) != caution.techniques.end();
    };
    return std::any_of(m.therapistTreatment.begin(), m.therapistTreatment.end(), uses) ||
           std::any_of(m.selfCare.begin(), m.selfCare.end(), uses);
}

// Every string in a JSON document with its pointer.
void strings(const Json& json, const std::string& path, std::vector<std::pair<std::string, std::string>>& out) {
    if (json.is_string()) {
        out.emplace_back(path, json.get<std::string>());
    } else if (json.is_object()) {
        for (const auto& [key, value] : json.items()) strings(value, path + "/" + key, out);
    } else if (json.is_array()) {
        for (std::size_t i = 0; i < json.size(); ++i) strings(json[i], path + "/" + std::to_string(i), out);
    }
}

}  // namespace

TEST_CASE("atlas safety: the bleeding caution reaches every muscle treated with pressure, from one place") {
    const Atlas& atlas = shipped();
    INFO(problemsText(atlas));
    const Page* page = atlas.findPage("indications_contraindications");
    REQUIRE(page != nullptr);
    REQUIRE(page->pressureCautions.size() == 1);
    const PressureCaution& bleeding = page->pressureCautions.front();
    CHECK(bleeding.id == "bleeding");
    CHECK(lower(bleeding.text).find("bleeding") != std::string::npos);
    CHECK(lower(bleeding.text).find("blood-thinning") != std::string::npos);
    std::size_t reached = 0;
    for (const Muscle& m : atlas.muscles) {
        CAPTURE(m.id);
        const auto count = std::count(m.cautions.begin(), m.cautions.end(), bleeding.text);
        CHECK(count == (pressed(m, bleeding) ? 1 : 0));
        reached += static_cast<std::size_t>(count);
        CHECK(m.cautions.size() <= 10);  // the handout prints up to 10 (handout/blocks.cpp)
    }
    // Nearly every muscle is treated with pressure (a muscle worked only by stretching, say,
    // rightly goes without).
    CHECK(reached * 10 >= atlas.muscles.size() * 9);

    // One place: no muscle file carries the text itself.
    for (const auto& entry : fs::directory_iterator(kAtlas / "muscles")) {
        std::ifstream in(entry.path());
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        CHECK_MESSAGE(text.find("lood-thinning") == std::string::npos, entry.path().string());
    }
}

// An atlas folder in `folder` with the shipped sources and no muscles or pages yet.
static fs::path emptyAtlas(const test::TempFolder& folder) {
    const fs::path dir = folder / "atlas";
    fs::create_directories(dir / "muscles");
    fs::create_directories(dir / "pages");
    fs::copy_file(kAtlas / "sources.json", dir / "sources.json");
    return dir;
}

TEST_CASE("atlas safety: a muscle without pressure in its treatment does not get the pressure caution") {
    test::TempFolder folder("atlas-safety-pressure");
    const fs::path dir = emptyAtlas(folder);
    fs::copy_file(kAtlas / "pages" / "indications_contraindications.json",
                  dir / "pages" / "indications_contraindications.json");
    std::ifstream in(kAtlas / "muscles" / "soleus.json");
    Json soleus = Json::parse(in);
    soleus["treatment"]["therapist"] = Json::array({{{"technique", "stretch"}, {"how", "Hold 30 seconds."}}});
    soleus["treatment"]["self_care"] = Json::array({{{"technique", "heat"}, {"how", "A warm pack."}}});
    std::ofstream(dir / "muscles" / "soleus.json") << soleus.dump(2);
    LoadOptions options;
    options.logProblems = false;
    const Atlas atlas = loadAtlas(dir, options);
    const Muscle* m = atlas.findMuscle("soleus");
    REQUIRE(m != nullptr);
    for (const std::string& caution : m->cautions) CHECK(caution.find("lood-thinning") == std::string::npos);
}

TEST_CASE("atlas safety: regions with an urgent look-alike carry their warning") {
    const Atlas& atlas = shipped();
    const auto ids = [&](std::string_view region) {
        std::set<std::string> out;
        for (const RegionWarning* w : atlas.warningsFor(region)) {
            out.insert(w->id);
            CHECK(w->pageId == "red_flags");
            CHECK_FALSE(w->text.client.empty());
            CHECK_FALSE(w->text.student.empty());
        }
        return out;
    };
    CHECK(ids("calf") == std::set<std::string>{"blood_clot"});
    CHECK(ids("calf.L") == std::set<std::string>{"blood_clot"});
    CHECK(ids("lumbar") == std::set<std::string>{"cauda_equina"});
    CHECK(ids("sacrum") == std::set<std::string>{"cauda_equina"});
    CHECK(ids("temple.R") == std::set<std::string>{"sudden_headache"});
    CHECK(ids("anterior_chest") == std::set<std::string>{"heart"});
    CHECK(ids("jaw_angle.L") == std::set<std::string>{"heart"});
    CHECK(ids("medial_arm.L") == std::set<std::string>{"heart"});
    CHECK(ids("medial_arm.R").empty());  // the heart's arm is the left one
    CHECK(ids("medial_arm") == std::set<std::string>{"heart"});  // either side: the left may be meant
    CHECK(ids("upper_abdomen") == std::set<std::string>{"abdomen"});
    CHECK(ids("heel").empty());
    const auto calf = atlas.warningsFor("calf");
    REQUIRE(calf.size() == 1);
    CHECK(calf.front()->text.client.find("blood clot") != std::string::npos);
}

TEST_CASE("atlas safety: the pain guides load, name body regions and atlas muscles, and cite the books") {
    const Atlas& atlas = shipped();
    INFO(problemsText(atlas));
    CHECK(atlas.problems.empty());
    REQUIRE(atlas.painGuides.size() >= 36);
    std::set<std::string> regions;
    for (const PainGuide& guide : atlas.painGuides) {
        CAPTURE(guide.region);
        CHECK(regions.insert(guide.region).second);
        CHECK_FALSE(guide.area.empty());
        REQUIRE_FALSE(guide.muscles.empty());
        for (const std::string& id : guide.muscles) CHECK(atlas.findMuscle(id) != nullptr);
        REQUIRE_FALSE(guide.sources.empty());
        for (const Citation& c : guide.sources) CHECK((c.ref == "ts_vol1_2e" || c.ref == "ts_vol2"));
    }
    CHECK(atlas.painGuideFor("calf.L") == atlas.painGuideFor("calf"));
    REQUIRE(atlas.painGuideFor("calf") != nullptr);
    CHECK(atlas.painGuideFor("calf")->muscles.front() == "soleus");
    CHECK(atlas.painGuideFor("no_such_region") == nullptr);
}

TEST_CASE("atlas safety: a pain guide or a warning that names an unknown region or muscle is an error naming file and path") {
    test::TempFolder folder("atlas-safety-guides");
    const fs::path dir = emptyAtlas(folder);
    fs::copy_file(kAtlas / "muscles" / "soleus.json", dir / "muscles" / "soleus.json");
    const Json cite = Json::array({{{"ref", "ts_vol2"}, {"chapter", "22"}}});
    Json guides = {{"guides",
                    Json::array({{{"region", "calff"}, {"area", "Calf"}, {"muscles", {"soleus"}}, {"sources", cite}},
                                 {{"region", "heel"}, {"area", "Heel"}, {"muscles", {"soleus", "solues"}}, {"sources", cite}},
                                 {{"region", "achilles"}, {"area", "Ankle"}, {"muscles", {"soleus"}}, {"sources", cite}}})}};
    std::ofstream(dir / "pain_guides.json") << guides.dump(2);
    std::ifstream in(kAtlas / "pages" / "red_flags.json");
    Json flags = Json::parse(in);
    flags["region_warnings"][0]["regions"] = Json::array({"calf", "sternum.L"});
    std::ofstream(dir / "pages" / "red_flags.json") << flags.dump(2);
    LoadOptions options;
    options.logProblems = false;
    const Atlas atlas = loadAtlas(dir, options);
    const auto errorAt = [&](const std::string& file, const std::string& path) -> const Problem* {
        for (const Problem& p : atlas.problems) {
            if (p.severity == Severity::Error && p.file.filename() == file && p.jsonPath == path) return &p;
        }
        return nullptr;
    };
    INFO(problemsText(atlas));
    const Problem* region = errorAt("pain_guides.json", "/guides/0/region");
    REQUIRE(region != nullptr);
    CHECK(region->message.find("calff") != std::string::npos);
    CHECK(region->message.find("calf") != std::string::npos);  // did you mean
    const Problem* muscle = errorAt("pain_guides.json", "/guides/1/muscles/1");
    REQUIRE(muscle != nullptr);
    CHECK(muscle->message.find("solues") != std::string::npos);
    CHECK(muscle->text().find("pain_guides.json") != std::string::npos);
    // The good guide still loads; the bad ones are left out.
    REQUIRE(atlas.painGuides.size() == 1);
    CHECK(atlas.painGuides.front().region == "achilles");
    const Problem* side = errorAt("red_flags.json", "/region_warnings/0/regions/1");
    REQUIRE(side != nullptr);
    CHECK(side->message.find("midline") != std::string::npos);
}

TEST_CASE("atlas safety: common_locations names only muscles the atlas has") {
    const Atlas& atlas = shipped();
    const Page* page = atlas.findPage("common_locations");
    REQUIRE(page != nullptr);
    REQUIRE_FALSE(page->muscles.empty());
    std::vector<std::pair<std::string, std::vector<std::string>>> names;  // id, its names in lower case
    for (const std::string& id : page->muscles) {
        CAPTURE(id);
        const Muscle* m = atlas.findMuscle(id);
        REQUIRE(m != nullptr);
        std::vector<std::string> all{lower(m->names.common), lower(m->names.latin)};
        for (const std::string& also : m->names.also) all.push_back(lower(also));
        std::string spaced = id;
        std::replace(spaced.begin(), spaced.end(), '_', ' ');
        all.push_back(spaced);
        names.emplace_back(id, all);
    }
    // Each item of the "Muscles often responsible" column ("Front: rectus femoris, vastus
    // medialis. Outer: ...") is one of the listed muscles, by one of its names.
    std::set<std::string> named;
    std::size_t items = 0;
    for (const PageSection& section : page->sections) {
        if (!section.table) continue;
        const auto column = std::find(section.table->columns.begin(), section.table->columns.end(), "Muscles often responsible");
        REQUIRE(column != section.table->columns.end());
        const auto c = static_cast<std::size_t>(column - section.table->columns.begin());
        for (const auto& row : section.table->rows) {
            const std::string cell = row[c];
            const std::regex split("[,.;]");
            for (std::sregex_token_iterator it(cell.begin(), cell.end(), split, -1), end; it != end; ++it) {
                std::string item = std::regex_replace(it->str(), std::regex("^\\s*[A-Za-z ]+:\\s*"), "");
                item = lower(std::regex_replace(item, std::regex("^\\s+|\\s+$"), ""));
                if (item.empty()) continue;
                ++items;
                CAPTURE(item);
                bool found = false;
                for (const auto& [id, all] : names) {
                    for (const std::string& n : all) {
                        if (item.find(n) != std::string::npos) {
                            found = true;
                            named.insert(id);
                        }
                    }
                }
                CHECK_MESSAGE(found, "names a muscle that is not in the page's 'muscles' list or not in the atlas");
            }
        }
    }
    CHECK(items > 50);
    CHECK(named.size() == page->muscles.size());  // the list names no muscle the table does not
}

TEST_CASE("atlas safety: no client summary or technique overclaims") {
    // Phrasings taken out of the content (issue 17): the knots "cause", a "key" or "usual"
    // cause, and techniques promising that the tissue "releases". Say "can cause", "often
    // contributes", "following any softening".
    const std::vector<std::regex> overclaims{
        std::regex("\\bits knots cause\\b", std::regex::icase),
        std::regex("\\bknots (are|is) a key cause\\b", std::regex::icase),
        std::regex("\\bkey cause of\\b", std::regex::icase),
        std::regex("\\bthe usual cause of\\b", std::regex::icase),
        std::regex("\\bwhen tight, they cause\\b", std::regex::icase),
        std::regex("\\bknots here give\\b", std::regex::icase),
        std::regex("\\bits knots ache\\b", std::regex::icase),
        std::regex("\\b(its|their|whose) trigger points (cause|produce)\\b", std::regex::icase),
        std::regex("\\bas (it|they|the tissues?) releases?\\b", std::regex::icase),
        std::regex("\\bwhile the tissues? releases?\\b", std::regex::icase),
        std::regex("\\bthe tissue's release\\b", std::regex::icase),
        std::regex("\\bfollowing the release\\b", std::regex::icase),
        std::regex("\\bafter releasing the trigger points\\b", std::regex::icase),
        std::regex("\\b(suboccipital|neck) release:", std::regex::icase),
    };
    std::size_t checked = 0;
    for (const char* folder : {"muscles", "pages"}) {
        for (const auto& entry : fs::directory_iterator(kAtlas / folder)) {
            std::ifstream in(entry.path());
            std::vector<std::pair<std::string, std::string>> texts;
            strings(Json::parse(in), "", texts);
            for (const auto& [path, text] : texts) {
                ++checked;
                const std::string where = entry.path().filename().string() + ": " + path + ": " + text;
                for (const std::regex& overclaim : overclaims) {
                    CHECK_MESSAGE(!std::regex_search(text, overclaim), where);
                }
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("atlas safety: the red-flag and contraindication pages cite a clinical guideline") {
    const Atlas& atlas = shipped();
    for (const char* id : {"red_flags", "indications_contraindications"}) {
        CAPTURE(id);
        const Page* page = atlas.findPage(id);
        REQUIRE(page != nullptr);
        CHECK(std::any_of(page->sources.begin(), page->sources.end(),
                          [](const Citation& c) { return c.ref.rfind("nice_", 0) == 0; }));
    }
    const Muscle* pectoralisMinor = atlas.findMuscle("pectoralis_minor");
    REQUIRE(pectoralisMinor != nullptr);
    for (const Citation& c : pectoralisMinor->sources) {
        if (c.ref == "ts_vol1_2e") CHECK(c.chapter == "43");
    }
}
