// The student's quiz on the real atlas: every question checked against the content, recomputed
// here from the zones (not with the quiz's own helpers), over many seeds.
#include "atlas/figure_fixture.h"

#include "anatomy/quiz.h"
#include "anatomy/regions.h"
#include "ui/quiz_panel.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>

using namespace myomap;
namespace an = anatomy;

namespace {

using LandmarkRegions = std::map<std::string, std::set<std::string>, std::less<>>;

constexpr std::array<std::uint32_t, 5> kSeeds{1, 2, 3, 77, 20240601};
constexpr int kPerSeed = 100;  // 500 questions of a kind

const an::Atlas& atlas() { return test::figureAndAtlas().atlas; }

std::string sideless(const std::string& name) {
    return name.ends_with(".L") || name.ends_with(".R") ? name.substr(0, name.size() - 2) : name;
}

bool isMidline(const std::string& region) {
    const an::BodyRegion* r = an::findBodyRegion(region);
    REQUIRE(r != nullptr);
    return r->midline;
}

// The skin names a region zone lands on for a trigger point on `side` ("L" / "R").
std::set<std::string> landsOn(const an::ReferralZone& zone, const std::string& side) {
    if (isMidline(zone.region)) return {zone.region};
    const std::string other = side == "L" ? "R" : "L";
    switch (zone.side) {
        case an::ZoneSide::Same: return {zone.region + "." + side};
        case an::ZoneSide::Opposite: return {zone.region + "." + other};
        default: return {zone.region + ".L", zone.region + ".R"};
    }
}

// Meshes whose trigger points have an essential region zone on the skin region `target`.
std::set<std::string> referringMeshes(const std::string& target) {
    std::set<std::string> out;
    for (const an::Muscle& m : atlas().muscles) {
        for (const std::string side : {"L", "R"}) {
            for (const an::TriggerPoint& tp : m.triggerPoints) {
                for (const an::ReferralZone& z : tp.zones) {
                    if (z.kind == an::ZoneKind::Essential && !z.region.empty() && landsOn(z, side).contains(target)) {
                        out.insert(m.id + "." + side);
                    }
                }
            }
        }
    }
    return out;
}

// Every sideless region any zone of `tp` reaches; landmark zones through `landmarks`.
std::set<std::string> reachedBy(const an::TriggerPoint& tp, const LandmarkRegions& landmarks, bool& unknown) {
    std::set<std::string> out;
    for (const an::ReferralZone& z : tp.zones) {
        if (!z.region.empty()) {
            out.insert(z.region);
        } else if (auto it = landmarks.find(z.landmark); it != landmarks.end()) {
            out.insert(it->second.begin(), it->second.end());
        } else {
            unknown = true;
        }
    }
    return out;
}

// Whether any zone of the muscle, of any kind, may reach the sideless `region`.
bool mayReach(const an::Muscle& m, const std::string& region, const LandmarkRegions& landmarks) {
    for (const an::TriggerPoint& tp : m.triggerPoints) {
        bool unknown = false;
        if (reachedBy(tp, landmarks, unknown).contains(region) || unknown) return true;
    }
    return false;
}

// The test's own disc walk: landmark -> sideless regions its zones' discs touch.
LandmarkRegions figureLandmarkRegions() {
    const auto& body = test::figureAndAtlas().body;
    static const an::SkinGraph graph(body.skin);
    LandmarkRegions out;
    for (const an::TriggerPoint* tp : atlas().allTriggerPoints()) {
        for (const an::ReferralZone& z : tp->zones) {
            if (z.landmark.empty()) continue;
            for (an::Side side : {an::Side::Left, an::Side::Right}) {
                const auto at = body.landmark(z.landmark, side);
                REQUIRE_MESSAGE(at.has_value(), z.landmark);
                const an::DistanceSeed seed{body.skin.nearestVertex(*at), -static_cast<float>(z.radiusCm / 100.0)};
                for (const auto& [v, d] : graph.reached(std::span(&seed, 1), 0.0f)) {
                    if (body.skin.region[v] != an::kNoRegion) {
                        out[z.landmark].insert(sideless(body.skin.regionNames[body.skin.region[v]]));
                    }
                }
            }
        }
    }
    return out;
}

std::vector<an::Question> quiz(an::QuestionKind kind, std::uint32_t seed, an::QuizOptions options = {}) {
    options.kinds = {kind};
    options.count = kPerSeed;
    options.seed = seed;
    auto questions = an::generateQuiz(atlas(), options);
    REQUIRE(questions.size() == static_cast<std::size_t>(kPerSeed));
    return questions;
}

void commonChecks(const an::Question& q) {
    CHECK(q.choices.size() == 4);
    CHECK(q.choiceIds.size() == 4);
    CHECK(std::set(q.choices.begin(), q.choices.end()).size() == 4);
    CHECK(std::set(q.choiceIds.begin(), q.choiceIds.end()).size() == 4);
    REQUIRE(q.answer >= 0);
    REQUIRE(q.answer < 4);
    CHECK(!q.prompt.empty());
    if (q.kind != an::QuestionKind::ClickMuscle) CHECK(q.choicePrompt == q.prompt);
    CHECK(!q.explanation.empty());
    for (int i = 0; i < 4; ++i) CHECK(an::check(q, i).correct == (i == q.answer));
    CHECK_FALSE(an::check(q, -1).correct);
    CHECK_FALSE(an::check(q, 4).correct);
    CHECK(an::check(q, 0).rightAnswer == q.choices[static_cast<std::size_t>(q.answer)]);
}

// Everything that identifies a quiz, to compare runs.
std::vector<std::string> fingerprint(const std::vector<an::Question>& questions) {
    std::vector<std::string> out;
    for (const an::Question& q : questions) {
        std::string s = q.prompt + "|" + q.subject + "|" + std::to_string(q.answer);
        for (const std::string& c : q.choiceIds) s += "|" + c;
        out.push_back(s);
    }
    return out;
}

}  // namespace

TEST_CASE("quiz: drawBelow gives the same numbers on every platform") {
    std::mt19937 standard;  // default seed 5489: its first output is fixed by the standard
    CHECK(standard() == 3499211612u);
    std::mt19937 rng(42);
    const std::uint32_t ns[] = {2, 3, 6, 7, 10, 53, 106, 1000, 2147483649u};
    const std::uint32_t expected[] = {0, 2, 4, 5, 6, 52, 46, 924, 1572714582u};  // computed apart, in Python
    for (std::size_t i = 0; i < std::size(ns); ++i) CHECK(an::drawBelow(rng, ns[i]) == expected[i]);
}

TEST_CASE("quiz: region words exist for every region and tell the regions apart") {
    for (an::QuizLevel level : {an::QuizLevel::Client, an::QuizLevel::Student}) {
        std::set<std::string> seen;
        for (const an::BodyRegion& r : an::kBodyRegions) {
            const std::string words(an::regionWords(r.id, level));
            CHECK_MESSAGE(!words.empty(), r.id);
            CHECK_MESSAGE(seen.insert(words).second, "duplicate words: " << words);
        }
    }
    CHECK(an::regionWords("lateral_epicondyle") == "outer elbow");
    CHECK(an::sidedRegionWords("lateral_epicondyle.L") == "the outer elbow (left side)");
    CHECK(an::sidedRegionWords("sternum", an::QuizLevel::Student) == "the sternal region");
    CHECK(an::regionWords("no_such_region") == "no_such_region");
}

TEST_CASE("quiz: NameMuscle has one right name and same-region distractors first") {
    REQUIRE(atlas().muscles.size() >= 4);
    for (std::uint32_t seed : kSeeds) {
        for (const an::Question& q : quiz(an::QuestionKind::NameMuscle, seed)) {
            CAPTURE(q.subject);
            commonChecks(q);
            const an::Muscle* subject = atlas().findMuscle(sideless(q.subject));
            REQUIRE(subject != nullptr);
            CHECK(q.subject != subject->id);  // sided
            CHECK(q.highlightMesh == q.subject);
            CHECK(q.revealMuscle == q.subject);  // the answer stays on the side asked about
            int right = 0;
            std::size_t sameRegion = 0;
            for (std::size_t i = 0; i < 4; ++i) {
                const an::Muscle* m = atlas().findMuscle(q.choiceIds[i]);
                REQUIRE(m != nullptr);
                CHECK(m->names.common == q.choices[i]);
                if (m->id == subject->id) ++right;
                else if (m->region == subject->region) ++sameRegion;
            }
            CHECK(right == 1);
            CHECK(q.choiceIds[static_cast<std::size_t>(q.answer)] == subject->id);
            std::set<std::string> available;  // other names in the subject's region
            for (const an::Muscle* m : atlas().musclesInRegion(subject->region)) {
                if (m->names.common != subject->names.common) available.insert(m->names.common);
            }
            CHECK(sameRegion == std::min<std::size_t>(3, available.size()));
            CHECK(an::check(q, std::string_view(q.subject)).correct);
            CHECK(an::check(q, std::string_view(subject->id)).correct);
            CHECK_FALSE(an::check(q, std::string_view(q.choiceIds[(static_cast<std::size_t>(q.answer) + 1) % 4])).correct);
        }
    }
}

TEST_CASE("quiz: every muscle comes up as a NameMuscle subject") {
    std::set<std::string> seen;
    for (std::uint32_t seed = 1; seed <= 60; ++seed) {
        an::QuizOptions options;
        options.seed = seed;
        options.kinds = {an::QuestionKind::NameMuscle};
        for (const an::Question& q : an::generateQuiz(atlas(), options)) seen.insert(sideless(q.subject));
    }
    for (const an::Muscle& m : atlas().muscles) CHECK_MESSAGE(seen.contains(m.id), m.id);
}

namespace {

void checkClickMuscle(const an::Question& q, const an::QuizOptions& options, const LandmarkRegions& landmarks) {
    CAPTURE(q.subject);
    commonChecks(q);
    const std::string region = sideless(q.subject);
    CHECK(isMidline(region) == (q.subject == region));
    const std::set<std::string> meshes = referringMeshes(q.subject);
    CHECK(q.acceptedIds == meshes);
    std::set<std::string> muscles;
    for (const std::string& mesh : meshes) muscles.insert(sideless(mesh));
    REQUIRE(!muscles.empty());
    const bool several = muscles.size() > 1;
    if (options.clickOnBody && !options.severalAnswers) CHECK(muscles.size() == 1);
    CHECK(q.clickToAnswer == options.clickOnBody);
    if (q.clickToAnswer) CHECK(q.prompt.starts_with(several ? "Click a muscle " : "Click the muscle "));
    // Shown as four choices instead, it asks which of them: exactly one choice is right.
    const auto place = [](const std::string& prompt) {  // "the angle of the mandible (left side)"
        const std::size_t at = prompt.find(" refer pain to ");
        return at == std::string::npos ? std::string() : prompt.substr(at + 15, prompt.size() - at - 16);
    };
    CHECK(q.choicePrompt.starts_with("Which of these muscles has trigger points that refer pain to "));
    CHECK(q.choicePrompt.ends_with("?"));
    CHECK(!place(q.prompt).empty());
    CHECK(place(q.choicePrompt) == place(q.prompt));
    for (std::size_t i = 0; i < 4; ++i) {
        const an::Muscle* m = atlas().findMuscle(q.choiceIds[i]);
        REQUIRE(m != nullptr);
        if (static_cast<int>(i) == q.answer) {
            CHECK(muscles.contains(m->id));
            CHECK(sideless(q.revealMuscle) == m->id);
        } else {
            CHECK_MESSAGE(!mayReach(*m, region, landmarks), m->id << " reaches " << region);
        }
    }
    for (const std::string& mesh : meshes) {
        CHECK(an::check(q, std::string_view(mesh)).correct);
        const std::string other = sideless(mesh) + (mesh.ends_with(".L") ? ".R" : ".L");
        CHECK(an::check(q, std::string_view(other)).correct == meshes.contains(other));
    }
    const std::string wrong = q.choiceIds[(static_cast<std::size_t>(q.answer) + 1) % 4];
    CHECK_FALSE(an::check(q, std::string_view(wrong + ".L")).correct);
    CHECK_FALSE(an::check(q, std::string_view(wrong)).correct);
    // The answer plays on a side that refers there, the question's own side when it can: a
    // question about the left side of the jaw shows the left masseter's referral.
    CHECK(meshes.contains(q.revealMuscle));
    const std::string revealSide = q.revealMuscle.substr(q.revealMuscle.size() - 2);
    if (q.subject != region && meshes.contains(sideless(q.revealMuscle) + q.subject.substr(q.subject.size() - 2))) {
        CHECK(revealSide == q.subject.substr(q.subject.size() - 2));
    }
    REQUIRE(q.revealTp.ends_with(revealSide));
    const an::TriggerPoint* tp = atlas().findTriggerPoint(sideless(q.revealTp));
    REQUIRE(tp != nullptr);
    CHECK(tp->muscleId == sideless(q.revealMuscle));
    // and that trigger point, on that side, refers to the region asked about
    const bool refers = std::any_of(tp->zones.begin(), tp->zones.end(), [&](const an::ReferralZone& z) {
        return z.kind == an::ZoneKind::Essential && !z.region.empty() && landsOn(z, revealSide.substr(1)).contains(q.subject);
    });
    CHECK(refers);
}

}  // namespace

TEST_CASE("quiz: ClickMuscle accepts exactly the muscles that refer there") {
    const LandmarkRegions figure = figureLandmarkRegions();
    SUBCASE("click on the body, one muscle") {
        std::set<std::string> targets;
        for (std::uint32_t seed : kSeeds) {
            for (const an::Question& q : quiz(an::QuestionKind::ClickMuscle, seed)) {
                checkClickMuscle(q, {}, {});
                targets.insert(q.subject);
            }
        }
        MESSAGE(targets.size() << " targets asked with one muscle right");
        CHECK(targets.size() >= 20);
    }
    SUBCASE("several answers, landmark zones known from the figure") {
        an::QuizOptions options;
        options.severalAnswers = true;
        options.landmarkRegions = figure;
        int several = 0;
        for (std::uint32_t seed : kSeeds) {
            for (const an::Question& q : quiz(an::QuestionKind::ClickMuscle, seed, options)) {
                checkClickMuscle(q, options, figure);
                several += q.prompt.starts_with("Click a muscle") ? 1 : 0;
            }
        }
        CHECK(several > 0);
    }
    SUBCASE("multiple choice") {
        an::QuizOptions options;
        options.clickOnBody = false;
        for (std::uint32_t seed : kSeeds) {
            for (const an::Question& q : quiz(an::QuestionKind::ClickMuscle, seed, options)) {
                checkClickMuscle(q, options, {});
                CHECK(q.prompt.starts_with("Which of these muscles"));
            }
        }
    }
}

TEST_CASE("quiz: WhichRegion has one essential region and three regions no zone reaches") {
    const LandmarkRegions figure = figureLandmarkRegions();
    for (const LandmarkRegions* landmarks : {static_cast<const LandmarkRegions*>(nullptr), &figure}) {
        an::QuizOptions options;
        if (landmarks) options.landmarkRegions = *landmarks;
        std::set<std::string> withLandmarks;
        for (std::uint32_t seed : kSeeds) {
            for (const an::Question& q : quiz(an::QuestionKind::WhichRegion, seed, options)) {
                CAPTURE(q.subject);
                commonChecks(q);
                const an::TriggerPoint* tp = atlas().findTriggerPoint(q.subject);
                REQUIRE(tp != nullptr);
                bool unknown = false;
                const std::set<std::string> reached = reachedBy(*tp, options.landmarkRegions, unknown);
                CHECK_FALSE(unknown);
                std::set<std::string> essential, accepted;
                const std::string side = q.highlightMesh.substr(q.highlightMesh.size() - 1);
                CHECK(q.highlightMesh == tp->muscleId + "." + side);
                for (const an::ReferralZone& z : tp->zones) {
                    if (!z.landmark.empty()) withLandmarks.insert(tp->id);
                    if (z.region.empty() || z.kind != an::ZoneKind::Essential) continue;
                    essential.insert(z.region);
                    for (const std::string& name : landsOn(z, side)) accepted.insert(name);
                }
                for (std::size_t i = 0; i < 4; ++i) {
                    if (static_cast<int>(i) == q.answer) CHECK(essential.contains(q.choiceIds[i]));
                    else CHECK_MESSAGE(!reached.contains(q.choiceIds[i]), q.choiceIds[i]);
                }
                CHECK(q.acceptedIds == accepted);
                for (const std::string& name : accepted) CHECK(an::check(q, std::string_view(name)).correct);
                CHECK(q.revealTp == tp->id + "." + side);
                CHECK(q.revealMuscle == q.highlightMesh);
                CHECK(q.highlightTp == tp->id);
            }
        }
        if (landmarks) CHECK(!withLandmarks.empty());
        else CHECK(withLandmarks.empty());
    }
}

TEST_CASE("quiz: the same seed gives the same quiz, another seed another") {
    for (an::QuestionKind kind : {an::QuestionKind::NameMuscle, an::QuestionKind::ClickMuscle, an::QuestionKind::WhichRegion}) {
        CHECK(fingerprint(quiz(kind, 5)) == fingerprint(quiz(kind, 5)));
        CHECK(fingerprint(quiz(kind, 5)) != fingerprint(quiz(kind, 6)));
    }
    an::QuizOptions options;  // mixed kinds, 10 questions
    options.seed = 9;
    const auto mixed = an::generateQuiz(atlas(), options);
    REQUIRE(mixed.size() == 10);
    CHECK(fingerprint(mixed) == fingerprint(an::generateQuiz(atlas(), options)));
    std::set<an::QuestionKind> kinds;
    for (const an::Question& q : mixed) kinds.insert(q.kind);
    CHECK(kinds.size() == 3);
}

TEST_CASE("quiz: a session keeps the score and the misses") {
    an::QuizOptions options;
    options.seed = 3;
    an::QuizSession session{an::generateQuiz(atlas(), options)};
    REQUIRE(session.questions.size() == 10);
    int expectedScore = 0;
    std::vector<std::size_t> expectedMisses;
    for (std::size_t i = 0; i < 10; ++i) {
        REQUIRE(session.question() == &session.questions[i]);
        const an::Question& q = session.questions[i];
        if (i == 7) {  // skipped
            expectedMisses.push_back(i);
        } else if (i % 3 == 0) {
            const int wrong = (q.answer + 1) % 4;
            CHECK_FALSE(session.answer(wrong).correct);
            CHECK(session.answer(q.answer).correct == false);  // the first answer stands
            expectedMisses.push_back(i);
            CHECK(session.misses.back().choice == wrong);
        } else if (q.clickToAnswer) {
            CHECK(session.answer(std::string_view(*q.acceptedIds.begin())).correct);
            ++expectedScore;
        } else {
            CHECK(session.answer(q.answer).correct);
            CHECK(session.answer((q.answer + 1) % 4).correct);  // still the first answer
            ++expectedScore;
        }
        CHECK(session.answered() == (i != 7));
        CHECK_FALSE(session.finished());
        session.next();
    }
    CHECK(session.finished());
    CHECK(session.question() == nullptr);
    CHECK(session.score == expectedScore);
    REQUIRE(session.misses.size() == expectedMisses.size());
    for (std::size_t i = 0; i < expectedMisses.size(); ++i) CHECK(session.misses[i].question == expectedMisses[i]);
    CHECK(session.misses[3].choice == -1);  // the skipped one (questions 0, 3, 6, 7, 9 missed)
    CHECK(session.misses[3].question == 7);
}

TEST_CASE("quiz: the selection line keeps the quiz's muscle unnamed until it is answered") {
    for (const an::QuestionKind kind : {an::QuestionKind::NameMuscle, an::QuestionKind::WhichRegion,
                                        an::QuestionKind::ClickMuscle}) {
        CAPTURE(an::toString(kind));
        ui::QuizPanelState state;
        state.options.kinds = {kind};
        ui::startQuiz(atlas(), state);
        const an::Question* q = state.session.question();
        REQUIRE(q != nullptr);
        const std::string asking(ui::quizSelectionLabel(state));
        if (kind == an::QuestionKind::ClickMuscle) {
            // Nothing is highlighted: the line asks for the click, and the click answers.
            CHECK(state.highlightMesh.empty());
            CHECK(asking == "Click a muscle on the body to answer");
            // The skin or a bone in front of the muscles is not an answer: nothing happens.
            for (const char* notMuscle : {"skin", "bone_scapula.L", "bone_skull", "no_such_mesh.R"}) {
                CHECK_FALSE(ui::quizClick(atlas(), state, notMuscle));
            }
            CHECK_FALSE(state.session.answered());
            CHECK(ui::quizSelectionLabel(state) == asking);
            REQUIRE(ui::quizClick(atlas(), state, *q->acceptedIds.begin()));
            CHECK(ui::quizSelectionLabel(state).empty());  // answered: the answer is named as usual
            CHECK_FALSE(state.revealMuscle.empty());
        } else {
            CHECK_FALSE(state.highlightMesh.empty());
            CHECK(asking == "The quiz's muscle (answer first)");
            CHECK(asking.find(q->subject) == std::string::npos);
        }
        state.open = false;  // the window closed: the explorer names its selection again
        CHECK(ui::quizSelectionLabel(state).empty());
    }
    // A click question shown as four choices waits for no click on the body.
    ui::QuizPanelState choices;
    choices.options.kinds = {an::QuestionKind::ClickMuscle};
    choices.options.clickOnBody = false;
    ui::startQuiz(atlas(), choices);
    CHECK_FALSE(choices.wantsClick);
    CHECK(ui::quizSelectionLabel(choices).empty());
}

TEST_CASE("quiz: landmark regions on the figure match the test's own disc walk") {
    const auto& body = test::figureAndAtlas().body;
    const an::SkinGraph graph(body.skin);
    const LandmarkRegions mine = figureLandmarkRegions();
    CHECK(an::landmarkRegionsOnFigure(atlas(), body, graph) == mine);
    for (const auto& [landmark, regions] : mine) {
        std::string list;
        for (const std::string& r : regions) list += " " + r;
        MESSAGE(landmark << ":" << list);
        CHECK(!regions.empty());
    }
}

TEST_CASE("quiz: regions of the skin no trigger point refers to (content report)") {
    std::set<std::string> essential, any;
    for (const an::TriggerPoint* tp : atlas().allTriggerPoints()) {
        for (const an::ReferralZone& z : tp->zones) {
            if (z.region.empty()) continue;
            any.insert(z.region);
            if (z.kind == an::ZoneKind::Essential) essential.insert(z.region);
        }
    }
    std::string never, spillOnly;
    for (const an::BodyRegion& r : an::kBodyRegions) {
        if (!any.contains(std::string(r.id))) never += " " + std::string(r.id);
        else if (!essential.contains(std::string(r.id))) spillOnly += " " + std::string(r.id);
    }
    MESSAGE("no zone at all:" << never);
    MESSAGE("spillover only:" << spillOnly);
    CHECK(essential.size() >= 40);
}
