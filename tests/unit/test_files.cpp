#include "core/files.h"
#include "core/image.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace myomap;

namespace {
fs::path scratch(const char* name) {
    const fs::path dir = fs::temp_directory_path() / "myomap-test-files" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
}  // namespace

TEST_CASE("resolveInside keeps paths inside the folder") {
    const fs::path dir = scratch("inside");
    fs::create_directories(dir / "textures");
    CHECK(files::resolveInside(dir, "textures/skin.png"));
    CHECK(files::resolveInside(dir, "a/../b.bin"));
    auto up = files::resolveInside(dir, "../../etc/passwd");
    REQUIRE_FALSE(up);
    CHECK(up.error().find("outside") != std::string::npos);
    auto absolute = files::resolveInside(dir, "/etc/passwd");
    REQUIRE_FALSE(absolute);
    CHECK(absolute.error().find("absolute") != std::string::npos);
    // A sibling whose name starts with the folder's name is still outside.
    CHECK_FALSE(files::resolveInside(dir, "../" + dir.filename().string() + "x/f.bin"));
    // A symbolic link pointing out of the folder is outside too.
    fs::create_symlink("/etc", dir / "escape");
    CHECK_FALSE(files::resolveInside(dir, "escape/passwd"));
}

TEST_CASE("readBytes reports missing files, folders and files over the limit") {
    const fs::path dir = scratch("read");
    auto missing = files::readBytes(dir / "nope.bin");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().find("nope.bin") != std::string::npos);
    CHECK_FALSE(files::readBytes(dir));
    std::ofstream(dir / "ten.bin") << "0123456789";
    CHECK(files::readBytes(dir / "ten.bin")->size() == 10);
    auto big = files::readBytes(dir / "ten.bin", 5);
    REQUIRE_FALSE(big);
    CHECK(big.error().find("limit") != std::string::npos);
}

TEST_CASE("writeAtomically replaces the file and leaves no temporary behind") {
    const fs::path dir = scratch("atomic");
    const fs::path file = dir / "session.json";
    REQUIRE(files::writeAtomically(file, "first", 5));
    REQUIRE(files::writeAtomically(file, "second", 6));
    CHECK(*files::readText(file) == "second");
    CHECK_FALSE(fs::exists(file.string() + ".tmp"));
    auto blocked = files::writeAtomically(dir / "no-such-folder" / "x.json", "x", 1);
    REQUIRE_FALSE(blocked);
    CHECK(blocked.error().find("no-such-folder") != std::string::npos);
}

TEST_CASE("PNG round trip") {
    const fs::path dir = scratch("png");
    ImageRgba image{3, 2, {}};
    for (int i = 0; i < 6; ++i) image.pixels.insert(image.pixels.end(), {std::uint8_t(i * 40), 7, 200, 255});
    REQUIRE(writePng(dir / "a.png", image));
    auto back = readPng(dir / "a.png");
    REQUIRE(back);
    CHECK(back->width == 3);
    CHECK(back->height == 2);
    CHECK(back->pixels == image.pixels);
    std::ofstream(dir / "bad.png") << "not a png";
    auto bad = readPng(dir / "bad.png");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("bad.png") != std::string::npos);
}
