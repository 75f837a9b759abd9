// The therapist's tools on the real figure when the disk is full: the session stays in memory,
// the panel shows why it was not saved, "New session" does not throw the unsaved one away, the
// next autosave once there is room saves it, and closing the tools saves what is left.
#include "explore_fixture.h"

#include "modes/therapist/therapist_tools.h"
#include "support/write_limit.h"

#include <unistd.h>
#include <filesystem>

namespace fs = std::filesystem;
using namespace myomap;

namespace {

fs::path freshFolder(const char* name) {
    const fs::path dir = fs::temp_directory_path() / ("myomap-therapist-faults-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("therapist tools: a refused write (a full disk) is shown in the panel, the session is kept and saved once there is room") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    const fs::path dir = freshFolder("full");
    const long long unix0 = 1'796'000'000;
    app::TherapistTools tools(f.explorer, f.atlas, dir, unix0);
    app::TherapistSession& session = tools.session();
    const std::string id = session.record().id;
    const fs::path file = session.store().fileFor(id);
    session.addMark({"temple.R", std::nullopt, 7});
    tools.update(0.0, unix0);
    tools.update(2.0, unix0 + 2);
    REQUIRE(fs::exists(file));
    CHECK_FALSE(tools.panel().saveFailed);
    CHECK(contains(tools.panel().saveStatus, "Saved"));

    session.setNotes("Worse at the desk.");
    {
        const test::WriteLimit full(64);  // every write past 64 bytes is refused, as on a full disk
        tools.update(10.0, unix0 + 10);
        tools.update(12.0, unix0 + 12);
        CHECK(tools.panel().saveFailed);
        CHECK(contains(tools.panel().saveStatus, "kept in memory"));
        CHECK(contains(tools.panel().saveStatus, test::WriteLimit::reason()));
        CHECK(session.dirty());

        // "New session" while the disk is still full: the unsaved session stays open.
        tools.carryOut({ui::TherapistActionType::NewSession}, 13.0, unix0 + 13);
    }
    CHECK(session.record().id == id);
    CHECK(session.record().notes == "Worse at the desk.");
    REQUIRE_FALSE(tools.messages().empty());
    CHECK(contains(tools.messages().back(), "stays open"));
    CHECK(tools.panel().saveFailed);
    tools.messages().clear();

    // Room again: the next autosave writes it.
    tools.update(14.0, unix0 + 14);
    tools.update(16.0, unix0 + 16);
    CHECK_FALSE(tools.panel().saveFailed);
    CHECK_FALSE(session.dirty());
    CHECK(session.store().load(id)->notes == "Worse at the desk.");

    // "New session" with room saves nothing twice and starts afresh.
    tools.carryOut({ui::TherapistActionType::NewSession}, 20.0, unix0 + 3600);
    CHECK(session.record().id != id);
    CHECK(tools.messages().empty());
}

TEST_CASE("therapist tools: closing them (quitting, switching mode) saves what the autosave had not") {
    auto& f = test::ExploreFixture::get();
    f.reset();
    const fs::path dir = freshFolder("closing");
    std::string id;
    {
        app::TherapistTools tools(f.explorer, f.atlas, dir, 1'796'000'000);
        id = tools.session().record().id;
        tools.session().addMark({"temple.R", std::nullopt, 5});
        tools.update(0.0, 1'796'000'000);  // within the autosave's delay: nothing written yet
        CHECK_FALSE(fs::exists(tools.session().store().fileFor(id)));
    }
    auto saved = session::SessionStore(dir).load(id);
    REQUIRE_MESSAGE(saved, (saved ? "" : saved.error()));
    CHECK(saved->pain.size() == 1);
}
