// The atlas content (assets/atlas/, docs/CONTENT.md) as plain structs, and the loader that
// validates it: every problem names the file, the JSON path and what is wrong, and the invalid
// entry is skipped while the rest still loads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myomap::anatomy {

// The same text at two reading levels: plain language for a client, anatomical for a student.
struct Levels {
    std::string client;
    std::string student;
};

enum class Layer { Superficial, Intermediate, Deep };
enum class Direction { Superior, Inferior, Medial, Lateral, Anterior, Posterior };
enum class ZoneKind { Essential, Spillover };
// Relative to the trigger point's side; Midline for regions and landmarks that have no side.
enum class ZoneSide { Same, Opposite, Both, Midline };

std::string_view toString(Layer layer);
std::string_view toString(Direction direction);
std::string_view toString(ZoneKind kind);
std::string_view toString(ZoneSide side);

// Part of a referral pattern: a whole body region, or a disc around a bony landmark.
struct ReferralZone {
    std::string region;     // a body region id (regions.h), empty for a landmark zone
    std::string landmark;   // a landmark id, empty for a region zone
    double radiusCm = 0.0;  // landmark zones only, 1-15
    ZoneKind kind = ZoneKind::Essential;
    ZoneSide side = ZoneSide::Same;
};

struct TriggerPoint {
    std::string id;  // `<muscle>.tp<N>`
    std::string muscleId;
    std::string name;
    double u = 0.0;  // along the fibres: 0 at the origin, 1 at the insertion
    double v = 0.0;  // across: 0 at the muscle's v_axis.from border, 1 at v_axis.to
    std::string palpation;
    Levels referral;
    std::vector<ReferralZone> zones;
};

struct Technique {
    std::string technique;  // one of vocabulary.h's technique ids
    std::string how;
};

// An entry of sources.json.
struct Source {
    std::string key;
    std::string authors;
    std::string title;
    std::string edition;
    std::string publisher;
    std::string journal;
    int year = 0;
};

// A reference from an entry to sources.json, with the source itself resolved.
struct Citation {
    std::string ref;
    std::string chapter;
    std::string pages;
    Source source;
};

struct MuscleNames {
    std::string common;
    std::string latin;
    std::vector<std::string> also;  // other names people search for
};

struct Muscle {
    std::string id;
    MuscleNames names;
    std::string region;  // vocabulary.h kMuscleRegions
    Layer layer = Layer::Superficial;
    std::string origin;
    std::string insertion;
    std::string action;
    std::string innervation;
    Direction vFrom = Direction::Anterior;
    Direction vTo = Direction::Posterior;
    std::vector<std::string> related;
    Levels summary;
    std::vector<TriggerPoint> triggerPoints;
    Levels symptoms;
    std::vector<std::string> causes;
    std::vector<Technique> therapistTreatment;
    std::vector<Technique> selfCare;
    std::vector<std::string> cautions;
    std::vector<Citation> sources;
    std::string sourceNotes;  // optional
};

struct Table {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;  // each as long as columns
};

struct PageSection {
    std::string heading;
    std::string client;  // empty when the section is only a table
    std::string student;
    std::optional<Table> table;
};

// A short, calm warning that goes with pain in some regions (red_flags.json's
// `region_warnings`): the calf and a blood clot, the low back and the nerves of the bladder.
struct RegionWarning {
    std::string id;
    // Body region ids: sideless ("calf": either side) or sided ("medial_arm.L": that side only).
    std::vector<std::string> regions;
    Levels text;
    std::string pageId;  // the page that holds it, where the whole story is
};

// A caution that belongs to every muscle treated with pressure (a page's `pressure_cautions`):
// the loader adds `text` to the cautions of each muscle whose treatment uses one of `techniques`.
struct PressureCaution {
    std::string id;
    std::vector<std::string> techniques;  // therapist and self-care technique ids
    std::string text;
    std::string pageId;
};

struct Page {
    std::string id;
    std::string title;
    int order = 0;
    // A one-line notice the app shows wherever it speaks of pain (the muscle panel, the
    // handout, query, the kiosk); the atlas's disclaimer is the first page's that has one.
    std::string notice;
    std::vector<PageSection> sections;
    std::vector<Citation> sources;
    std::vector<RegionWarning> regionWarnings;     // optional
    std::vector<PressureCaution> pressureCautions;  // optional
    // The muscles the page's text names (optional): atlas ids, so a test can hold the text to
    // muscles a visitor can tap (common_locations.json).
    std::vector<std::string> muscles;
};

// The muscles that the trigger point manuals' pain guides name for one body region, in the
// guide's order (most often responsible first): pain_guides.json.
struct PainGuide {
    std::string region;  // a sideless body region id
    std::string area;    // the guide's own name for the area ("Temporal headache")
    std::vector<std::string> muscles;
    std::vector<Citation> sources;
};

enum class Severity {
    Error,    // the entry named by `skipped` was left out
    Warning,  // everything still loaded (an unknown field, a missing muscle file)
};

struct Problem {
    std::filesystem::path file;
    std::string jsonPath;  // a JSON pointer such as `/trigger_points/1/u`; empty for the whole file
    std::string message;
    Severity severity = Severity::Error;
    std::string skipped;  // what was left out: "muscle file", "trigger point upper_trapezius.tp2", ...

    // One line for a person: file: path: message (skipped: ...).
    std::string text() const;
};

// The loaded content. Pointers returned by the lookups point into this object and stay valid
// as long as it is neither destroyed nor modified.
struct Atlas {
    std::filesystem::path folder;
    std::vector<Muscle> muscles;            // sorted by id
    std::vector<Page> pages;                // sorted by order, then id
    std::map<std::string, Source> sources;  // by key
    std::vector<PainGuide> painGuides;      // by region, in file order
    std::vector<Problem> problems;          // in the order found

    const Muscle* findMuscle(std::string_view id) const;
    const TriggerPoint* findTriggerPoint(std::string_view id) const;
    const Page* findPage(std::string_view id) const;
    const Source* findSource(std::string_view key) const;
    // The disclaimer: the first page's notice (red_flags.json has it); "" when no page has one.
    const std::string& disclaimer() const;
    // The pain guide for a region ("temple"; a sided id "temple.L" finds the same), or nullptr.
    const PainGuide* painGuideFor(std::string_view region) const;
    // The warnings that go with pain in `region`: a sided id ("calf.L") gets those for that
    // side and for the region as a whole; a sideless one ("calf") those for either side.
    std::vector<const RegionWarning*> warningsFor(std::string_view region) const;
    std::vector<const TriggerPoint*> allTriggerPoints() const;
    // The muscles whose `region` (head, neck, ... leg) is `region`.
    std::vector<const Muscle*> musclesInRegion(std::string_view region) const;
    std::size_t errorCount() const;
};

struct LoadOptions {
    // Log each problem via core/log.h as well as collecting it; the CLI reports them itself.
    bool logProblems = true;
    // The landmark table zones are checked against; empty means `<atlas>/../body/landmarks.csv`,
    // and when that is missing the list in docs/CONTENT.md.
    std::filesystem::path landmarksCsv;
};

// Loads sources.json, then muscles/*.json and pages/*.json in file-name order, then
// pain_guides.json (optional). Never fails as a whole: a missing folder or file is a Problem like
// any other. The pages' pressure cautions are added to the cautions of the muscles they concern.
//
// What a problem skips: anything wrong inside `trigger_points[i]` (its zones included) leaves
// out that trigger point only; anything else wrong in a muscle file leaves out the whole
// muscle; anything wrong in a page leaves out the page; a bad sources.json entry leaves out
// that source. Unknown fields are warnings and skip nothing.
Atlas loadAtlas(const std::filesystem::path& atlasDir, const LoadOptions& options = {});

}  // namespace myomap::anatomy
