#include "core/files.h"
#include "session/session.h"
#include "session/session_store.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

namespace fs = std::filesystem;
using namespace myomap;
using namespace std::string_literals;
using namespace myomap::session;

namespace {

fs::path scratch(const char* name) {
    const fs::path dir = fs::temp_directory_path() / "myomap-test-session" / name;
    std::error_code ec;
    fs::permissions(dir, fs::perms::owner_all, ec);  // a previous run's read-only folder
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string notesFor(int version) {
    std::string notes = "version " + std::to_string(version) + ":";
    for (int i = 0; i < version; ++i)
        notes += " line " + std::to_string(i) + " of the notes, with \"quotes\" and ümlauts\n";
    return notes;
}

Session sample(const std::string& id, int version = 0) {
    Session s;
    s.id = id;
    s.created = "2026-12-01T14:03:22Z";
    s.modified = isoUtc(1'796'000'000 + version);
    s.clientLabel = "v" + std::to_string(version);
    s.pain = {{"temple.R", glm::vec3(0.061f, 1.62f, 0.043f), 7}, {"posterior_neck.L", std::nullopt, 3}};
    s.musclesExplored = {"upper_trapezius.R", "levator_scapulae.R"};
    s.treated = {{"upper_trapezius.tp1.R", 60, "2026-12-01T14:10:00Z"}};
    s.notes = notesFor(version);
    return s;
}

std::string write(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
    return text;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The atomic writer's temporary files for `file` (".<name>.<random>.tmp" beside it).
std::vector<fs::path> temporariesOf(const fs::path& file) {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        if (files::isTemporaryFor(entry.path().filename().string(), file.filename().string())) out.push_back(entry.path());
    return out;
}

// A temporary file as a crash between writing and renaming leaves it, written `age` ago.
fs::path strayTemporary(const fs::path& file, const std::string& text, std::chrono::seconds age) {
    const fs::path temp = file.parent_path() / ("." + file.filename().string() + ".crashed1.tmp");
    write(temp, text);
    fs::last_write_time(temp, fs::file_time_type::clock::now() - age);
    return temp;
}

}  // namespace

TEST_CASE("session JSON round trip keeps every field") {
    const Session s = sample("2026-12-01T14-03-22", 3);
    auto back = sessionFromJson(toJson(s), "mem.json");
    REQUIRE_MESSAGE(back, (back.ok() ? "" : back.error()));
    CHECK(*back == s);
    CHECK_FALSE(back->pain[1].point.has_value());
    CHECK(isValidSessionId(sessionIdForTime(1'796'000'000)));
    CHECK(sessionIdForTime(0) == "1970-01-01T00-00-00");
    CHECK(isoUtc(0) == "1970-01-01T00:00:00Z");
}

TEST_CASE("session JSON validation names the file and the JSON path") {
    auto error = [](const std::string& text) {
        auto r = sessionFromJson(text, "/data/s.json");
        REQUIRE_FALSE(r);
        CHECK(contains(r.error(), "/data/s.json"));
        return r.error();
    };
    const std::string head = R"({"version": 1, "id": "a1", )";
    CHECK(contains(error(head + R"("pain": [{"region": "temple.R", "intensity": 11}]})"), "/pain/0/intensity"));
    CHECK(contains(error(head + R"("pain": [{"region": "temple.R", "intensity": -1}]})"), "from 0 to 10"));
    CHECK(contains(error(head + R"("pain": [{"region": "temple.R", "intensity": 2.5}]})"), "/pain/0/intensity"));
    CHECK(contains(error(head + R"("pain": [{"region": 4, "intensity": 2}]})"), "/pain/0/region"));
    CHECK(contains(error(head + R"("pain": [{"region": "x", "point": [1, "2", 3], "intensity": 2}]})"),
                   "/pain/0/point/1"));
    CHECK(contains(error(head + R"("pain": {"region": "x"}})"), "/pain: expected a list"));
    CHECK(contains(error(head + R"("clientLabel": 5})"), "/clientLabel: expected a string"));
    CHECK(contains(error(head + R"("treated": [{"triggerPoint": "a.tp1", "holdSeconds": "30"}]})"),
                   "/treated/0/holdSeconds"));
    CHECK(contains(error(head + R"("musclesExplored": ["a.R", null]})"), "/musclesExplored/1"));
    CHECK(contains(error(head + R"("created": "yesterday"})"), "/created"));
    CHECK(contains(error(R"({"version": 2, "id": "a1"})"), "unknown session format version 2"));
    CHECK(contains(error(R"({"id": "a1"})"), "/version: missing"));
    CHECK(contains(error(R"({"version": 1})"), "/id: missing"));
    CHECK(contains(error(R"({"version": 1, "id": "../etc"})"), "/id: a session id may hold only"));
    CHECK(contains(error(R"([1, 2])"), "expected a session"));
    CHECK(contains(error(R"({"version": 1, "id": "a1", )"), "invalid JSON"));
    // Several problems are all reported.
    const std::string many = error(head + R"("notes": 1, "clientLabel": [], "pain": [{"intensity": 12}]})");
    CHECK(contains(many, "/notes"));
    CHECK(contains(many, "/clientLabel"));
    CHECK(contains(many, "/pain/0/region: missing"));
    // Unknown fields (from a newer minor revision, or hand edits) are ignored without error.
    auto extra =
        sessionFromJson(head + R"("mood": "good", "pain": [{"region": "r", "intensity": 1, "side": 2}]})", "x");
    REQUIRE_MESSAGE(extra, (extra.ok() ? "" : extra.error()));
    CHECK(extra->pain.size() == 1);
}

TEST_CASE("session JSON nested 10,000 deep is refused without crashing") {
    const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
    auto r = sessionFromJson(R"({"version": 1, "id": "a", "notes": )" + deep + "}", "deep.json");
    REQUIRE_FALSE(r);
    CHECK(contains(r.error(), "deep.json"));
    CHECK(contains(r.error(), "nested more than 64"));
    auto objects = sessionFromJson(std::string(10'000, '{'), "deep.json");
    CHECK_FALSE(objects);
    // Brackets inside strings are text, not nesting.
    auto inString = sessionFromJson(R"({"version": 1, "id": "a", "notes": ")" + std::string(10'000, '[') + "\"}", "s");
    REQUIRE(inString);
    CHECK(inString->notes.size() == 10'000);
}

TEST_CASE("session store refuses ids that could escape its folder") {
    const fs::path dir = scratch("ids");
    SessionStore store(dir / "sessions");
    const std::vector<std::string> badIds = {"",  "../evil",           "a/b", "..", ".", "a.b", "a b", "name\n", "\0x"s,
                                             "ä", std::string(65, 'a')};
    for (const std::string& id : badIds) {
        CHECK_FALSE(isValidSessionId(id));
        Session s = sample(id);
        auto saved = store.save(s);
        REQUIRE_FALSE(saved);
        CHECK(contains(saved.error(), "session id"));
        CHECK_FALSE(store.load(id));
        CHECK_FALSE(store.loadBackup(id));
        CHECK_FALSE(store.remove(id));
    }
    CHECK(isValidSessionId(std::string(64, 'a')));
    CHECK(isValidSessionId("2026-12-01T14-03-22_b"));
    CHECK_FALSE(fs::exists(dir / "evil.json"));
    CHECK_FALSE(fs::exists(dir / "sessions"));  // nothing was written anywhere
}

TEST_CASE("session store saves and reopens an equal session") {
    const fs::path dir = scratch("roundtrip");
    SessionStore store(dir / "sessions");  // created on the first save
    const Session s = sample("2026-12-01T14-03-22", 2);
    REQUIRE(store.save(s));
    CHECK((fs::status(dir / "sessions").permissions() & fs::perms::others_all) == fs::perms::none);
    auto back = SessionStore(dir / "sessions").load(s.id);
    REQUIRE_MESSAGE(back, (back.ok() ? "" : back.error()));
    CHECK(*back == s);
    auto missing = store.load("nope");
    REQUIRE_FALSE(missing);
    CHECK(contains(missing.error(), "no session 'nope'"));
}

TEST_CASE("session store lists newest first and lists corrupt files with their problem") {
    const fs::path dir = scratch("list");
    SessionStore store(dir);
    CHECK(SessionStore(dir / "not-yet").list()->empty());
    REQUIRE(store.save(sample("old", 1)));
    REQUIRE(store.save(sample("newest", 9)));
    REQUIRE(store.save(sample("middle", 5)));
    REQUIRE(store.save(sample("middle", 6)));  // leaves middle.json.bak, which is not listed
    write(dir / "broken.json", "{\"version\": 1, \"id\": \"broken\", \"pain\": [");
    write(dir / "notes.txt", "not a session");
    auto rows = store.list();
    REQUIRE(rows);
    REQUIRE(rows->size() == 4);
    CHECK((*rows)[0].id == "newest");
    CHECK((*rows)[1].id == "middle");
    CHECK((*rows)[1].clientLabel == "v6");
    CHECK((*rows)[1].painCount == 2);
    CHECK((*rows)[2].id == "old");
    CHECK((*rows)[3].id == "broken");
    CHECK(contains((*rows)[3].problem, "broken.json"));
    for (int i = 0; i < 3; ++i) CHECK((*rows)[static_cast<std::size_t>(i)].problem.empty());
}

TEST_CASE("session store keeps the last two versions as rotating backups") {
    const fs::path dir = scratch("rotate");
    SessionStore store(dir);
    CHECK_FALSE(store.loadBackup("s"));
    for (int v = 1; v <= 4; ++v) REQUIRE(store.save(sample("s", v)));
    CHECK(store.load("s")->clientLabel == "v4");
    CHECK(store.loadBackup("s", 1)->clientLabel == "v3");
    CHECK(store.loadBackup("s", 2)->clientLabel == "v2");
    CHECK(fs::exists(dir / "s.json.bak"));
    CHECK(fs::exists(dir / "s.json.bak2"));
    CHECK_FALSE(store.loadBackup("s", 3));
    CHECK_FALSE(fs::exists(dir / "s.json.bak3"));
}

TEST_CASE("session store remove deletes the session and its backups") {
    const fs::path dir = scratch("remove");
    SessionStore store(dir);
    for (int v = 1; v <= 3; ++v) REQUIRE(store.save(sample("gone", v)));
    REQUIRE(store.save(sample("kept", 1)));
    const fs::path stray = strayTemporary(dir / "gone.json", "{ torn", std::chrono::seconds(0));
    REQUIRE(store.remove("gone"));
    for (const char* name : {"gone.json", "gone.json.bak", "gone.json.bak2"}) CHECK_FALSE(fs::exists(dir / name));
    CHECK_FALSE(fs::exists(stray));
    CHECK(store.load("kept"));
    CHECK_FALSE(store.remove("gone"));
}

TEST_CASE("session store reports a corrupt file and offers the backup") {
    const fs::path dir = scratch("corrupt");
    SessionStore store(dir);
    REQUIRE(store.save(sample("c", 1)));
    REQUIRE(store.save(sample("c", 2)));
    fs::resize_file(dir / "c.json", 40);  // torn by a disk or another program
    auto r = store.load("c");
    REQUIRE_FALSE(r);
    CHECK(contains(r.error(), "corrupt"));
    CHECK(contains(r.error(), "c.json"));
    CHECK(contains(r.error(), "c.json.bak'"));
    CHECK(store.loadBackup("c")->clientLabel == "v1");
    // Without a readable backup the message says so.
    fs::remove(dir / "c.json.bak");
    write(dir / "c.json.bak2", "garbage");
    auto none = store.load("c");
    REQUIRE_FALSE(none);
    CHECK(contains(none.error(), "No readable backup"));
    // A file whose id does not match its name is not silently opened as another session.
    write(dir / "d.json", toJson(sample("e", 1)));
    auto mismatch = store.load("d");
    REQUIRE_FALSE(mismatch);
    CHECK(contains(mismatch.error(), "/id"));
}

namespace {
// Tries to save into a read-only `dir`; returns "" when the save failed cleanly (and, when
// `checkOld`, the old file still loads), otherwise what went wrong.
std::string saveIntoReadOnly(const fs::path& dir, bool checkOld = true) {
    SessionStore store(dir);
    auto saved = store.save(sample("ro", 2));
    if (saved) return "the save succeeded";
    if (!contains(saved.error(), dir.string())) return "the error does not name the folder: " + saved.error();
    if (!contains(saved.error(), "Permission denied")) return "the error does not give the reason: " + saved.error();
    if (!checkOld) return {};
    auto old = store.load("ro");
    if (!old || old->clientLabel != "v1") return "the old file was lost";
    return {};
}
}  // namespace

TEST_CASE("session store refuses a read-only folder and keeps the old file") {
    const fs::path dir = scratch("readonly");
    REQUIRE(SessionStore(dir).save(sample("ro", 1)));
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);  // 0500
    if (::access(dir.c_str(), W_OK) != 0) {
        const std::string problem = saveIntoReadOnly(dir);
        CHECK_MESSAGE(problem.empty(), problem);
    } else if (::geteuid() == 0) {
        // Root writes anywhere; check as an unprivileged user in a child process instead.
        MESSAGE("running as root: the folder stays writable, so the check runs as 'nobody' in a child process");
        fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                 fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);  // 0555
        int pipeFds[2];
        REQUIRE(::pipe(pipeFds) == 0);
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(pipeFds[0]);
            std::string problem =
                // The session files are root's and 0600: 'nobody' cannot read them, so the parent
                // checks that the old file is intact.
                (::setgid(65534) == 0 && ::setuid(65534) == 0) ? saveIntoReadOnly(dir, false) : "setuid failed";
            if (::write(pipeFds[1], problem.data(), problem.size()) < 0) ::_exit(2);
            ::_exit(problem.empty() ? 0 : 1);
        }
        ::close(pipeFds[1]);
        std::string problem;
        char buffer[512];
        for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
            problem.append(buffer, static_cast<std::size_t>(n));
        ::close(pipeFds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        CHECK_MESSAGE(problem.empty(), problem);
        CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
        CHECK(SessionStore(dir).load("ro")->clientLabel == "v1");
    } else {
        MESSAGE("MYOMAP_SKIP: the folder stays writable after chmod 0500; the read-only check was skipped");
    }
    fs::permissions(dir, fs::perms::owner_all);
}

namespace {
// Version `v` of the session the killed child writes: its label names the version, its notes
// vary in length (1-40 lines) so that kills land in writes of different sizes.
Session killVersion(const std::string& id, int v) {
    Session s = sample(id, v % 40 + 1);
    s.clientLabel = "v" + std::to_string(v);
    return s;
}

int versionIn(const Session& s) { return std::stoi(s.clientLabel.substr(1)); }
}  // namespace

TEST_CASE("session store survives being killed in the middle of saves") {
    // A child process saves new versions in a loop and reports each finished save through a
    // pipe; it is SIGKILLed after a random 0-15 ms (longer where saves are slower), hundreds of times. After every kill the
    // session must load and be either the last version the child finished or the one it was
    // writing (never an older one, never a torn one), and any backup must load and be older.
    const fs::path dir = scratch("kill");
    SessionStore store(dir);
    const std::string id = "2026-12-01T14-03-22";
    REQUIRE(store.save(killVersion(id, 0)));
    std::mt19937 random(20261201);
    // Kills land within the first few saves of a child: 0-15 ms, or ten saves' time where a
    // save takes longer (a sanitizer build: each save writes and flushes two files).
    SessionStore timing(scratch("kill-timing"));
    const auto timed = std::chrono::steady_clock::now();
    for (int v = 1; v <= 5; ++v) REQUIRE(timing.save(killVersion(id, v)));
    const auto perSaveUs = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - timed).count() / 5;
    std::uniform_int_distribution<int> delayUs(0, static_cast<int>(std::clamp<long long>(10 * perSaveUs, 15000, 200000)));
    // 120 kills are plenty; the deadline only guards a machine so loaded that rounds crawl (a
    // save that takes 15 ms makes a round about 90 ms, 100 kills about 9 s).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    int kills = 0, unchanged = 0, inFlightLanded = 0, tempLeft = 0, backupKept = 0, current = 0;
    std::size_t tempsBefore = 0;
    int mostSaves = 0;
    for (int round = 0; round < 250 && kills < 120 && std::chrono::steady_clock::now() < deadline; ++round) {
        int reports[2];
        REQUIRE(::pipe(reports) == 0);
        const int first = current + 1;
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            ::close(reports[0]);
            // Saves until killed (or, as a safety net, for two seconds).
            SessionStore writer(dir);
            const auto stop = std::chrono::steady_clock::now() + std::chrono::seconds(2);
            for (int v = first; std::chrono::steady_clock::now() < stop; ++v) {
                if (!writer.save(killVersion(id, v))) ::_exit(3);
                if (::write(reports[1], &v, sizeof v) != static_cast<ssize_t>(sizeof v)) ::_exit(4);
            }
            ::_exit(0);
        }
        ::close(reports[1]);
        std::this_thread::sleep_for(std::chrono::microseconds(delayUs(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        REQUIRE_MESSAGE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL),
                        "round " << round << ": the child was not killed mid-run (status " << status << ")");
        ++kills;
        int finished = current, v = 0, saves = 0;
        while (::read(reports[0], &v, sizeof v) == static_cast<ssize_t>(sizeof v)) {
            finished = v;
            ++saves;
        }
        ::close(reports[0]);
        mostSaves = std::max(mostSaves, saves);

        // Where the kill landed, from what it left behind.
        // (Temporary files stay until they are a minute old, so a new one means this kill.)
        const std::size_t temps = temporariesOf(store.fileFor(id)).size() + temporariesOf(store.fileFor(id, 1)).size();
        tempLeft += temps > tempsBefore ? 1 : 0;
        tempsBefore = temps;
        const auto bytesOf = [](const fs::path& file) {
            auto text = files::readText(file, 1u << 20);
            return text ? *text : std::string();
        };
        backupKept += fs::exists(store.fileFor(id, 1)) && bytesOf(store.fileFor(id)) == bytesOf(store.fileFor(id, 1)) ? 1 : 0;

        auto loaded = store.load(id);
        REQUIRE_MESSAGE(loaded, "after kill " << round << ": " << (loaded ? "" : loaded.error()));
        const int on = versionIn(*loaded);
        REQUIRE_MESSAGE(*loaded == killVersion(id, on), "after kill " << round << " the file is not whole version " << on);
        REQUIRE_MESSAGE((on == finished || on == finished + 1),
                        "after kill " << round << ": the child had finished version " << finished
                                      << " but the file holds version " << on);
        unchanged += on == current ? 1 : 0;
        inFlightLanded += on == finished + 1 ? 1 : 0;
        for (int generation = 1; generation <= SessionStore::kBackupGenerations; ++generation) {
            if (!fs::exists(store.fileFor(id, generation))) continue;
            auto backup = store.loadBackup(id, generation);
            REQUIRE_MESSAGE(backup, "after kill " << round << ": backup " << generation << ": " << backup.error());
            CHECK(versionIn(*backup) <= on);
        }
        current = on;
    }
    MESSAGE(kills << " kills at 0-" << delayUs.b() / 1000 << " ms (" << perSaveUs << " us a save); the file still held the previous round's version after " << unchanged
                  << "; a save the child had not reported yet had landed after " << inFlightLanded << "; a temporary file "
                  << "was left mid-write by " << tempLeft << "; the backup was kept but the file not yet replaced after "
                  << backupKept << "; most saves in one run: " << mostSaves << "; last version: " << current);
    CHECK(kills >= 100);
    CHECK(current > 0);  // the children did save
    auto rows = store.list();
    REQUIRE(rows);
    CHECK(rows->size() == 1);
    // After all that the store still works: a save cleans up and rotates as usual.
    REQUIRE(store.save(killVersion(id, current + 1)));
    CHECK(versionIn(*store.load(id)) == current + 1);
    // The temporaries the kills left are gone once they are stale (a minute: a younger one may be
    // another window's save in progress).
    for (const fs::path& temp : temporariesOf(store.fileFor(id)))
        fs::last_write_time(temp, fs::file_time_type::clock::now() - std::chrono::minutes(2));
    REQUIRE(store.save(killVersion(id, current + 2)));
    CHECK(temporariesOf(store.fileFor(id)).empty());
}

TEST_CASE("session store ignores a stray temporary file and a later save cleans it up") {
    const fs::path dir = scratch("stray");
    SessionStore store(dir);
    REQUIRE(store.save(sample("s", 1)));
    // As if the program died between writing the temporary file and renaming it over.
    const fs::path temp = strayTemporary(dir / "s.json", toJson(sample("s", 2)).substr(0, 100), std::chrono::seconds(0));
    CHECK(store.load("s")->clientLabel == "v1");
    auto rows = store.list();
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().problem.empty());
    // A young one may be another window's save in progress: left alone.
    REQUIRE(store.save(sample("s", 3)));
    CHECK(fs::exists(temp));
    fs::last_write_time(temp, fs::file_time_type::clock::now() - std::chrono::minutes(2));
    REQUIRE(store.save(sample("s", 4)));
    CHECK_FALSE(fs::exists(temp));
    CHECK(store.load("s")->clientLabel == "v4");
    CHECK(store.loadBackup("s")->clientLabel == "v3");
    CHECK(store.loadBackup("s", 2)->clientLabel == "v1");
}
