// The client handout PDF: checked the way a reader sees it, through poppler's pdftoppm (pages
// render) and pdftotext (the text is real, selectable text). The poppler checks are skipped
// with a message when poppler-utils is not installed.
#include "anatomy/atlas.h"
#include "core/files.h"
#include "core/image.h"
#include "core/paths.h"
#include "handout/handout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace myomap;
using handout::Handout;
using handout::HandoutMuscle;

namespace {

fs::path scratch(const char* name) {
    const fs::path dir = fs::temp_directory_path() / "myomap-test-handout" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

bool haveTool(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

bool havePoppler() {
    if (haveTool("pdftoppm") && haveTool("pdftotext")) return true;
    MESSAGE("MYOMAP_SKIP: pdftoppm/pdftotext not found (apt-get install poppler-utils); PDF not checked by a reader");
    return false;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// pdftoppm -r 50 -png: the page images, in page order.
std::vector<fs::path> renderPages(const fs::path& pdf) {
    const fs::path prefix = pdf.parent_path() / (pdf.stem().string() + "-page");
    const int status = std::system(("pdftoppm -r 50 -png " + quoted(pdf) + " " + quoted(prefix)).c_str());
    CHECK(status == 0);
    std::vector<fs::path> pages;
    for (const auto& entry : fs::directory_iterator(pdf.parent_path())) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix.filename().string()) && entry.path().extension() == ".png") pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    return pages;
}

std::string pdfText(const fs::path& pdf) {
    const fs::path txt = pdf.parent_path() / (pdf.stem().string() + ".txt");
    CHECK(std::system(("pdftotext -enc UTF-8 " + quoted(pdf) + " " + quoted(txt)).c_str()) == 0);
    auto text = files::readText(txt);
    REQUIRE(text);
    return *text;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// pdftotext may drop the narrow spaces of "1 / 2".
bool hasPageNumber(std::string text, const std::string& number) {
    std::erase(text, ' ');
    return contains(text, number);
}

// A page that shows something: enough pixels away from white, in more than one colour.
void checkNotBlank(const ImageRgba& image) {
    std::size_t ink = 0, coloured = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const auto* p = image.at(x, y);
            if (p[0] + p[1] + p[2] < 3 * 235) ++ink;
            if (std::abs(p[0] - p[2]) > 40) ++coloured;
        }
    }
    const std::size_t total = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    CHECK(ink > total / 50);
    CHECK(coloured > total / 200);
}

void checkA4(const ImageRgba& image) {
    REQUIRE(image.width > 0);
    CHECK(static_cast<double>(image.height) / image.width == doctest::Approx(297.0 / 210.0).epsilon(0.02));
}

// A vertical gradient with a dark band, like a figure on a light background.
ImageRgba gradient(int width, int height, std::uint8_t tint) {
    ImageRgba image{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4)};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            auto* p = image.pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
            const bool band = std::abs(x - width / 2) < width / 8;
            p[0] = band ? 200 : static_cast<std::uint8_t>(255 * y / height);
            p[1] = band ? 40 : tint;
            p[2] = band ? 30 : static_cast<std::uint8_t>(255 - 255 * x / width);
            p[3] = 255;
        }
    }
    return image;
}

HandoutMuscle muscle(const std::string& name, const std::string& latin, std::uint8_t tint) {
    HandoutMuscle m;
    m.name = name;
    m.latin = latin;
    m.picture = gradient(300, 400, tint);
    m.whereItHurts = "An ache up the side of the neck to the temple and behind the eye, sometimes "
                     "to the angle of the jaw. It often feels like a tension headache.";
    m.whyItHappens = "Long hours at a desk with the shoulders raised, carrying a bag on one shoulder, "
                     "holding a phone between ear and shoulder, stress and shallow breathing.";
    m.selfCare = {"Press the tender spot between thumb and fingers for 30\u201390 s until it eases.",
                  "Warm the area for 10 minutes, then stretch: ear towards the opposite shoulder.",
                  "Set your screen at eye height and take a break every half hour."};
    m.cautions = {"Stop if you feel tingling or numbness down the arm.",
                  "Do not press hard over the front of the neck."};
    return m;
}

// The disclaimer every handout carries: the atlas content's (assets/atlas).
const std::string& contentDisclaimer() {
    static const anatomy::Atlas atlas = [] {
        anatomy::LoadOptions options;
        options.logProblems = false;
        return anatomy::loadAtlas(paths::assetsDir() / "atlas", options);
    }();
    return atlas.disclaimer();
}

Handout sample(std::size_t muscles) {
    Handout h;
    h.disclaimer = contentDisclaimer();
    h.clinicName = "Caf\u00e9 Muscle Clinic";
    h.date = "12 March 2025";
    h.clientLabel = "Client: J. S.";
    h.painAreas = {"Temple, right side - 6/10", "Back of the neck, right side - 4/10"};
    h.painPicture = gradient(200, 300, 90);
    const char* names[] = {"Upper trapezius (right)", "Sternocleidomastoid \u2013 clavicular head",
                           "Levator scapulae (right)", "Splenius capitis (right)",
                           "Suboccipitals (right)", "Temporalis (right)"};
    for (std::size_t i = 0; i < muscles; ++i) {
        h.muscles.push_back(muscle(names[i % 6], "Musculus trapezius, pars descendens", static_cast<std::uint8_t>(40 * i)));
    }
    h.notes = "Try the stretch twice a day for the next two weeks. Next visit in 10 days.";
    return h;
}

}  // namespace

TEST_CASE("handout PDF: two muscles render on A4 and read back as text") {
    const fs::path dir = scratch("two");
    const fs::path pdf = dir / "handout.pdf";
    auto written = handout::writeHandoutPdf(sample(2), pdf);
    REQUIRE_MESSAGE(written, (written ? "" : written.error()));
    auto bytes = files::readText(pdf);
    REQUIRE(bytes);
    CHECK(bytes->starts_with("%PDF-"));
    CHECK_FALSE(fs::exists(dir / "handout.pdf.tmp"));
    if (!havePoppler()) return;

    const auto pages = renderPages(pdf);
    REQUIRE(!pages.empty());
    CHECK(pages.size() <= 2);
    auto first = readPng(pages.front());
    REQUIRE(first);
    checkA4(*first);
    checkNotBlank(*first);

    const std::string text = pdfText(pdf);
    CHECK(contains(text, "Caf\u00e9 Muscle Clinic"));
    CHECK(contains(text, "Upper trapezius (right)"));
    CHECK(contains(text, "Sternocleidomastoid \u2013 clavicular head"));
    CHECK(contains(text, "Press the tender spot"));
    CHECK(contains(text, "Temple, right side - 6/10"));
    CHECK(contains(text, "not a diagnosis"));
    CHECK(hasPageNumber(text, "1/"));
}

TEST_CASE("handout PDF: six muscles stay within two pages and say how many were left out") {
    const fs::path dir = scratch("six");
    const fs::path pdf = dir / "six.pdf";
    auto written = handout::writeHandoutPdf(sample(6), pdf);
    REQUIRE_MESSAGE(written, (written ? "" : written.error()));
    if (!havePoppler()) return;
    const auto pages = renderPages(pdf);
    CHECK(pages.size() == 2);
    const std::string text = pdfText(pdf);
    CHECK(contains(text, "Upper trapezius (right)"));
    CHECK(contains(text, "more muscles: ask your therapist"));
    CHECK(hasPageNumber(text, "2/2"));
    CHECK(contains(text, "Next visit in 10 days"));
}

TEST_CASE("handout PDF: an empty handout is still a valid one-page PDF") {
    const fs::path dir = scratch("empty");
    const fs::path pdf = dir / "empty.pdf";
    REQUIRE(handout::writeHandoutPdf(Handout{}, pdf));
    if (!havePoppler()) return;
    const auto pages = renderPages(pdf);
    CHECK(pages.size() == 1);
    const std::string text = pdfText(pdf);
    CHECK(contains(text, "Your trigger point self-care"));
    CHECK(hasPageNumber(text, "1/1"));
}

TEST_CASE("handout PDF: extreme content is cut to two pages, never overflowing or failing") {
    Handout h = sample(0);
    h.clinicName = std::string(400, 'W');
    h.notes.clear();
    for (int i = 0; i < 40; ++i) {
        HandoutMuscle m = muscle("Muscle " + std::to_string(i), "Latin \xff\xfe invalid UTF-8", 10);
        m.whereItHurts = std::string(5000, 'x');
        m.selfCare.assign(30, std::string(600, 'y') + " step");
        m.cautions.assign(20, "careful");
        if (i % 3 == 0) m.picture.pixels.resize(7);                       // malformed: skipped
        if (i % 3 == 1) m.picture = gradient(2000, 40, 200);              // very wide
        h.muscles.push_back(std::move(m));
    }
    h.painAreas.assign(50, "Everywhere - 10/10");
    h.notes = std::string(20000, 'n');
    const fs::path pdf = scratch("extreme") / "extreme.pdf";
    auto written = handout::writeHandoutPdf(h, pdf);
    REQUIRE_MESSAGE(written, (written ? "" : written.error()));
    if (!havePoppler()) return;
    const auto pages = renderPages(pdf);
    CHECK(!pages.empty());
    CHECK(pages.size() <= 2);
    CHECK(contains(pdfText(pdf), "ask your therapist"));
}

TEST_CASE("handout: an unwritable destination is an error that names it") {
    const fs::path dir = scratch("unwritable");
    const fs::path missing = dir / "no-such-folder" / "handout.pdf";
    auto result = handout::writeHandoutPdf(sample(1), missing);
    REQUIRE_FALSE(result);
    CHECK(contains(result.error(), missing.string()));
    CHECK(contains(result.error(), "does not exist"));

    // A file where the folder should be (fails for root too, unlike a read-only folder).
    std::ofstream(dir / "file") << "x";
    const fs::path underFile = dir / "file" / "handout.png";
    auto png = handout::writeHandoutPng(sample(1), underFile);
    REQUIRE_FALSE(png);
    CHECK(contains(png.error(), underFile.string()));
    CHECK(contains(png.error(), "not a folder"));

    auto folder = handout::writeHandoutPdf(sample(1), dir);
    REQUIRE_FALSE(folder);
    CHECK(contains(folder.error(), dir.string()));
}

TEST_CASE("handout PNG: the first page at the asked width, readable by readPng") {
    const fs::path png = scratch("png") / "handout.png";
    auto written = handout::writeHandoutPng(sample(2), png, 620);
    REQUIRE_MESSAGE(written, (written ? "" : written.error()));
    auto image = readPng(png);
    REQUIRE(image);
    CHECK(image->width == 620);
    checkA4(*image);
    checkNotBlank(*image);
    CHECK_FALSE(handout::writeHandoutPng(sample(2), png, 10));
}

TEST_CASE("handout: its disclaimer is the atlas's one text, and names the red flags") {
    const std::string& text = contentDisclaimer();
    for (const char* words : {"not a diagnosis", "numbness", "tingling", "weakness", "chest pain", "fever"}) {
        CAPTURE(words);
        CHECK(contains(text, words));
    }
}
