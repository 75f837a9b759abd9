#include "tools/query.h"

#include "tools/pain_query.h"

#include "anatomy/atlas.h"
#include "anatomy/atlas_json.h"
#include "anatomy/regions.h"
#include "anatomy/search.h"
#include "anatomy/vocabulary.h"
#include "core/numbers.h"
#include "core/paths.h"
#include "core/result.h"
#include "core/suggestions.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

namespace myomap::app {
namespace {

namespace an = anatomy;
using Json = nlohmann::ordered_json;

enum class Command { None, ListMuscles, ListRegions, Muscle, Problems, Pain, At };

struct QueryOptions {
    Command command = Command::None;
    std::string argument;  // the muscle id, region or point
    bool help = false;
    bool json = false;
    std::size_t top = 10;  // --top, for --pain and --at
    std::filesystem::path atlasDir;
};

struct Streams {
    std::ostream& out;
    std::ostream& err;
    bool json;
};

// Reports a failure: plain text on stderr, and with --json an object on stdout too, so a
// script reading stdout always gets JSON.
int failure(const Streams& s, int code, const std::string& message, const std::vector<std::string>& suggestions = {}) {
    s.err << "myomap query: " << message << didYouMean(suggestions) << "\n";
    if (s.json) s.out << Json{{"error", message}, {"did_you_mean", suggestions}}.dump(2) << "\n";
    return code;
}

Result<QueryOptions> parseArgs(const std::vector<std::string>& args) {
    static const std::map<std::string, Command, std::less<>> kQuestions{{"--list-muscles", Command::ListMuscles},
                                                                        {"--list-regions", Command::ListRegions},
                                                                        {"--problems", Command::Problems},
                                                                        {"--muscle", Command::Muscle},
                                                                        {"--pain", Command::Pain},
                                                                        {"--at", Command::At}};
    QueryOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            o.help = true;
            continue;
        }
        if (arg == "--json") {
            o.json = true;
            continue;
        }
        const bool takesValue =
            arg == "--muscle" || arg == "--pain" || arg == "--at" || arg == "--atlas" || arg == "--top";
        if (takesValue && (i + 1 >= args.size() || args[i + 1].starts_with("--"))) {
            return fail(arg + " needs a value (see myomap query --help)");
        }
        if (arg == "--atlas") {
            o.atlasDir = args[++i];
            continue;
        }
        if (arg == "--top") {
            const std::string& value = args[++i];
            const auto top = parseNumber<std::size_t>(value);
            if (!top || *top == 0) return fail("bad value '" + value + "' for --top: expected a whole number of at least 1");
            o.top = *top;
            continue;
        }
        const auto question = kQuestions.find(arg);
        if (question == kQuestions.end()) return fail("unknown option '" + arg + "' (see myomap query --help)");
        if (o.command != Command::None) return fail("give one question at a time (" + arg + " came after another)");
        o.command = question->second;
        if (takesValue) o.argument = args[++i];
    }
    return o;
}

// Writes `text` in lines of at most `width` columns: the first after `first`, the others
// indented by `indent` spaces.
void wrap(std::ostream& out, std::string_view text, std::string_view first, std::size_t indent,
          std::size_t width = 100) {
    out << first;
    std::size_t column = first.size();
    bool lineEmpty = true;
    std::istringstream words{std::string(text)};
    std::string word;
    while (words >> word) {
        if (!lineEmpty && column + 1 + word.size() > width) {
            out << "\n" << std::string(indent, ' ');
            column = indent;
            lineEmpty = true;
        }
        if (!lineEmpty) {
            out << ' ';
            ++column;
        }
        out << word;
        column += word.size();
        lineEmpty = false;
    }
    out << "\n";
}

std::string spaced(std::string id) {
    for (char& c : id) {
        if (c == '_') c = ' ';
    }
    return id;
}

std::string formatSource(const an::Citation& c) {
    std::string out;
    if (!c.source.key.empty()) {
        const an::Source& s = c.source;
        out = s.authors + ". " + s.title + ".";
        if (!s.edition.empty()) out += " " + s.edition + " ed.";
        if (!s.journal.empty()) out += " " + s.journal + ".";
        if (!s.publisher.empty()) out += " " + s.publisher + ".";
        out += " " + std::to_string(s.year) + ".";
    } else {
        out = c.ref + ".";
    }
    if (!c.chapter.empty()) out += " Chapter: " + c.chapter + ".";
    if (!c.pages.empty()) out += " Pages " + c.pages + ".";
    return out;
}

std::string describeZone(const an::ReferralZone& z) {
    std::ostringstream radius;
    radius << z.radiusCm;
    std::string out = z.region.empty() ? "within " + radius.str() + " cm of " + z.landmark : z.region;
    if (z.side == an::ZoneSide::Opposite) out += " (opposite side)";
    if (z.side == an::ZoneSide::Both) out += " (both sides)";
    return out;
}

void printLevels(std::ostream& out, const std::string& heading, const an::Levels& levels) {
    out << "\n" << heading << "\n";
    wrap(out, levels.client, "  In plain words: ", 4);
    wrap(out, levels.student, "  For students: ", 4);
}

void printList(std::ostream& out, const std::string& heading, const std::vector<std::string>& items) {
    out << "\n" << heading << "\n";
    for (const std::string& item : items) wrap(out, item, "  - ", 4);
}

void printTechniques(std::ostream& out, const std::string& heading, const std::vector<an::Technique>& items) {
    out << "\n" << heading << "\n";
    for (const an::Technique& t : items) wrap(out, spaced(t.technique) + ": " + t.how, "  - ", 4);
}

void printMuscle(std::ostream& out, const an::Muscle& m, const std::string& disclaimer) {
    out << m.names.common << " (" << m.id << ")\n" << m.names.latin << "\n";
    if (!m.names.also.empty()) {
        std::string also;
        for (const std::string& name : m.names.also) also += (also.empty() ? "" : ", ") + name;
        wrap(out, also, "Also called: ", 2);
    }
    out << "Region: " << spaced(m.region) << ". Layer: " << an::toString(m.layer) << ".\n";
    printLevels(out, "Summary", m.summary);
    out << "\nAnatomy\n";
    wrap(out, m.origin, "  Origin: ", 4);
    wrap(out, m.insertion, "  Insertion: ", 4);
    wrap(out, m.action, "  Action: ", 4);
    wrap(out, m.innervation, "  Innervation: ", 4);
    std::string related;
    for (const std::string& id : m.related) related += (related.empty() ? "" : ", ") + id;
    if (!related.empty()) wrap(out, related, "  Often involved with: ", 4);

    out << "\nTrigger points (u runs 0-1 from origin to insertion, v 0-1 from the " << an::toString(m.vFrom)
        << " to the " << an::toString(m.vTo) << " border)\n";
    for (const an::TriggerPoint& tp : m.triggerPoints) {
        wrap(out, tp.name, "  " + tp.id + ": ", 6);
        out << "    Location: u " << tp.u << ", v " << tp.v << "\n";
        wrap(out, tp.palpation, "    How to find it: ", 6);
        wrap(out, tp.referral.client, "    Where it sends pain, in plain words: ", 6);
        wrap(out, tp.referral.student, "    Where it sends pain, for students: ", 6);
        for (an::ZoneKind kind : {an::ZoneKind::Essential, an::ZoneKind::Spillover}) {
            std::string zones;
            for (const an::ReferralZone& z : tp.zones) {
                if (z.kind == kind) zones += (zones.empty() ? "" : ", ") + describeZone(z);
            }
            if (zones.empty()) continue;
            wrap(out, zones, kind == an::ZoneKind::Essential ? "    Essential zones: " : "    Spillover zones: ", 6);
        }
    }
    printLevels(out, "Symptoms", m.symptoms);
    printList(out, "Causes and perpetuating factors", m.causes);
    printTechniques(out, "Treatment by a therapist", m.therapistTreatment);
    printTechniques(out, "Self-care", m.selfCare);
    printList(out, "Cautions", m.cautions);
    out << "\nSources\n";
    for (std::size_t i = 0; i < m.sources.size(); ++i) {
        wrap(out, formatSource(m.sources[i]), "  [" + std::to_string(i + 1) + "] ", 6);
    }
    if (!m.sourceNotes.empty()) wrap(out, m.sourceNotes, "  Notes: ", 4);
    if (!disclaimer.empty()) {
        out << "\n";
        wrap(out, disclaimer, "", 0);
    }
}

// Ids that are close by typo, then muscles whose names match, without repeats.
std::vector<std::string> muscleSuggestions(const an::Atlas& atlas, const std::string& wanted) {
    std::vector<std::string> out = an::closestMatches(wanted, an::kMuscleIds, 3);
    for (const an::SearchHit& hit : an::search(atlas, wanted, 5)) {
        if (std::find(out.begin(), out.end(), hit.muscle->id) == out.end()) out.push_back(hit.muscle->id);
    }
    if (out.size() > 5) out.resize(5);
    return out;
}

int showMuscle(const an::Atlas& atlas, const std::string& wanted, const Streams& s) {
    const an::Muscle* muscle = atlas.findMuscle(wanted);
    if (!muscle) {
        // A full name typed in any case ("Upper Trapezius") is as good as the id.
        const auto hits = an::search(atlas, wanted, 2);
        const bool exactName = !hits.empty() && hits[0].score < 10 && (hits.size() < 2 || hits[1].score >= 10);
        if (exactName) muscle = hits[0].muscle;
    }
    if (!muscle) {
        const bool known = an::isMuscleId(wanted);
        return failure(s, 2,
                       known ? "the content for muscle '" + wanted + "' did not load (see myomap query --problems)"
                             : "no muscle '" + wanted + "'",
                       known ? std::vector<std::string>{} : muscleSuggestions(atlas, wanted));
    }
    if (s.json)
        s.out << an::toJson(*muscle).dump(2) << "\n";
    else
        printMuscle(s.out, *muscle, atlas.disclaimer());
    return 0;
}

int listMuscles(const an::Atlas& atlas, const Streams& s) {
    if (s.json) {
        Json list = Json::array();
        for (const an::Muscle& m : atlas.muscles) {
            Json tps = Json::array();
            for (const an::TriggerPoint& tp : m.triggerPoints) tps.push_back(tp.id);
            list.push_back({{"id", m.id},
                            {"common", m.names.common},
                            {"latin", m.names.latin},
                            {"region", m.region},
                            {"layer", an::toString(m.layer)},
                            {"trigger_points", std::move(tps)}});
        }
        s.out << Json{{"muscles", std::move(list)}}.dump(2) << "\n";
        return 0;
    }
    s.out << std::left << std::setw(32) << "id" << std::setw(34) << "name" << std::setw(12) << "region" << std::setw(14)
          << "layer"
          << "trigger points\n";
    for (const an::Muscle& m : atlas.muscles) {
        s.out << std::setw(32) << m.id << std::setw(34) << m.names.common << std::setw(12) << m.region << std::setw(14)
              << an::toString(m.layer) << m.triggerPoints.size() << "\n";
    }
    s.out << atlas.muscles.size() << " muscles\n";
    return 0;
}

int listRegions(const an::Atlas& atlas, const Streams& s) {
    if (s.json) {
        Json regions = Json::array();
        for (const an::BodyRegion& r : an::kBodyRegions) regions.push_back({{"id", r.id}, {"midline", r.midline}});
        Json groups = Json::array();
        for (std::string_view region : an::kMuscleRegions) {
            Json ids = Json::array();
            for (const an::Muscle* m : atlas.musclesInRegion(region)) ids.push_back(m->id);
            groups.push_back({{"id", region}, {"muscles", std::move(ids)}});
        }
        s.out << Json{{"regions", std::move(regions)}, {"muscle_regions", std::move(groups)}}.dump(2) << "\n";
        return 0;
    }
    s.out << "Body regions (for --pain; sided ones take .L or .R):\n";
    for (const an::BodyRegion& r : an::kBodyRegions) s.out << "  " << r.id << (r.midline ? "  (midline)" : "") << "\n";
    s.out << "\nMuscle regions:\n";
    for (std::string_view region : an::kMuscleRegions) {
        std::string ids;
        for (const an::Muscle* m : atlas.musclesInRegion(region)) ids += (ids.empty() ? "" : ", ") + m->id;
        wrap(s.out, ids.empty() ? "(none loaded)" : ids, "  " + spaced(std::string(region)) + ": ", 4);
    }
    return 0;
}

int reportProblems(const an::Atlas& atlas, const Streams& s) {
    const std::size_t tps = atlas.allTriggerPoints().size();
    if (s.json) {
        Json problems = Json::array();
        for (const an::Problem& p : atlas.problems) problems.push_back(an::toJson(p));
        s.out << Json{{"atlas", atlas.folder.string()},
                      {"loaded",
                       {{"muscles", atlas.muscles.size()},
                        {"trigger_points", tps},
                        {"pages", atlas.pages.size()},
                        {"sources", atlas.sources.size()}}},
                      {"errors", atlas.errorCount()},
                      {"warnings", atlas.problems.size() - atlas.errorCount()},
                      {"problems", std::move(problems)}}
                     .dump(2)
              << "\n";
    } else {
        for (const an::Problem& p : atlas.problems) {
            s.out << (p.severity == an::Severity::Error ? "error: " : "warning: ") << p.text() << "\n";
        }
        s.out << (atlas.problems.empty() ? "No problems in " : "Problems in ") << atlas.folder.string() << ": "
              << atlas.errorCount() << " errors, " << atlas.problems.size() - atlas.errorCount() << " warnings; loaded "
              << atlas.muscles.size() << " muscles, " << tps << " trigger points, " << atlas.pages.size() << " pages, "
              << atlas.sources.size() << " sources\n";
    }
    return atlas.problems.empty() ? 0 : 1;
}

// --pain and --at: the pain finder on the built-in figure (pain_query.cpp).
int painFinder(const QueryOptions& o, const Streams& s) {
    PainQuestion question;
    question.atPoint = o.command == Command::At;
    question.argument = o.argument;
    question.top = o.top;
    question.json = s.json;
    question.atlasDir = o.atlasDir.empty() ? paths::assetsDir() / "atlas" : o.atlasDir;
    question.figure = paths::builtInFigure();
    question.landmarksCsv = paths::assetsDir() / "body" / "landmarks.csv";
    const auto error = answerPain(question, s.out, s.err);
    return error ? failure(s, error->code, error->message, error->suggestions) : 0;
}

}  // namespace

std::string queryHelpText() {
    return "Usage: myomap query QUESTION [--json] [--atlas DIR]\n\n"
           "Questions:\n"
           "  --list-muscles     the muscles of the atlas with their trigger points\n"
           "  --list-regions     the body regions pain is described in, and the muscles by region\n"
           "  --muscle ID        everything about one muscle, with its sources\n"
           "  --problems         check the content and list what is wrong (exit code 1 if anything)\n"
           "  --pain REGION      muscles whose trigger points refer pain to a body region, strongest first:\n"
           "                     temple.L or temple.R for one side, temple for either, sternum (midline)\n"
           "  --at X,Y,Z         the same for a point on the skin of the built-in figure (metres, bind pose)\n\n"
           "Options:\n"
           "  --json             answer as JSON\n"
           "  --atlas DIR        read the content from DIR instead of the installed assets/atlas\n"
           "  --top N            with --pain and --at: at most N muscles (default 10)\n";
}

int runQuery(const std::vector<std::string>& args) { return runQuery(args, std::cout, std::cerr); }

int runQuery(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const bool jsonWanted = std::find(args.begin(), args.end(), "--json") != args.end();
    const Streams streams{out, err, jsonWanted};
    auto options = parseArgs(args);
    if (!options) return failure(streams, 2, options.error());
    if (options->help) {
        out << queryHelpText();
        return 0;
    }
    if (options->command == Command::None) return failure(streams, 2, "which question? (see myomap query --help)");
    if (options->command == Command::Pain || options->command == Command::At) return painFinder(*options, streams);

    const auto atlasDir = options->atlasDir.empty() ? paths::assetsDir() / "atlas" : options->atlasDir;
    an::LoadOptions load;
    load.logProblems = false;  // reported below, once, instead of one log line each
    const an::Atlas atlas = an::loadAtlas(atlasDir, load);
    if (options->command == Command::Problems) return reportProblems(atlas, streams);
    if (!atlas.problems.empty()) {
        err << "myomap query: note: the content has " << atlas.problems.size()
            << " problems (see myomap query --problems)\n";
    }
    switch (options->command) {
        case Command::ListMuscles: return listMuscles(atlas, streams);
        case Command::ListRegions: return listRegions(atlas, streams);
        case Command::Muscle: return showMuscle(atlas, options->argument, streams);
        default: return failure(streams, 2, "which question? (see myomap query --help)");
    }
}

}  // namespace myomap::app
