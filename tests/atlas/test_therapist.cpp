// The therapist's tools without a window: candidates ranked from marked pain, the compression
// timer, and the session record autosaved (and never written on every keystroke).
#include "modes/therapist/therapist_session.h"
#include "atlas/figure_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <unistd.h>

using namespace myomap;

namespace {

const anatomy::PainFinder& finder() {
    static const anatomy::PainFinder f(test::figureAndAtlas().atlas, test::figureAndAtlas().body);
    return f;
}

std::size_t rankOf(const std::vector<app::Candidate>& list, const std::string& mesh) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].mesh() == mesh) return i;
    }
    return list.size();
}

std::filesystem::path freshFolder(const char* name) {
    const auto dir = std::filesystem::temp_directory_path() / ("myomap-therapist-" + std::to_string(::getpid())) / name;
    std::filesystem::remove_all(dir);
    return dir;
}

}  // namespace

TEST_CASE("therapist: pain at the right temple ranks the right upper trapezius and temporalis") {
    const auto ranked = app::rankCandidates(finder(), {{"temple.R", std::nullopt, 7}}, 8);
    REQUIRE_FALSE(ranked.empty());
    CHECK(rankOf(ranked, "upper_trapezius.R") < 5);
    CHECK(rankOf(ranked, "temporalis.R") < 5);
    CHECK(rankOf(ranked, "upper_trapezius.L") == ranked.size());  // the other side does not refer there
    for (const app::Candidate& c : ranked) CHECK(c.triggerPoint.ends_with(".R"));
}

TEST_CASE("therapist: two marked areas bring both sources up, intensity weighs them") {
    const std::vector<session::PainMark> marks{{"temple.R", std::nullopt, 8}, {"lateral_thigh.R", std::nullopt, 3}};
    const auto ranked = app::rankCandidates(finder(), marks, 12);
    CHECK(rankOf(ranked, "upper_trapezius.R") < 6);
    CHECK(rankOf(ranked, "gluteus_minimus.R") < ranked.size());
    CHECK(rankOf(ranked, "upper_trapezius.R") < rankOf(ranked, "gluteus_minimus.R"));  // 8/10 over 3/10
    CHECK(app::rankCandidates(finder(), {{"temple.R", std::nullopt, 0}}, 8).empty());
    // A point on the skin works like its region.
    const auto spot = finder().spotAt(test::figureAndAtlas().body.skin.positions.front());
    const auto byPoint = app::rankCandidates(finder(), {{spot.region, test::figureAndAtlas().body.skin.positions.front(), 5}}, 8);
    CHECK_FALSE(byPoint.empty());
}

TEST_CASE("therapist: the compression timer completes once, after the hold") {
    app::CompressionTimer timer;
    CHECK_FALSE(timer.running());
    timer.start("upper_trapezius.tp1.R", 60.0, 10.0);
    CHECK(timer.running());
    CHECK(timer.progress(40.0) == doctest::Approx(0.5));
    CHECK(timer.remaining(40.0) == doctest::Approx(30.0));
    CHECK_FALSE(timer.update(69.9));
    CHECK(timer.update(70.0));
    CHECK_FALSE(timer.update(71.0));
    CHECK_FALSE(timer.running());
    timer.start("x", 1.0, 0.0);  // held to at least 5 s: a shorter hold is not a compression
    CHECK(timer.hold() == 5.0);
}

TEST_CASE("therapist: the session autosaves after a pause, and reopens as it was") {
    const auto folder = freshFolder("autosave");
    app::TherapistSession s(session::SessionStore(folder), std::make_unique<anatomy::PainFinder>(
                                                                test::figureAndAtlas().atlas, test::figureAndAtlas().body));
    s.start(1764597802);
    s.addMark({"temple.R", std::nullopt, 6});
    CHECK_FALSE(s.candidates().empty());
    s.setNotes("Desk worker; headaches in the afternoon.");
    CHECK_FALSE(s.autosave(100.0, 1764597810).has_value());  // the change is fresh
    CHECK_FALSE(s.autosave(101.0, 1764597811).has_value());
    const auto saved = s.autosave(101.6, 1764597812);
    REQUIRE(saved.has_value());
    CHECK(saved->ok());
    CHECK_FALSE(s.dirty());
    s.explored("upper_trapezius.R");
    s.treated("upper_trapezius.tp1.R", 60, 1764597900);
    REQUIRE(s.saveNow(1764597901));

    session::SessionStore store(folder);
    auto reopened = store.load(s.record().id);
    REQUIRE(reopened);
    CHECK(*reopened == s.record());
    CHECK(reopened->treated.size() == 1);

    app::TherapistSession again(session::SessionStore(folder), nullptr);
    REQUIRE(again.open(s.record().id));
    CHECK(again.record().notes == "Desk worker; headaches in the afternoon.");
    std::filesystem::remove_all(folder.parent_path());
}
