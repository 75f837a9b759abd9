// The pain finder against the textbook: for a painful region, the muscles whose trigger points
// Travell & Simons name for it (their pain guides, vol. 1 2nd ed. ch. 5, 18, 41 and vol. 2
// ch. 2 and the muscle chapters) rank near the top. The expectations come from the books, not
// from our content files.
#include "atlas/figure_fixture.h"

#include "anatomy/pain_finder.h"
#include "anatomy/regions.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <span>

using namespace myomap;
namespace an = anatomy;

namespace {

struct Case {
    const char* region;
    const char* muscle;
    std::size_t top;  // the muscle ranks within the first `top`
};

// Ties count in the muscle's favour: its rank is the number of muscles that score strictly
// more (many patterns cover a region whole, score 1, and the order among them is by id only).
// N is 5 except where noted.
// clang-format off
constexpr Case kTextbook[] = {
    // Head and face (vol. 1 ch. 5 pain guide; ch. 6-17).
    {"temple", "upper_trapezius", 5},       {"temple", "temporalis", 5},
    {"temple", "suboccipitals", 5},         {"temple", "semispinalis_capitis", 5},
    {"occiput", "semispinalis_capitis", 5}, {"occiput", "suboccipitals", 5},
    {"occiput", "sternocleidomastoid", 5},  {"vertex", "splenius_capitis", 5},
    {"vertex", "sternocleidomastoid", 5},   {"forehead", "sternocleidomastoid", 5},
    {"orbit", "sternocleidomastoid", 5},    {"eyebrow", "temporalis", 5},
    {"upper_teeth", "temporalis", 5},       {"upper_teeth", "masseter", 5},
    {"lower_teeth", "masseter", 5},         {"ear", "masseter", 5},
    {"ear", "sternocleidomastoid", 5},      {"tmj", "masseter", 5},
    {"cheek", "masseter", 5},               {"cheek", "sternocleidomastoid", 5},
    {"jaw_angle", "masseter", 5},           {"mastoid", "sternocleidomastoid", 5},
    {"mastoid", "upper_trapezius", 5},      {"posterior_neck", "upper_trapezius", 5},
    {"posterior_neck", "levator_scapulae", 5}, {"throat", "sternocleidomastoid", 5},
    // Shoulder, upper back, arm and hand (vol. 1 ch. 18, 27, 34 pain guides).
    {"anterior_shoulder", "infraspinatus", 5},   {"anterior_shoulder", "deltoid", 5},
    {"anterior_shoulder", "biceps_brachii", 5},  {"anterior_shoulder", "pectoralis_major", 5},
    {"posterior_shoulder", "teres_major", 5},    {"posterior_shoulder", "teres_minor", 5},
    {"posterior_shoulder", "subscapularis", 5},  {"lateral_shoulder", "supraspinatus", 5},
    {"lateral_shoulder", "deltoid", 5},          {"medial_scapular_border", "rhomboid_major", 5},
    {"medial_scapular_border", "scalenes", 5},   {"interscapular", "middle_trapezius", 5},
    {"inferior_angle_scapula", "latissimus_dorsi", 5}, {"lateral_chest", "serratus_anterior", 5},
    {"lateral_epicondyle", "supinator", 5},      {"lateral_epicondyle", "extensor_carpi_radialis_longus", 5},
    {"lateral_epicondyle", "brachioradialis", 5}, {"lateral_epicondyle", "triceps_brachii", 5},
    {"lateral_epicondyle", "supraspinatus", 5},  {"medial_epicondyle", "triceps_brachii", 5},
    {"posterior_arm", "triceps_brachii", 5},     {"anterior_arm", "scalenes", 5},
    {"thumb", "supinator", 5},                   {"thumb", "brachialis", 5},
    {"thumb", "scalenes", 5},                    {"dorsal_hand", "extensor_carpi_radialis_longus", 5},
    {"dorsal_hand", "extensor_digitorum", 5},    {"ulnar_fingers", "extensor_digitorum", 5},
    // Chest and trunk (vol. 1 ch. 41, 48 pain guides).
    {"sternum", "pectoralis_major", 5},     {"sternum", "sternocleidomastoid", 5},
    {"anterior_chest", "pectoralis_major", 5}, {"anterior_chest", "scalenes", 5},
    {"upper_abdomen", "external_oblique", 5}, {"lower_abdomen", "rectus_abdominis", 5},
    {"thoracolumbar", "erector_spinae", 5}, {"thoracolumbar", "rectus_abdominis", 5},
    {"lumbar", "iliopsoas", 5},             {"lumbar", "multifidus", 5},
    // Low back, buttock, hip and thigh (vol. 2 ch. 2 pain guide, ch. 4-16).
    {"sacroiliac", "gluteus_medius", 5},    {"sacroiliac", "quadratus_lumborum", 5},
    {"sacroiliac", "gluteus_maximus", 5},   {"sacroiliac", "soleus", 5},
    {"sacrum", "gluteus_maximus", 5},       {"sacrum", "multifidus", 5},
    {"coccyx", "gluteus_maximus", 5},       {"coccyx", "multifidus", 5},
    {"buttock", "gluteus_medius", 5},       {"buttock", "quadratus_lumborum", 5},
    {"buttock", "gluteus_maximus", 5},      {"buttock", "gluteus_minimus", 5},
    {"buttock", "piriformis", 5},           {"iliac_crest", "gluteus_medius", 5},
    {"iliac_crest", "quadratus_lumborum", 5}, {"greater_trochanter", "quadratus_lumborum", 5},
    {"greater_trochanter", "tensor_fasciae_latae", 5}, {"lateral_thigh", "gluteus_minimus", 5},
    {"lateral_thigh", "vastus_lateralis", 5}, {"lateral_thigh", "tensor_fasciae_latae", 5},
    {"groin", "iliopsoas", 5},              {"groin", "adductor_longus", 5},
    {"medial_thigh", "adductor_longus", 5}, {"posterior_thigh", "gluteus_minimus", 5},
    {"posterior_thigh", "semitendinosus", 5}, {"posterior_thigh", "semimembranosus", 5},
    // Knee, leg and foot (vol. 2 ch. 13, 19 pain guides).
    {"patella", "rectus_femoris", 5},       {"medial_knee", "vastus_medialis", 5},
    {"medial_knee", "adductor_longus", 5},  {"lateral_knee", "vastus_lateralis", 5},
    {"posterior_knee", "gastrocnemius", 5}, {"posterior_knee", "biceps_femoris", 5},
    {"calf", "soleus", 5},                  {"calf", "gastrocnemius", 5},
    {"anterior_shin", "tibialis_anterior", 5}, {"lateral_leg", "fibularis_longus", 5},
    {"lateral_leg", "gluteus_minimus", 5},  {"achilles", "soleus", 5},
    {"heel", "soleus", 5},                  {"anterior_ankle", "tibialis_anterior", 5},
    {"lateral_ankle", "fibularis_longus", 5}, {"dorsum_foot", "extensor_hallucis_longus", 5},
    {"big_toe", "tibialis_anterior", 5},    {"big_toe", "extensor_hallucis_longus", 5},
    {"plantar_foot", "gastrocnemius", 5},
};
// clang-format on

// Textbook cases our content does not give yet: reported, not bent. T&S vol. 1 ch. 5 lists the
// sternocleidomastoid (sternal division) among the sources of temporal headache; our zones for
// it stop at the eyebrow and orbit.
constexpr Case kContentGaps[] = {
    {"temple", "sternocleidomastoid", 5},
};

// The muscle's rank among `muscles` (ties in its favour), or nullopt when absent.
std::optional<std::size_t> rankOf(const std::vector<an::MuscleHit>& muscles, const std::string& id) {
    for (const an::MuscleHit& m : muscles) {
        if (m.muscleId != id) continue;
        std::size_t above = 0;
        for (const an::MuscleHit& other : muscles) above += other.score > m.score + 1e-12 ? 1 : 0;
        return above;
    }
    return std::nullopt;
}

const an::PainFinder& finder() {
    static const an::PainFinder f(test::figureAndAtlas().atlas, test::figureAndAtlas().body);
    return f;
}

std::string listing(const std::vector<an::MuscleHit>& muscles) {
    std::string out;
    for (std::size_t i = 0; i < muscles.size() && i < 8; ++i) {
        out += muscles[i].muscleId + " " + std::to_string(muscles[i].score) + "; ";
    }
    return out;
}

void checkCases(std::span<const Case> cases) {
    for (const Case& c : cases) {
        const std::string region = c.region, muscle = c.muscle;
        CAPTURE(region);
        CAPTURE(muscle);
        const auto hits = finder().atRegion(c.region);
        REQUIRE_MESSAGE(hits.ok(), (hits.ok() ? "" : hits.error()));
        const auto muscles = an::rankMuscles(*hits);
        CAPTURE(listing(muscles));
        const auto rank = rankOf(muscles, c.muscle);
        CHECK(rank.has_value());
        if (rank) CHECK(*rank < c.top);
    }
}

}  // namespace

TEST_CASE("pain finder: textbook region -> muscle cases") {
    CHECK(finder().warnings().empty());
    CHECK(std::size(kTextbook) >= 30);
    checkCases(kTextbook);
}

// Fails while the content misses these (may_fail: reported in the log, not a red build).
TEST_CASE("pain finder: textbook cases the content misses" * doctest::may_fail()) { checkCases(kContentGaps); }

TEST_CASE("pain finder: sides, midline regions and ordering") {
    const auto either = finder().atRegion("temple");
    const auto left = finder().atRegion("temple.L");
    REQUIRE(either.ok());
    REQUIRE(left.ok());
    const auto find = [](const std::vector<an::PainHit>& hits, const std::string& tp) -> const an::PainHit* {
        for (const an::PainHit& h : hits) {
            if (h.tpId == tp) return &h;
        }
        return nullptr;
    };
    const an::PainHit* e = find(*either, "upper_trapezius.tp1");
    const an::PainHit* l = find(*left, "upper_trapezius.tp1");
    REQUIRE(e != nullptr);
    REQUIRE(l != nullptr);
    CHECK_FALSE(e->side.has_value());  // either side: the trigger point on the side of the pain
    CHECK((l->side == an::Side::Left));
    CHECK((l->kind == an::ZoneKind::Essential));
    CHECK(l->score == doctest::Approx(1.0));
    CHECK(find(*left, "upper_trapezius.tp1")->muscleId == "upper_trapezius");

    // The temple's pain guide's muscles first; the rest sorted by score, then essential
    // first, then id; the same every time.
    bool listed = true;
    for (std::size_t i = 1; i < either->size(); ++i) {
        const an::PainHit& a = (*either)[i - 1];
        const an::PainHit& b = (*either)[i];
        if (a.guideRank < 0) listed = false;
        if (!listed) CHECK(b.guideRank < 0);
        if (a.guideRank >= 0 || b.guideRank >= 0) continue;
        CHECK(a.score >= b.score);
        if (a.score == b.score && a.kind == b.kind) CHECK(a.tpId <= b.tpId);
    }
    const auto again = finder().atRegion("temple");
    REQUIRE(again->size() == either->size());
    for (std::size_t i = 0; i < again->size(); ++i) CHECK((*again)[i].tpId == (*either)[i].tpId);

    // Essential covers score above spillover ones.
    const auto jaw = finder().atRegion("jaw_angle.R");
    REQUIRE(jaw.ok());
    const an::PainHit* trapezius = find(*jaw, "upper_trapezius.tp1");
    REQUIRE(trapezius != nullptr);
    CHECK((trapezius->kind == an::ZoneKind::Spillover));
    CHECK(trapezius->score == doctest::Approx(an::kSpilloverWeight));
    CHECK(jaw->front().score > trapezius->score);

    // A midline region; the muscle ranking keeps the best trigger point per muscle.
    const auto sternum = finder().atRegion("sternum");
    REQUIRE(sternum.ok());
    const auto muscles = an::rankMuscles(*sternum);
    REQUIRE_FALSE(muscles.empty());
    std::set<std::string> seen;
    for (const an::MuscleHit& m : muscles) CHECK(seen.insert(m.muscleId).second);

    const auto unknown = finder().atRegion("tempel");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().find("tempel") != std::string::npos);
}

TEST_CASE("pain finder: a point on the skin") {
    const auto& body = test::figureAndAtlas().body;
    // The middle of the left temple, on the skin.
    const std::uint16_t temple = body.skin.regionIndex("temple.L");
    glm::dvec3 sum(0.0);
    std::size_t n = 0;
    for (std::size_t v = 0; v < body.skin.region.size(); ++v) {
        if (body.skin.region[v] == temple) {
            sum += glm::dvec3(body.skin.positions[v]);
            ++n;
        }
    }
    REQUIRE(n > 0);
    const glm::vec3 point = body.skin.positions[body.skin.nearestVertex(glm::vec3(sum / static_cast<double>(n)))];
    const an::SkinSpot spot = finder().spotAt(point);
    CHECK(spot.region == "temple.L");
    CHECK(spot.distance == doctest::Approx(0.0));

    const auto muscles = an::rankMuscles(finder().atPoint(point));
    CAPTURE(listing(muscles));
    const auto rank = rankOf(muscles, "upper_trapezius");
    REQUIRE(rank.has_value());
    CHECK(*rank < 5);
    for (const an::MuscleHit& m : muscles) {
        if (m.muscleId == "upper_trapezius") CHECK((m.side == an::Side::Left));
    }
}

namespace {

// The muscles of a ranking in order, each once (a sideless region can list both sides).
std::vector<std::string> distinctMuscles(const std::vector<an::MuscleHit>& hits) {
    std::vector<std::string> out;
    for (const an::MuscleHit& h : hits) {
        if (std::find(out.begin(), out.end(), h.muscleId) == out.end()) out.push_back(h.muscleId);
    }
    return out;
}

std::size_t placeOf(const std::vector<std::string>& muscles, const std::string& id) {
    return static_cast<std::size_t>(std::find(muscles.begin(), muscles.end(), id) - muscles.begin());
}

struct GuideScore {
    std::size_t regions = 0, firstIsTextbook = 0, firstIsTextbookFirst = 0, textbookFirstInTop3 = 0, allInTop8 = 0;
    std::string text() const {
        const auto pct = [this](std::size_t n) { return std::to_string(100 * n / std::max<std::size_t>(regions, 1)) + " %"; };
        return std::to_string(regions) + " regions: first shown is a textbook muscle " + pct(firstIsTextbook) +
               ", is the textbook's first " + pct(firstIsTextbookFirst) + ", textbook's first in the top 3 " +
               pct(textbookFirstInTop3) + ", every textbook muscle in the top 8 " + pct(allInTop8);
    }
};

GuideScore scoreAgainstGuides(const an::PainFinder& finder, const an::Atlas& guides) {
    GuideScore score;
    for (const an::PainGuide& guide : guides.painGuides) {
        const auto hits = finder.atRegion(guide.region);
        if (!hits) continue;
        const auto muscles = distinctMuscles(an::rankMuscles(*hits));
        ++score.regions;
        if (!muscles.empty() &&
            std::find(guide.muscles.begin(), guide.muscles.end(), muscles.front()) != guide.muscles.end()) {
            ++score.firstIsTextbook;
        }
        if (placeOf(muscles, guide.muscles.front()) == 0) ++score.firstIsTextbookFirst;
        if (placeOf(muscles, guide.muscles.front()) < 3) ++score.textbookFirstInTop3;
        if (std::all_of(guide.muscles.begin(), guide.muscles.end(),
                        [&](const std::string& id) { return placeOf(muscles, id) < 8; })) {
            ++score.allInTop8;
        }
    }
    return score;
}

}  // namespace

// The trigger point manuals' pain guides (assets/atlas/pain_guides.json) order the muscles of
// each region they list: the guide's first muscle ranks in the top 3, every muscle it lists in
// the top 8 (or the top n for a list of n > 8).
TEST_CASE("pain finder: each region with a pain guide ranks like the textbook") {
    const an::Atlas& atlas = test::figureAndAtlas().atlas;
    REQUIRE(atlas.painGuides.size() >= 36);
    for (const an::PainGuide& guide : atlas.painGuides) {
        CAPTURE(guide.region);
        const auto hits = finder().atRegion(guide.region);
        REQUIRE_MESSAGE(hits.ok(), (hits.ok() ? "" : hits.error()));
        const auto ranked = an::rankMuscles(*hits);
        CAPTURE(listing(ranked));
        const auto muscles = distinctMuscles(ranked);
        CHECK(placeOf(muscles, guide.muscles.front()) < 3);
        const std::size_t top = std::max<std::size_t>(8, guide.muscles.size());
        for (const std::string& id : guide.muscles) {
            CAPTURE(id);
            CHECK(placeOf(muscles, id) < top);
        }
        // Sided questions follow the same guide.
        const an::BodyRegion* region = an::findBodyRegion(guide.region);
        REQUIRE(region != nullptr);
        if (!region->midline) {
            const auto right = finder().atRegion(guide.region + ".R");
            REQUIRE(right.ok());
            CHECK(placeOf(distinctMuscles(an::rankMuscles(*right)), guide.muscles.front()) < 3);
        }
    }
}

// Before and after: the same figure and content ranked by coverage alone (no guides) and with
// the guides, scored against the guides' lists. Printed for the record (docs/CONTENT.md).
TEST_CASE("pain finder: the pain guides' effect, measured") {
    const an::Atlas& atlas = test::figureAndAtlas().atlas;
    an::Atlas plain = atlas;
    plain.painGuides.clear();
    const an::PainFinder coverageOnly(plain, test::figureAndAtlas().body);
    const GuideScore before = scoreAgainstGuides(coverageOnly, atlas);
    const GuideScore after = scoreAgainstGuides(finder(), atlas);
    MESSAGE("by coverage alone: " << before.text());
    MESSAGE("with the pain guides: " << after.text());
    CHECK(after.regions == atlas.painGuides.size());
    CHECK(after.firstIsTextbook == after.regions);
    CHECK(after.textbookFirstInTop3 == after.regions);
    CHECK(after.allInTop8 == after.regions);
    CHECK(after.firstIsTextbook >= before.firstIsTextbook);
}

// A tap on the skin follows the guide of the region under it.
TEST_CASE("pain finder: a point in the calf ranks the calf's pain guide first") {
    const auto& body = test::figureAndAtlas().body;
    const std::uint16_t calf = body.skin.regionIndex("calf.R");
    REQUIRE(calf != an::kNoRegion);
    glm::dvec3 sum(0.0);
    std::size_t n = 0;
    for (std::size_t v = 0; v < body.skin.region.size(); ++v) {
        if (body.skin.region[v] == calf) {
            sum += glm::dvec3(body.skin.positions[v]);
            ++n;
        }
    }
    REQUIRE(n > 0);
    const glm::vec3 point = body.skin.positions[body.skin.nearestVertex(glm::vec3(sum / static_cast<double>(n)))];
    REQUIRE(finder().spotAt(point).region == "calf.R");
    const auto muscles = distinctMuscles(an::rankMuscles(finder().atPoint(point)));
    CAPTURE(muscles.size());
    REQUIRE_FALSE(muscles.empty());
    const an::PainGuide* guide = test::figureAndAtlas().atlas.painGuideFor("calf");
    REQUIRE(guide != nullptr);
    CHECK(std::find(guide->muscles.begin(), guide->muscles.end(), muscles.front()) != guide->muscles.end());
}
