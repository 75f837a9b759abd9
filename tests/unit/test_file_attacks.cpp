// A hostile user of a shared clinic PC against the file layer (docs/RELIABILITY.md, "Files on a
// shared PC"): planted temporary files and links, devices and FIFOs where a file is written,
// links in the sessions folder, the backup sequence that used to lose the good backup, sizes in
// messages, and the Sessions window's reading of the folder. Each case failed on the file layer
// before this one (see each comment).
#include "automation/script.h"
#include "modes/therapist/therapist_session.h"
#include "core/files.h"
#include "session/kiosk_config.h"
#include "session/session.h"
#include "session/session_store.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;
using namespace myomap;
using namespace myomap::session;

namespace {

fs::path scratch(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("myomap-test-attacks-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string slurp(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& file, const std::string& text) { std::ofstream(file, std::ios::binary) << text; }

mode_t modeOf(const fs::path& file) {
    struct stat st {};
    REQUIRE(::lstat(file.c_str(), &st) == 0);
    return st.st_mode;
}

// Watches a file for being opened or read (inotify): proves a link to it was never followed.
class OpenWatch {
public:
    explicit OpenWatch(const fs::path& file) : m_fd(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        REQUIRE(m_fd >= 0);
        REQUIRE(::inotify_add_watch(m_fd, file.c_str(), IN_OPEN | IN_ACCESS | IN_MODIFY) >= 0);
    }
    ~OpenWatch() { ::close(m_fd); }
    // Events since the watch began (or the last call).
    int events() const {
        alignas(inotify_event) char buffer[4096];
        int n = 0;
        for (ssize_t got; (got = ::read(m_fd, buffer, sizeof buffer)) > 0;) {
            for (char* p = buffer; p < buffer + got; p += sizeof(inotify_event) + reinterpret_cast<inotify_event*>(p)->len) ++n;
        }
        return n;
    }

private:
    int m_fd;
};

Session sample(const std::string& id, int version) {
    Session s;
    s.id = id;
    s.created = "2026-12-01T14:03:22Z";
    s.modified = isoUtc(1'796'000'000 + version * 60);
    s.clientLabel = "v" + std::to_string(version);
    s.pain = {{"temple.R", std::nullopt, version % 11}};
    s.notes = "Version " + std::to_string(version) + " of the notes.";
    return s;
}

// No file in `dir` is a hard link (every one has one name) and none is a symbolic link.
void checkNoLinks(const fs::path& dir) {
    for (const auto& entry : fs::directory_iterator(dir)) {
        struct stat st {};
        REQUIRE(::lstat(entry.path().c_str(), &st) == 0);
        CAPTURE(entry.path());
        CHECK(S_ISREG(st.st_mode));
        CHECK(st.st_nlink == 1);
    }
}

}  // namespace

// 1. The atomic write opened "<path>.tmp" with O_CREAT|O_TRUNC, following a planted link: the
//    link's target was overwritten and the destination left a link to it.
TEST_CASE("attack: a planted temporary link does not redirect a write") {
    const fs::path dir = scratch("planted-temp");
    const fs::path victim = dir / "victim.txt";
    write(victim, "the victim's own data");
    const fs::path out = dir / "h.pdf";
    fs::create_symlink(victim, dir / "h.pdf.tmp");
    REQUIRE(files::writeAtomically(out, std::string("%PDF-1.5 the handout")));
    CHECK(slurp(victim) == "the victim's own data");
    CHECK(S_ISREG(modeOf(out)));
    CHECK(slurp(out) == "%PDF-1.5 the handout");
    CHECK(fs::is_symlink(dir / "h.pdf.tmp"));  // not ours: left as it was
    // The temporary file is made with O_EXCL|O_NOFOLLOW: one name a link already holds is never
    // opened; the writer takes another.
    int temporaries = 0;
    for (const auto& entry : fs::directory_iterator(dir)) temporaries += files::isTemporaryFor(entry.path().filename().string(), "h.pdf");
    CHECK(temporaries == 0);
}

TEST_CASE("attack: a link planted at the session's old temporary name does not receive the autosave") {
    const fs::path dir = scratch("planted-session");
    const fs::path victim = scratch("planted-session-victim") / "victim.txt";
    write(victim, "the victim's own data");
    app::TherapistSession session(SessionStore(dir), nullptr);
    session.start(1'796'000'000);
    const fs::path file = session.store().fileFor(session.record().id);
    fs::create_directories(dir);
    fs::create_symlink(victim, file.string() + ".tmp");
    session.addMark({"temple.R", std::nullopt, 6});
    REQUIRE_FALSE(session.autosave(0.0, 1'796'000'001));  // waits for a pause
    auto saved = session.autosave(2.0, 1'796'000'003);
    REQUIRE(saved);
    REQUIRE_MESSAGE(*saved, saved->error());
    CHECK(slurp(victim) == "the victim's own data");
    CHECK(S_ISREG(modeOf(file)));
    CHECK(session.store().load(session.record().id)->pain.size() == 1);
}

// 2. As root, "--out /dev/full" left /dev/full an ordinary file: the rename replaced the node.
TEST_CASE("attack: a device, a FIFO, a folder or a link at the destination is refused and left as it is") {
    const fs::path dir = scratch("special");
    const fs::path fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    auto toFifo = files::writeAtomically(fifo, std::string("x"));
    REQUIRE_FALSE(toFifo);
    CHECK(contains(toFifo.error(), fifo.string()));
    CHECK(contains(toFifo.error(), "FIFO"));
    CHECK(S_ISFIFO(modeOf(fifo)));

    auto toFolder = files::writeAtomically(dir, std::string("x"));
    REQUIRE_FALSE(toFolder);
    CHECK(contains(toFolder.error(), "a folder"));

    const fs::path target = dir / "target.txt";
    write(target, "kept");
    fs::create_symlink(target, dir / "link.png");
    auto toLink = files::writeAtomically(dir / "link.png", std::string("x"));
    REQUIRE_FALSE(toLink);
    CHECK(contains(toLink.error(), "symbolic link"));
    CHECK(fs::is_symlink(dir / "link.png"));
    CHECK(slurp(target) == "kept");

    const fs::path device = dir / "full";
    if (::mknod(device.c_str(), S_IFCHR | 0666, ::makedev(1, 7)) != 0) {  // /dev/full's numbers
        MESSAGE("MYOMAP_SKIP: mknod needs root here (" << std::strerror(errno) << "); the device case was skipped");
    } else {
        auto toDevice = files::writeAtomically(device, std::string("x"));
        REQUIRE_FALSE(toDevice);
        CHECK(contains(toDevice.error(), "character device"));
        CHECK(contains(toDevice.error(), device.string()));
        struct stat st {};
        REQUIRE(::stat(device.c_str(), &st) == 0);
        CHECK(S_ISCHR(st.st_mode));  // still the device, not a file put in its place
        CHECK(::major(st.st_rdev) == 1);
        CHECK(::minor(st.st_rdev) == 7);
    }
    // Nothing half-written was left beside any of them.
    for (const auto& entry : fs::directory_iterator(dir)) CHECK(entry.path().extension() != ".tmp");
}

TEST_CASE("attack: client data is written 0600 whatever the umask, other files as the umask says") {
    const fs::path dir = scratch("modes");
    const mode_t old = ::umask(0);
    REQUIRE(files::writeAtomically(dir / "private.json", std::string("{}"), files::Access::Private));
    ::umask(022);
    REQUIRE(files::writeAtomically(dir / "shared.png", std::string("png")));
    ::umask(old);
    CHECK((modeOf(dir / "private.json") & 0777) == 0600);
    CHECK((modeOf(dir / "shared.png") & 0777) == 0644);
    // Replacing an existing file that was more open makes it private too.
    ::chmod((dir / "shared.png").c_str(), 0666);
    REQUIRE(files::writeAtomically(dir / "shared.png", std::string("now private"), files::Access::Private));
    CHECK((modeOf(dir / "shared.png") & 0777) == 0600);
}

TEST_CASE("attack: a prepared write that is never committed leaves nothing behind") {
    const fs::path dir = scratch("prepared");
    std::string temporary;
    {
        auto prepared = files::PreparedWrite::prepare(dir / "a.json", std::string("{}"));
        REQUIRE(prepared);
        temporary = prepared->temporary().string();
        CHECK(fs::exists(temporary));
        CHECK(files::isTemporaryFor(prepared->temporary().filename().string(), "a.json"));
        CHECK_FALSE(fs::exists(dir / "a.json"));
    }
    CHECK_FALSE(fs::exists(temporary));
    CHECK(fs::is_empty(dir));
}

// 3. A link in the sessions folder was opened and parsed, and its first byte quoted.
TEST_CASE("attack: a session file that is a link is listed with its problem and never opened") {
    const fs::path dir = scratch("linked-sessions");
    const fs::path elsewhere = scratch("linked-sessions-target");
    SessionStore store(dir);
    REQUIRE(store.save(sample("real", 1)));
    const fs::path secret = elsewhere / "passwd";
    write(secret, "root:x:0:0:root:/root:/bin/bash\n");
    fs::create_symlink(secret, dir / "stolen.json");
    const fs::path copied = elsewhere / "other.json";
    write(copied, toJson(sample("mirror", 1)));
    fs::create_symlink(copied, dir / "mirror.json");
    fs::create_symlink(copied, dir / "real.json.bak2");

    const OpenWatch secretWatch(secret), copiedWatch(copied);
    auto rows = store.list();
    REQUIRE(rows);
    REQUIRE(rows->size() == 3);
    CHECK(rows->front().id == "real");
    CHECK(rows->front().kind == SessionInfo::Kind::Session);
    for (std::size_t i = 1; i < 3; ++i) {
        const SessionInfo& row = (*rows)[i];
        CAPTURE(row.id);
        CHECK(row.kind == SessionInfo::Kind::NotAFile);
        CHECK(contains(row.problem, "symbolic link"));
        CHECK(contains(row.problem, "not opened"));
        CHECK_FALSE(contains(row.problem, "root"));
    }
    auto load = store.load("stolen");
    REQUIRE_FALSE(load);
    CHECK(contains(load.error(), "symbolic link"));
    CHECK_FALSE(contains(load.error(), "root:"));
    auto backup = store.loadBackup("real", 2);
    REQUIRE_FALSE(backup);
    CHECK(contains(backup.error(), "symbolic link"));
    CHECK(secretWatch.events() == 0);
    CHECK(copiedWatch.events() == 0);

    // Deleting the session removes the link itself, never what it points to.
    REQUIRE(store.remove("real"));
    CHECK(slurp(copied) == toJson(sample("mirror", 1)));
    CHECK(fs::is_symlink(dir / "mirror.json"));
}

TEST_CASE("attack: a file named on the command line may be a link, but its contents never reach a message") {
    const fs::path dir = scratch("named");
    const fs::path secret = dir / "passwd";
    write(secret, "root:x:0:0:root:/root:/bin/bash\n");
    fs::create_symlink(secret, dir / "session.json");
    auto bytes = files::readBytes(dir / "session.json");  // followed, as other tools do
    REQUIRE(bytes);
    const std::string text(bytes->begin(), bytes->end());
    auto parsed = sessionFromJson(text, (dir / "session.json").string());
    REQUIRE_FALSE(parsed);
    CHECK(contains(parsed.error(), "session.json"));
    CHECK(contains(parsed.error(), "line 1"));
    CHECK_FALSE(contains(parsed.error(), "root"));
    // Nor do the values of fields of the wrong kind.
    auto wrong = sessionFromJson(R"({"version": 1, "id": "a", "created": "Jane Doe, 42 Elm St", "pain": "migraines"})", "s.json");
    REQUIRE_FALSE(wrong);
    CHECK_FALSE(contains(wrong.error(), "Jane"));
    CHECK_FALSE(contains(wrong.error(), "migraines"));
    CHECK(contains(wrong.error(), "/pain"));
    // A FIFO is refused without waiting for a writer, followed or not.
    REQUIRE(::mkfifo((dir / "pipe.json").c_str(), 0600) == 0);
    for (files::Links links : {files::Links::Follow, files::Links::Refuse}) {
        auto fifo = files::readBytes(dir / "pipe.json", files::kDefaultReadLimit, links);
        REQUIRE_FALSE(fifo);
        CHECK(contains(fifo.error(), "FIFO"));
    }
}

// 4. Opening the backup of a corrupt session saved at once, rotating the corrupt file into .bak
//    and the good backup into .bak2; the next edit rotated the corrupt .bak over .bak2.
TEST_CASE("attack: restoring a backup keeps every good version, a corrupt file is moved aside and never rotated") {
    const fs::path dir = scratch("restore");
    const std::string id = "2026-12-01T14-03-22";
    {
        SessionStore store(dir);
        REQUIRE(store.save(sample(id, 1)));
        REQUIRE(store.save(sample(id, 2)));  // file v2, .bak v1
        REQUIRE(store.save(sample(id, 3)));  // file v3, .bak v2, .bak2 v1
    }
    const std::string corrupt = "{\"version\": 1, \"id\": \"" + id + "\", \"pain\": [{\"regi";
    write(dir / (id + ".json"), corrupt);

    app::TherapistSession session(SessionStore(dir), nullptr);
    auto rows = session.store().list();
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    CHECK(rows->front().kind == SessionInfo::Kind::Corrupt);
    REQUIRE(session.open(id, 1));  // "Open the backup": v2
    CHECK(session.record().clientLabel == "v2");
    REQUIRE(session.saveNow(1'796'100'000));

    const auto goodVersions = [&](SessionStore& store) {
        std::vector<std::string> labels;
        if (auto s = store.load(id)) labels.push_back(s->clientLabel);
        for (int g = 1; g <= 2; ++g)
            if (auto b = store.loadBackup(id, g)) labels.push_back(b->clientLabel);
        return labels;
    };
    // The corrupt file is kept once, aside, byte for byte; the backups are as they were.
    rows = session.store().list();
    REQUIRE(rows);
    REQUIRE(rows->size() == 2);
    CHECK(rows->front().kind == SessionInfo::Kind::Session);
    CHECK(rows->back().kind == SessionInfo::Kind::MovedAside);
    CHECK(rows->back().fileName == id + ".corrupt-2026-12-01T04-40-00Z.json");
    CHECK(slurp(dir / rows->back().fileName) == corrupt);
    CHECK(goodVersions(session.store()) == std::vector<std::string>{"v2", "v2", "v1"});

    // Two more edits: every version that loaded before the restore is still there after the first.
    session.setNotes("first edit after the restore");
    REQUIRE(session.saveNow(1'796'100'060));
    CHECK(goodVersions(session.store()) == std::vector<std::string>{"v2", "v2", "v1"});
    CHECK(session.store().loadBackup(id, 2)->clientLabel == "v1");
    session.setNotes("second edit");
    REQUIRE(session.saveNow(1'796'100'120));
    // Now .bak is the first edit and .bak2 the restored v2; v1 has aged out, as two generations do.
    CHECK(session.store().loadBackup(id, 1)->notes == "first edit after the restore");
    CHECK(session.store().loadBackup(id, 2)->notes == "Version 2 of the notes.");
    // No backup ever held the corrupt bytes, and nothing is a link.
    for (const char* suffix : {".json.bak", ".json.bak2"}) CHECK(slurp(dir / (id + suffix)) != corrupt);
    checkNoLinks(dir);

    // The version moved aside is listed until deleted by name; names that are not one are refused.
    REQUIRE(session.store().removeAside(rows->back().fileName));
    CHECK_FALSE(session.store().removeAside("../" + id + ".json"));
    CHECK_FALSE(session.store().removeAside(id + ".json"));
    CHECK(fs::exists(dir / (id + ".json")));
}

TEST_CASE("attack: a link at a backup's name stops the save with a message and is not followed") {
    const fs::path dir = scratch("linked-backup");
    const fs::path outside = scratch("linked-backup-target") / "target.txt";
    write(outside, "not a session");
    SessionStore store(dir);
    REQUIRE(store.save(sample("s", 1)));
    fs::create_symlink(outside, dir / "s.json.bak");
    auto saved = store.save(sample("s", 2));
    REQUIRE_FALSE(saved);
    CHECK(contains(saved.error(), "s.json.bak"));
    CHECK(contains(saved.error(), "symbolic link"));
    CHECK(contains(saved.error(), "previous version on disk is unchanged"));
    CHECK(slurp(outside) == "not a session");
    CHECK(store.load("s")->clientLabel == "v1");
}

TEST_CASE("attack: session files are 0600 and the folder 0700, even a folder opened up by someone") {
    const fs::path dir = scratch("perms") / "sessions";
    const mode_t old = ::umask(0);
    SessionStore store(dir);
    REQUIRE(store.save(sample("p", 1)));
    REQUIRE(store.save(sample("p", 2)));
    CHECK((modeOf(dir) & 0777) == 0700);
    for (const char* name : {"p.json", "p.json.bak"}) CHECK((modeOf(dir / name) & 0777) == 0600);
    ::chmod(dir.c_str(), 0777);
    REQUIRE(store.save(sample("p", 3)));
    ::umask(old);
    CHECK((modeOf(dir) & 0777) == 0700);
    for (const char* name : {"p.json", "p.json.bak", "p.json.bak2"}) CHECK((modeOf(dir / name) & 0777) == 0600);
}

// 7. The open Sessions window re-read and re-parsed every session file 5-8 times a second.
TEST_CASE("attack: the Sessions window's list is read again only when the folder changes") {
    const fs::path dir = scratch("cache");
    SessionStore store(dir);
    for (int i = 0; i < 5; ++i) REQUIRE(store.save(sample("s" + std::to_string(i), 1)));
    SessionListCache cache(5.0);
    double t = 0.0;
    for (int frame = 0; frame < 300; ++frame, t += 1.0 / 60.0) REQUIRE(cache.rows(store, t));
    CHECK(cache.refreshes() == 1);  // 300 frames, one listing
    REQUIRE(cache.rows(store, t)->size() == 5);
    // Another window saves a new session: the folder changed, the next frame lists it.
    SessionStore other(dir);
    REQUIRE(other.save(sample("s9", 1)));
    CHECK(cache.rows(store, t)->size() == 6);
    CHECK(cache.refreshes() == 2);
    // A change that does not touch the folder (a file rewritten in place) is seen within maxAge.
    write(dir / "s0.json", "{ torn");
    CHECK(cache.rows(store, t + 1.0)->front().kind == SessionInfo::Kind::Session);
    const auto& later = cache.rows(store, t + 5.0);
    REQUIRE(later);
    CHECK(later->at(5).kind == SessionInfo::Kind::Corrupt);
    CHECK(cache.refreshes() == 3);
    cache.invalidate();
    (void)cache.rows(store, t + 5.0);
    CHECK(cache.refreshes() == 4);
}

// 5. A 200 KB kiosk config was "0 MiB, larger than the 0 MiB limit"; a 1.55 MiB script "1 MiB,
//    larger than the 1 MiB limit".
TEST_CASE("attack: sizes in messages read right") {
    CHECK(files::formatSize(0) == "0 bytes");
    CHECK(files::formatSize(1) == "1 byte");
    CHECK(files::formatSize(1023) == "1023 bytes");
    CHECK(files::formatSize(200 * 1024) == "200 KiB");
    CHECK(files::formatSize(64 * 1024) == "64 KiB");
    CHECK(files::formatSize(1'630'000) == "1.6 MiB");
    CHECK(files::formatSize(1u << 20) == "1 MiB");
    CHECK(files::formatSize(3ull << 30) == "3 GiB");
    CHECK(files::formatSize(1536) == "1.5 KiB");

    const fs::path dir = scratch("sizes");
    write(dir / "kiosk.json", "{}" + std::string(200 * 1024, ' '));
    const auto kiosk = loadKioskConfig(dir / "kiosk.json");
    REQUIRE(kiosk.problems.size() == 1);
    CHECK(contains(kiosk.problems[0], "file is 200 KiB, larger than the 64 KiB limit"));

    write(dir / "big.txt", std::string(1'630'000, '#'));  // 1.55 MiB
    auto script = app::loadScript(dir / "big.txt");
    REQUIRE_FALSE(script);
    CHECK(contains(script.error(), "file is 1.6 MiB, larger than the 1 MiB limit"));
    // Just over: the rounded figures would read the same, so the bytes are given.
    write(dir / "just.txt", std::string((1u << 20) + 10, '#'));
    auto just = app::loadScript(dir / "just.txt");
    REQUIRE_FALSE(just);
    CHECK(contains(just.error(), "file is 1048586 bytes, larger than the 1048576-byte (1 MiB) limit"));
}
