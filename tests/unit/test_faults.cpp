// Faults on the way to disk: a full disk while the session store saves, at every step of a save
// (creating the temporary file, writing it, keeping the backup), and the therapist's session
// kept in memory, reported, and saved by the next autosave once there is room again.
//
// Two ways to fill the disk, both through the store's real code path:
// - a file size limit (RLIMIT_FSIZE, tests/support/write_limit.h): the atomic writer's write()
//   fails with EFBIG where a full disk fails with ENOSPC (works everywhere, as any user);
// - a real, tiny tmpfs in a private mount namespace (a child process), filled to the brim, so
//   that creating, writing and linking each run out of room in turn; skipped with a message
//   where mount namespaces are not allowed.
#include "modes/therapist/therapist_session.h"
#include "session/session.h"
#include "session/session_store.h"
#include "support/write_limit.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace myomap;
using namespace myomap::session;

namespace {

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("myomap-test-faults-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The atomic writer's temporary files in `dir` (".<name>.<random>.tmp").
int temporaries(const fs::path& dir) {
    int n = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        n += entry.path().extension() == ".tmp" ? 1 : 0;
    return n;
}

Session sampleSession(const std::string& id, int version, std::size_t noteBytes = 200) {
    Session s;
    s.id = id;
    s.created = "2026-12-01T14:03:22Z";
    s.modified = isoUtc(1'796'000'000 + version);
    s.clientLabel = "v" + std::to_string(version);
    s.pain = {{"temple.R", std::nullopt, 7}};
    s.notes = std::string(noteBytes, static_cast<char>('a' + version % 26));
    return s;
}

}  // namespace

TEST_CASE("faults: a refused write (as on a full disk) fails the save with its reason and leaves the previous version") {
    const fs::path dir = scratch("refused");
    SessionStore store(dir);
    const std::string id = "2026-12-01T14-03-22";
    REQUIRE(store.save(sampleSession(id, 1)));
    REQUIRE(store.save(sampleSession(id, 2)));
    for (int attempt = 0; attempt < 3; ++attempt) {  // the disk stays full over several tries
        CAPTURE(attempt);
        Status saved = Ok{};
        {
            const test::WriteLimit full(64);
            saved = store.save(sampleSession(id, 3));
        }
        REQUIRE_FALSE(saved);
        CHECK(contains(saved.error(), test::WriteLimit::reason()));
        CHECK(contains(saved.error(), dir.string()));
        CHECK(contains(saved.error(), "previous version on disk is unchanged"));
        CHECK(store.load(id)->clientLabel == "v2");
        // Nothing is replaced before everything is written: the backups are as they were.
        CHECK(store.loadBackup(id, 1)->clientLabel == "v1");
        CHECK_FALSE(fs::exists(store.fileFor(id, 2)));
        CHECK(temporaries(dir) == 0);  // the writer removed what it had begun
    }
    // Room again: the same save goes through, and the backups are the versions before it.
    REQUIRE(store.save(sampleSession(id, 3)));
    CHECK(store.load(id)->clientLabel == "v3");
    CHECK(store.loadBackup(id, 1)->clientLabel == "v2");
    CHECK(store.loadBackup(id, 2)->clientLabel == "v1");
}

TEST_CASE("faults: the therapist session survives a refused write (a full disk) in memory and the next autosave saves it") {
    const fs::path dir = scratch("therapist");
    app::TherapistSession session(SessionStore(dir), nullptr);
    const long long unix0 = 1'796'000'000;
    session.start(unix0);
    const std::string id = session.record().id;
    session.addMark({"temple.R", std::nullopt, 6});
    session.setNotes("Pain behind the right eye since Monday.");
    CHECK_FALSE(session.autosave(0.0, unix0));  // waits for a pause in the typing
    REQUIRE(session.autosave(2.0, unix0 + 2));
    REQUIRE(session.store().load(id));

    // The disk fills up; the therapist goes on working.
    session.addMark({"posterior_neck.R", std::nullopt, 4});
    session.setNotes("Pain behind the right eye since Monday. Worse at the desk.");
    const session::Session inMemory = session.record();
    double t = 10.0;
    for (int retry = 0; retry < 3; ++retry, t += 2.0) {
        CAPTURE(retry);
        CHECK_FALSE(session.autosave(t, unix0 + 10));  // a change seen: waits the delay
        std::optional<Status> saved;
        {
            const test::WriteLimit full(64);
            saved = session.autosave(t + 1.6, unix0 + 12);
        }
        REQUIRE(saved);
        REQUIRE_FALSE(*saved);
        CHECK(session.dirty());  // still to be saved
        CHECK(session.record().pain == inMemory.pain);
        CHECK(session.record().notes == inMemory.notes);
        // What the panel shows: a warning naming the reason and that nothing was lost.
        const app::SaveReport report = app::describeSave(*saved, unix0 + 12);
        CHECK(report.failed);
        CHECK(contains(report.text, "kept in memory"));
        CHECK(contains(report.text, test::WriteLimit::reason()));
        CHECK(session.store().load(id)->pain.size() == 1);  // the disk holds the last good save
    }
    // Space is back: the next autosave writes what was kept in memory.
    CHECK_FALSE(session.autosave(t, unix0 + 20));
    auto saved = session.autosave(t + 1.6, unix0 + 22);
    REQUIRE(saved);
    REQUIRE_MESSAGE(*saved, saved->error());
    CHECK_FALSE(session.dirty());
    CHECK_FALSE(app::describeSave(*saved, unix0 + 22).failed);
    CHECK(contains(app::describeSave(*saved, unix0 + 22).text, "Saved "));
    auto back = session.store().load(id);
    REQUIRE(back);
    CHECK(back->pain == inMemory.pain);
    CHECK(back->notes == inMemory.notes);
}

namespace {

// Which step of a save a failure came from, from the store's and the writer's messages.
std::string failedStep(const std::string& error) {
    if (contains(error, "cannot keep the previous version")) return "keeping the backup";
    if (contains(error, "cannot create")) return "creating the temporary file";
    if (contains(error, "write failed")) return "writing the temporary file";
    if (contains(error, "flushed")) return "fsync";
    if (contains(error, "could not be replaced")) return "rename";
    return "another step (" + error + ")";
}

// In a child process: a private mount namespace with a tmpfs of `kib` KiB and `inodes` inodes
// at `where`. False when the system does not allow it (then the caller skips).
bool mountTinyDisk(const fs::path& where, int kib, int inodes) {
    if (::unshare(CLONE_NEWNS) != 0) {
        // Not root: a user namespace of our own makes us root in it.
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) return false;
        std::ofstream("/proc/self/setgroups") << "deny";
        std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
        std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
    }
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return false;
    const std::string options = "size=" + std::to_string(kib) + "k,nr_inodes=" + std::to_string(inodes) + ",mode=0700";
    return ::mount("tmpfs", where.c_str(), "tmpfs", 0, options.c_str()) == 0;
}

// Fills the file system at `dir` to the last byte with `filler`; returns the bytes written.
std::size_t fill(const fs::path& filler) {
    const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return 0;
    std::size_t total = 0;
    const std::string block(512, 'x');
    for (std::size_t chunk = block.size(); chunk > 0; chunk /= 2) {
        ssize_t n = 0;
        while ((n = ::write(fd, block.data(), chunk)) > 0) total += static_cast<std::size_t>(n);
    }
    ::close(fd);
    return total;
}

// Runs `body` in a child on a tiny disk and returns what it returned ("ok: ..." when all was
// well, otherwise what went wrong), or "skip: ..." when no disk could be mounted.
template <class Body>
std::string onTinyDisk(const fs::path& where, int kib, int inodes, Body body) {
    int out[2];
    if (::pipe(out) != 0) return "pipe failed";
    const pid_t child = ::fork();
    if (child < 0) return "fork failed";
    if (child == 0) {
        ::close(out[0]);
        std::string problem = mountTinyDisk(where, kib, inodes) ? body() : "skip: " + std::string(std::strerror(errno));
        if (::write(out[1], problem.data(), problem.size()) < 0) ::_exit(2);
        ::_exit(0);
    }
    ::close(out[1]);
    std::string problem;
    char buffer[1024];
    for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;)
        problem.append(buffer, static_cast<std::size_t>(n));
    ::close(out[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        problem += " (the child ended with status " + std::to_string(status) + ")";
    return problem;
}

}  // namespace

TEST_CASE("faults: on a really full disk every step of a save fails cleanly and the next save succeeds") {
    // A 64 KiB tmpfs with few inodes, filled to the last byte, then given back a little more room
    // each round: the save runs out of space creating its temporary file, writing it, or keeping
    // the backup, until it fits. Each failure must name the reason and leave a loadable version.
    const fs::path where = scratch("tinydisk");
    const std::string result = onTinyDisk(where, 64, 12, [&]() -> std::string {
        SessionStore store(where / "sessions");
        const std::string id = "2026-12-01T14-03-22";
        if (auto s = store.save(sampleSession(id, 1, 2000)); !s) return "first save: " + s.error();
        if (auto s = store.save(sampleSession(id, 2, 2000)); !s) return "second save: " + s.error();
        const fs::path filler = where / "filler";
        const std::size_t filled = fill(filler);
        if (filled == 0) return "could not fill the disk";
        int failures = 0;
        std::ostringstream log;
        // Give back 1 KiB at a time; the new version needs about 9 KiB of pages.
        bool saved = false;
        for (std::size_t room = 0; room <= 32 * 1024 && !saved; room += 1024) {
            std::error_code ec;
            fs::resize_file(filler, filled > room ? filled - room : 0, ec);
            auto s = store.save(sampleSession(id, 3, 8000));
            saved = s.ok();
            if (!saved) {
                ++failures;
                if (!contains(s.error(), "No space left on device"))
                    return "the failure does not give the reason: " + s.error();
            }
            log << room / 1024 << (saved ? " KiB free: saved" : " KiB free: ENOSPC " + failedStep(s.error()) + ", ");
            auto loaded = store.load(id);
            if (!loaded)
                return "with " + std::to_string(room) + " bytes free the session does not load: " + loaded.error();
            if (loaded->clientLabel != (saved ? "v3" : "v2"))
                return "with " + std::to_string(room) + " bytes free the file holds " + loaded->clientLabel;
            for (int generation = 1; generation <= 2; ++generation) {
                if (fs::exists(store.fileFor(id, generation)) && !store.loadBackup(id, generation))
                    return "backup " + std::to_string(generation) + " does not load with " + std::to_string(room) +
                           " bytes free";
            }
            if (temporaries(where / "sessions") != 0) return "a temporary file was left behind";
        }
        if (failures == 0 || !saved) return "expected failures, then a save: " + log.str();
        if (store.loadBackup(id, 1)->clientLabel != "v2" || store.loadBackup(id, 2)->clientLabel != "v1")
            return "the failed tries lost a backup generation";
        // No inodes left: the temporary file cannot even be created.
        fs::remove(filler);
        int files = 0;
        for (; files < 64; ++files) {
            std::ofstream f(where / ("inode" + std::to_string(files)));
            if (!f) break;
        }
        auto noInode = store.save(sampleSession(id, 4, 100));
        if (noInode) return "a save with no inodes left succeeded";
        if (!contains(noInode.error(), "No space left on device")) return "no-inode failure: " + noInode.error();
        if (store.load(id)->clientLabel != "v3") return "the no-inode failure changed the file";
        log << "; no inodes left: ENOSPC " << failedStep(noInode.error());
        for (int i = 0; i < files; ++i) fs::remove(where / ("inode" + std::to_string(i)));
        if (auto s = store.save(sampleSession(id, 4, 100)); !s) return "with room again: " + s.error();
        if (store.load(id)->clientLabel != "v4") return "the save after room came back did not land";
        return "ok: " + std::to_string(failures + 1) + " saves failed (" + log.str() +
               "); each left the previous version and its backups loadable, and the next save with room succeeded";
    });
    if (result.rfind("skip: ", 0) == 0) {
        MESSAGE("MYOMAP_SKIP: no private tmpfs could be mounted (" << result.substr(6)
                                                                   << "); the file size limit cases above still ran");
        return;
    }
    REQUIRE_MESSAGE(result.rfind("ok: ", 0) == 0, result);
    MESSAGE(result);
}

TEST_CASE("faults: the therapist session on a really full disk is kept, reported and saved when space is back") {
    const fs::path where = scratch("tinydisk-therapist");
    const std::string result = onTinyDisk(where, 32, 32, [&]() -> std::string {
        app::TherapistSession session(SessionStore(where / "sessions"), nullptr);
        const long long unix0 = 1'796'000'000;
        session.start(unix0);
        session.addMark({"temple.R", std::nullopt, 6});
        if (auto s = session.saveNow(unix0); !s) return "first save: " + s.error();
        const fs::path filler = where / "filler";
        if (fill(filler) == 0) return "could not fill the disk";
        session.setNotes(std::string(6000, 'n'));  // more than a page: cannot fit
        double t = 0.0;
        for (int retry = 0; retry < 4; ++retry, t += 5.0) {
            (void)session.autosave(t, unix0 + 1);
            auto saved = session.autosave(t + 2.0, unix0 + 2);
            if (!saved) return "no autosave was tried";
            if (*saved) return "the save on a full disk succeeded";
            const app::SaveReport report = app::describeSave(*saved, unix0 + 2);
            if (!report.failed || !contains(report.text, "No space left on device") ||
                !contains(report.text, "kept in memory"))
                return "the panel would say: " + report.text;
            if (!session.dirty() || session.record().notes.size() != 6000) return "the session in memory changed";
        }
        fs::remove(filler);
        (void)session.autosave(t, unix0 + 30);
        auto saved = session.autosave(t + 2.0, unix0 + 32);
        if (!saved || !*saved)
            return "the autosave after space came back did not save: " + (saved ? saved->error() : "");
        auto back = session.store().load(session.record().id);
        if (!back || back->notes.size() != 6000 || back->pain.size() != 1) return "what was saved is not the session";
        return "ok: 4 autosaves failed on the full disk, the next one after space came back saved";
    });
    if (result.rfind("skip: ", 0) == 0) {
        MESSAGE("MYOMAP_SKIP: no private tmpfs could be mounted (" << result.substr(6) << ")");
        return;
    }
    REQUIRE_MESSAGE(result.rfind("ok: ", 0) == 0, result);
    MESSAGE(result);
}
