#include "anatomy/atlas.h"

#include "anatomy/content_parsers.h"
#include "core/log.h"

#include <algorithm>
#include <set>

namespace myomap::anatomy {
namespace fs = std::filesystem;

std::string_view toString(Layer layer) { return kLayers[static_cast<std::size_t>(layer)]; }
std::string_view toString(Direction direction) { return kDirections[static_cast<std::size_t>(direction)]; }
std::string_view toString(ZoneKind kind) { return kind == ZoneKind::Essential ? "essential" : "spillover"; }
std::string_view toString(ZoneSide side) {
    switch (side) {
        case ZoneSide::Same: return "same";
        case ZoneSide::Opposite: return "opposite";
        case ZoneSide::Both: return "both";
        case ZoneSide::Midline: return "midline";
    }
    return "same";
}

std::string Problem::text() const {
    std::string out = file.string();
    if (!jsonPath.empty()) out += ": " + jsonPath;
    out += ": " + message;
    if (!skipped.empty()) out += " (skipped: " + skipped + ")";
    return out;
}

const Muscle* Atlas::findMuscle(std::string_view id) const {
    const auto it = std::lower_bound(muscles.begin(), muscles.end(), id,
                                     [](const Muscle& m, std::string_view key) { return m.id < key; });
    return it != muscles.end() && it->id == id ? &*it : nullptr;
}

const TriggerPoint* Atlas::findTriggerPoint(std::string_view id) const {
    const auto dot = id.find('.');
    const Muscle* muscle = dot == std::string_view::npos ? nullptr : findMuscle(id.substr(0, dot));
    if (!muscle) return nullptr;
    for (const TriggerPoint& tp : muscle->triggerPoints) {
        if (tp.id == id) return &tp;
    }
    return nullptr;
}

const Page* Atlas::findPage(std::string_view id) const {
    for (const Page& page : pages) {
        if (page.id == id) return &page;
    }
    return nullptr;
}

const std::string& Atlas::disclaimer() const {
    static const std::string kNone;
    for (const Page& page : pages) {
        if (!page.notice.empty()) return page.notice;
    }
    return kNone;
}

const PainGuide* Atlas::painGuideFor(std::string_view region) const {
    if (region.ends_with(".L") || region.ends_with(".R")) region.remove_suffix(2);
    for (const PainGuide& guide : painGuides) {
        if (guide.region == region) return &guide;
    }
    return nullptr;
}

std::vector<const RegionWarning*> Atlas::warningsFor(std::string_view region) const {
    const bool sided = region.ends_with(".L") || region.ends_with(".R");
    const std::string_view bare = sided ? region.substr(0, region.size() - 2) : region;
    const auto matches = [&](std::string_view named) {
        if (named == region || named == bare) return true;
        // A sideless question ("medial_arm": either side) meets the sided warnings too.
        return !sided && named.size() == bare.size() + 2 && named.starts_with(bare) && named[bare.size()] == '.';
    };
    std::vector<const RegionWarning*> out;
    for (const Page& page : pages) {
        for (const RegionWarning& warning : page.regionWarnings) {
            if (std::any_of(warning.regions.begin(), warning.regions.end(), matches)) out.push_back(&warning);
        }
    }
    return out;
}

const Source* Atlas::findSource(std::string_view key) const {
    const auto it = sources.find(std::string(key));
    return it == sources.end() ? nullptr : &it->second;
}

std::vector<const TriggerPoint*> Atlas::allTriggerPoints() const {
    std::vector<const TriggerPoint*> out;
    for (const Muscle& m : muscles) {
        for (const TriggerPoint& tp : m.triggerPoints) out.push_back(&tp);
    }
    return out;
}

std::vector<const Muscle*> Atlas::musclesInRegion(std::string_view region) const {
    std::vector<const Muscle*> out;
    for (const Muscle& m : muscles) {
        if (m.region == region) out.push_back(&m);
    }
    return out;
}

std::size_t Atlas::errorCount() const {
    return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                  [](const Problem& p) { return p.severity == Severity::Error; }));
}

namespace {

using detail::Checker;
using detail::Json;

std::vector<fs::path> jsonFilesIn(const fs::path& folder) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

Landmarks landmarksFor(const fs::path& atlasDir, const LoadOptions& options, std::vector<Problem>& problems) {
    const bool explicitTable = !options.landmarksCsv.empty();
    const fs::path csv = explicitTable ? options.landmarksCsv : atlasDir.parent_path() / "body" / "landmarks.csv";
    std::error_code ec;
    if (!explicitTable && !fs::exists(csv, ec)) return documentedLandmarks();
    auto table = readLandmarksCsv(csv);
    if (table) return std::move(*table);
    problems.push_back(
        {csv, "", table.error() + "; using the landmark list of docs/CONTENT.md instead", Severity::Warning, {}});
    return documentedLandmarks();
}

// A file parsed into an entry, waiting for the checks that need all files (duplicates).
template <typename Entry>
struct Candidate {
    Entry entry;
    fs::path file;
    bool nameMatchesId;
};

// Keeps one entry per id: the one in the file named after it if any, else the first in file
// order; the others are reported and left out.
template <typename Entry>
std::vector<Entry> withoutDuplicates(std::vector<Candidate<Entry>> candidates, const char* what,
                                     std::vector<Problem>& problems) {
    std::vector<Entry> out;
    std::vector<bool> taken(candidates.size(), false);
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        if (taken[i]) continue;
        std::size_t keeper = i;
        for (std::size_t j = i; j < candidates.size(); ++j) {
            if (candidates[j].entry.id != candidates[i].entry.id) continue;
            taken[j] = true;
            if (!candidates[keeper].nameMatchesId && candidates[j].nameMatchesId) keeper = j;
        }
        for (std::size_t j = i; j < candidates.size(); ++j) {
            if (j == keeper || candidates[j].entry.id != candidates[i].entry.id) continue;
            problems.push_back({candidates[j].file, "/id",
                                std::string("duplicate ") + what + " id '" + candidates[j].entry.id +
                                    "': " + candidates[keeper].file.string() + " already defines it",
                                Severity::Error, std::string(what) + " file"});
        }
        out.push_back(std::move(candidates[keeper].entry));
    }
    return out;
}

template <typename Entry, typename Parse>
std::vector<Candidate<Entry>> parseFolder(const fs::path& folder, const char* what, Parse parse,
                                          std::vector<Problem>& problems) {
    std::vector<Candidate<Entry>> out;
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        problems.push_back({folder, "", "folder not found", Severity::Error, std::string("every ") + what});
        return out;
    }
    for (const fs::path& file : jsonFilesIn(folder)) {
        Checker checker(file, problems);
        const std::size_t start = checker.mark();
        auto json = detail::readJsonFile(checker);
        if (!json) {
            checker.setSkipped(start, std::string(what) + " file");
            continue;
        }
        std::optional<Entry> entry = parse(*json, checker);
        if (!entry) continue;
        const bool matches = file.stem().string() == entry->id;
        if (!matches) {
            checker.warning(
                "/id", "the file name does not match the id '" + entry->id + "' (expected " + entry->id + ".json)");
        }
        out.push_back({std::move(*entry), file, matches});
    }
    return out;
}

// Every pressure caution of every page joins the cautions of each muscle whose treatment uses
// one of its techniques, once, after the muscle's own.
void addPressureCautions(Atlas& atlas) {
    for (const Page& page : atlas.pages) {
        for (const PressureCaution& caution : page.pressureCautions) {
            for (Muscle& muscle : atlas.muscles) {
                const auto uses = [&](const Technique& t) {
                    return std::find(caution.techniques.begin(), caution.techniques.end(), t.technique) !=
                           caution.techniques.end();
                };
                const bool pressed = std::any_of(muscle.therapistTreatment.begin(), muscle.therapistTreatment.end(), uses) ||
                                     std::any_of(muscle.selfCare.begin(), muscle.selfCare.end(), uses);
                const bool already =
                    std::find(muscle.cautions.begin(), muscle.cautions.end(), caution.text) != muscle.cautions.end();
                if (pressed && !already) muscle.cautions.push_back(caution.text);
            }
        }
    }
}

void logProblems(const std::vector<Problem>& problems) {
    for (const Problem& p : problems) {
        if (p.severity == Severity::Error)
            log::error("atlas: " + p.text());
        else
            log::warning("atlas: " + p.text());
    }
}

}  // namespace

Atlas loadAtlas(const fs::path& atlasDir, const LoadOptions& options) {
    Atlas atlas;
    // "assets/atlas/" has an empty file name; its parent must be "assets", not "assets/atlas".
    atlas.folder = atlasDir.has_filename() ? atlasDir : atlasDir.parent_path();
    std::vector<Problem>& problems = atlas.problems;
    std::error_code ec;
    if (!fs::is_directory(atlas.folder, ec)) {
        problems.push_back({atlas.folder, "", "atlas folder not found", Severity::Error, "all content"});
        if (options.logProblems) logProblems(problems);
        return atlas;
    }

    const Landmarks landmarks = landmarksFor(atlas.folder, options, problems);
    detail::ParseContext context;
    context.landmarks = &landmarks;

    Checker sourcesChecker(atlas.folder / "sources.json", problems);
    if (auto json = detail::readJsonFile(sourcesChecker)) {
        atlas.sources = detail::parseSources(*json, sourcesChecker);
        if (json->is_object()) context.sources = &atlas.sources;
    }

    auto muscles = parseFolder<Muscle>(
        atlas.folder / "muscles", "muscle",
        [&](const Json& json, Checker& checker) { return detail::parseMuscle(json, context, checker); }, problems);
    atlas.muscles = withoutDuplicates(std::move(muscles), "muscle", problems);
    std::sort(atlas.muscles.begin(), atlas.muscles.end(), [](const Muscle& a, const Muscle& b) { return a.id < b.id; });

    if (fs::is_directory(atlas.folder / "muscles", ec)) {
        std::set<std::string_view> present;
        for (const Muscle& m : atlas.muscles) present.insert(m.id);
        for (std::string_view id : kMuscleIds) {
            if (present.count(id)) continue;
            problems.push_back(
                {atlas.folder / "muscles",
                 "",
                 "no content for the figure's muscle '" + std::string(id) + "' (expected " + std::string(id) + ".json)",
                 Severity::Warning,
                 {}});
        }
    }

    auto pages = parseFolder<Page>(
        atlas.folder / "pages", "page",
        [&](const Json& json, Checker& checker) { return detail::parsePage(json, context, checker); }, problems);
    atlas.pages = withoutDuplicates(std::move(pages), "page", problems);
    std::sort(atlas.pages.begin(), atlas.pages.end(),
              [](const Page& a, const Page& b) { return a.order != b.order ? a.order < b.order : a.id < b.id; });
    addPressureCautions(atlas);

    // Optional: without it the pain finder ranks by coverage alone.
    if (fs::exists(atlas.folder / "pain_guides.json", ec)) {
        Checker guidesChecker(atlas.folder / "pain_guides.json", problems);
        if (auto json = detail::readJsonFile(guidesChecker)) {
            atlas.painGuides = detail::parsePainGuides(*json, context, guidesChecker);
        }
    }

    if (options.logProblems) logProblems(problems);
    return atlas;
}

}  // namespace myomap::anatomy
