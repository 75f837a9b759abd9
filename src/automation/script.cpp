#include "automation/script.h"

#include "anatomy/search.h"
#include "core/files.h"
#include "core/image.h"
#include "core/numbers.h"
#include "core/suggestions.h"

#include <array>
#include <cmath>
#include <span>

namespace myomap::app {
namespace {

using Args = std::span<const std::string>;

struct VerbInfo {
    ScriptVerb verb;
    std::string_view name;   // the script word
    std::string_view flag;   // the command-line flag
    std::size_t args;        // words after the verb (flags take the same, except --show-all)
    std::string_view usage;  // what the arguments look like
};

// clang-format off
constexpr std::array<VerbInfo, 16> kVerbs{{
    {ScriptVerb::View, "view", "--view", 1, "anterior|posterior|left|right"},
    {ScriptVerb::Select, "select", "--select", 1, "<mesh id, e.g. upper_trapezius.R>|none"},
    {ScriptVerb::Referral, "referral", "--referral", 1, "<trigger point id, e.g. upper_trapezius.tp1>[.L|.R]|none"},
    {ScriptVerb::Layer, "layer", "--layer", 2, "skin|superficial|intermediate|deep|bones on|off|<opacity 0-1>"},
    {ScriptVerb::Side, "side", "--side", 1, "left|right|both"},
    {ScriptVerb::Pose, "pose", "--pose", 1, "<clip name>"},
    {ScriptVerb::Time, "time", "--time", 1, "<seconds, 0 or more>"},
    {ScriptVerb::Pick, "pick", "--pick", 2, "<x> <y> (pixels from the top left)"},
    {ScriptVerb::Screenshot, "screenshot", "--screenshot", 1, "<path>"},
    {ScriptVerb::Wait, "wait", "--wait", 1, "<seconds, 0 to 3600>"},
    {ScriptVerb::Size, "size", "--size", 1, "<width>x<height> (pixels, each side 1 to 16384, at most 4096x4096 in all, e.g. 1600x1000)"},
    {ScriptVerb::Heat, "heat", "--heat", 1, "still|animated"},
    {ScriptVerb::Palette, "palette", "--palette", 1, "default|colourblind"},
    {ScriptVerb::Isolate, "isolate", "--isolate", 0, ""},
    {ScriptVerb::ShowAll, "show", "--show-all", 1, "all"},
    {ScriptVerb::Look, "look", "--look", 1, "client|anatomy"},
}};
constexpr std::array<std::string_view, 5> kLayerNames{"skin", "superficial", "intermediate", "deep", "bones"};
// clang-format on

const VerbInfo& info(ScriptVerb verb) { return kVerbs[static_cast<std::size_t>(verb)]; }

// The usage line in the form it was written: `layer skin|... on|off|...` or `--layer ...`.
std::string usage(const VerbInfo& v, bool asFlag) {
    if (asFlag && v.verb == ScriptVerb::ShowAll) return std::string(v.flag);
    std::string s(asFlag ? v.flag : v.name);
    if (!v.usage.empty()) s += ' ' + std::string(v.usage);
    return s;
}

std::optional<float> number(std::string_view text) { return parseNumber<float>(text); }

std::string inQuotes(std::string_view s) { return "'" + std::string(s) + "'"; }

// The arguments of one verb, already counted, as an action; errors say only what is wrong.
Result<ScriptAction> parseAction(ScriptVerb verb, Args a) {
    const char* name = info(verb).name.data();
    auto seconds = [&](const char* what, float max) -> Result<float> {
        const auto n = number(a[0]);
        if (!n) return fail("bad number " + inQuotes(a[0]) + " for " + what);
        if (*n < 0) return fail(std::string("negative ") + what + " " + a[0]);
        if (*n > max) return fail(std::string(what) + " " + a[0] + " is too long");
        return *n;
    };
    switch (verb) {
    case ScriptVerb::View: {
        const auto view = parseView(a[0]);
        if (!view) return fail("unknown view " + inQuotes(a[0]));
        return ScriptAction{script::SetView{*view}};
    }
    case ScriptVerb::Select:
        return ScriptAction{script::Select{a[0] == "none" ? std::string() : a[0]}};
    case ScriptVerb::Referral: {
        if (a[0] == "none") return ScriptAction{script::Referral{}};
        script::Referral r{a[0], anatomy::sideOf(a[0])};
        if (r.side) r.triggerPointId.resize(r.triggerPointId.size() - 2);
        if (r.triggerPointId.empty()) return fail("empty trigger point id");
        return ScriptAction{std::move(r)};
    }
    case ScriptVerb::Layer: {
        script::SetLayer l;
        std::size_t k = 0;
        while (k < kLayerNames.size() && kLayerNames[k] != a[0]) ++k;
        if (k == kLayerNames.size()) return fail("unknown layer " + inQuotes(a[0]));
        l.layer = static_cast<FigureLayer>(k);
        if (a[1] == "on" || a[1] == "off") {
            l.visible = a[1] == "on";
        } else {
            const auto n = number(a[1]);
            if (!n) return fail("bad opacity " + inQuotes(a[1]));
            if (*n < 0 || *n > 1) return fail("opacity " + a[1] + " is out of range");
            l.opacity = *n;
            l.visible = *n > 0;
        }
        return ScriptAction{l};
    }
    case ScriptVerb::Side:
        if (a[0] == "left") return ScriptAction{script::SetSide{SideFilter::Left}};
        if (a[0] == "right") return ScriptAction{script::SetSide{SideFilter::Right}};
        if (a[0] == "both") return ScriptAction{script::SetSide{SideFilter::Both}};
        return fail("unknown side " + inQuotes(a[0]));
    case ScriptVerb::Pose:
        if (a[0].empty()) return fail("empty clip name");
        return ScriptAction{script::Pose{a[0]}};
    case ScriptVerb::Time: {
        auto s = seconds("time", 1e6f);
        if (!s) return fail(s.error());
        return ScriptAction{script::SetTime{*s}};
    }
    case ScriptVerb::Pick: {
        script::Pick p;
        for (int i = 0; i < 2; ++i) {
            const auto n = number(a[static_cast<std::size_t>(i)]);
            if (!n) return fail("bad number " + inQuotes(a[static_cast<std::size_t>(i)]) + " for pick");
            if (*n < 0) return fail("negative pixel coordinate " + a[static_cast<std::size_t>(i)]);
            (i == 0 ? p.x : p.y) = *n;
        }
        return ScriptAction{p};
    }
    case ScriptVerb::Screenshot:
        if (a[0].empty()) return fail("empty path");
        return ScriptAction{script::Screenshot{std::filesystem::path(a[0])}};
    case ScriptVerb::Wait: {
        auto s = seconds("wait", 3600.0f);
        if (!s) return fail(s.error());
        return ScriptAction{script::Wait{*s}};
    }
    case ScriptVerb::Size: {
        auto size = parseImageSize(a[0]);
        if (!size) return fail("bad size: " + size.error());
        return ScriptAction{script::Size{size->width, size->height}};
    }
    case ScriptVerb::Heat:
        if (a[0] == "still") return ScriptAction{script::SetHeat{HeatMode::Still}};
        if (a[0] == "animated") return ScriptAction{script::SetHeat{HeatMode::Animated}};
        return fail("unknown heat mode " + inQuotes(a[0]));
    case ScriptVerb::Palette:
        if (a[0] == "default") return ScriptAction{script::SetPalette{Palette::Default}};
        if (a[0] == "colourblind" || a[0] == "colorblind") return ScriptAction{script::SetPalette{Palette::Colourblind}};
        return fail("unknown palette " + inQuotes(a[0]));
    case ScriptVerb::Isolate:
        return ScriptAction{script::Isolate{}};
    case ScriptVerb::ShowAll:
        if (a[0] != "all") return fail("unknown " + std::string(name) + " target " + inQuotes(a[0]));
        return ScriptAction{script::ShowAll{}};
    case ScriptVerb::Look:
        if (a[0] == "client") return ScriptAction{script::SetLook{Look::Client}};
        if (a[0] == "anatomy") return ScriptAction{script::SetLook{Look::Anatomy}};
        return fail("unknown look " + inQuotes(a[0]));
    }
    return fail("unknown command");
}

struct Words {
    std::vector<std::string> words;
    std::size_t begin = 0;  // of the first word in the line
    std::size_t end = 0;    // past the last word
};

// Splits a line at blanks; a word may be "quoted" to hold blanks; an unquoted word that starts
// with '#' begins a comment.
Result<Words> splitWords(std::string_view line) {
    Words w;
    std::size_t i = 0;
    auto blank = [&](std::size_t k) { return line[k] == ' ' || line[k] == '\t' || line[k] == '\v' || line[k] == '\f'; };
    while (true) {
        while (i < line.size() && blank(i)) ++i;
        if (i == line.size() || line[i] == '#') break;
        if (w.words.empty()) w.begin = i;
        if (line[i] == '"') {
            const auto close = line.find('"', i + 1);
            if (close == std::string_view::npos) return fail("unclosed quote");
            if (close + 1 < line.size() && !blank(close + 1)) return fail("text straight after a closing quote");
            w.words.emplace_back(line.substr(i + 1, close - i - 1));
            i = close + 1;
        } else {
            const std::size_t start = i;
            while (i < line.size() && !blank(i)) ++i;
            w.words.emplace_back(line.substr(start, i - start));
        }
        w.end = i;
    }
    return w;
}

std::string allVerbs() {
    std::string s;
    for (const VerbInfo& v : kVerbs) {
        if (!s.empty()) s += ", ";
        s += v.verb == ScriptVerb::ShowAll ? "show all" : std::string(v.name);
    }
    return s;
}

Result<ScriptCommand> parseLine(const Words& w, std::string_view line, int lineNumber, const std::string& where) {
    const std::string& word = w.words.front();
    const VerbInfo* v = nullptr;
    for (const VerbInfo& candidate : kVerbs) {
        if (candidate.name == word) v = &candidate;
    }
    if (!v) {
        std::vector<std::string_view> names;
        for (const VerbInfo& candidate : kVerbs) names.push_back(candidate.name);
        const auto close = anatomy::closestMatches(word, std::span<const std::string_view>(names), 1);
        return fail(where + ": unknown command " + inQuotes(word) + ": expected one of " + allVerbs() + didYouMean(close));
    }
    const Args args = Args(w.words).subspan(1);
    auto error = [&](const std::string& what) { return fail(where + ": " + what + ": expected " + usage(*v, false)); };
    if (args.size() < v->args) {
        return error(inQuotes(v->name) + " needs " + std::to_string(v->args) + " argument" + (v->args == 1 ? "" : "s") +
                     ", got " + std::to_string(args.size()));
    }
    if (args.size() > v->args) {
        std::string before(v->name);
        for (std::size_t k = 0; k < v->args; ++k) before += ' ' + args[k];
        return error("unexpected " + inQuotes(args[v->args]) + " after " + inQuotes(before));
    }
    auto action = parseAction(v->verb, args);
    if (!action) return error(action.error());
    return ScriptCommand{lineNumber, where, std::string(line.substr(w.begin, w.end - w.begin)), std::move(*action)};
}

}  // namespace

std::string_view verbName(ScriptVerb verb) { return verb == ScriptVerb::ShowAll ? "show all" : info(verb).name; }

std::string_view verbUsage(ScriptVerb verb) { return info(verb).usage; }

std::string_view layerName(FigureLayer layer) { return kLayerNames[static_cast<std::size_t>(layer)]; }

Result<std::vector<ScriptCommand>> parseScript(std::string_view text, const std::string& fileName) {
    if (text.find('\0') != std::string_view::npos) return fail(fileName + ": not a text file (it contains NUL bytes)");
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
    std::vector<ScriptCommand> commands;
    int lineNumber = 0;
    while (!text.empty()) {
        const auto newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        ++lineNumber;
        if (line.ends_with('\r')) line.remove_suffix(1);
        const std::string where = fileName + ":" + std::to_string(lineNumber);
        auto words = splitWords(line);
        if (!words) return fail(where + ": " + words.error());
        if (words->words.empty()) continue;
        auto command = parseLine(*words, line, lineNumber, where);
        if (!command) return fail(command.error());
        commands.push_back(std::move(*command));
    }
    return commands;
}

Result<Script> loadScript(const std::filesystem::path& path) {
    auto bytes = files::readBytes(path, kScriptSizeLimit);
    if (!bytes) return fail("cannot read script: " + bytes.error());
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    auto commands = parseScript(text, path.string());
    if (!commands) return fail(commands.error());
    return Script{path, std::move(*commands)};
}

bool isCommandFlag(std::string_view flag) {
    for (const VerbInfo& v : kVerbs) {
        if (v.flag == flag) return true;
    }
    return false;
}

Result<ScriptCommand> commandFromFlag(const std::vector<std::string>& args, std::size_t& i) {
    const std::string& flag = args[i];
    const VerbInfo* v = nullptr;
    for (const VerbInfo& candidate : kVerbs) {
        if (candidate.flag == flag) v = &candidate;
    }
    const std::string where = "command line";
    if (!v) return fail(where + ": unknown option " + inQuotes(flag) + " (see myomap --help)");
    auto error = [&](const std::string& what) { return fail(where + ": " + what + ": expected " + usage(*v, true)); };
    std::vector<std::string> values;
    if (v->verb == ScriptVerb::ShowAll) {
        values.emplace_back("all");
    } else {
        if (i + v->args >= args.size()) {
            return error(flag + " needs " + std::to_string(v->args) + " value" + (v->args == 1 ? "" : "s"));
        }
        for (std::size_t k = 0; k < v->args; ++k) values.push_back(args[++i]);
    }
    auto action = parseAction(v->verb, values);
    if (!action) return error(flag + ": " + action.error());
    std::string text(v->flag);
    if (v->verb != ScriptVerb::ShowAll) {
        for (const std::string& value : values) text += ' ' + value;
    }
    return ScriptCommand{0, where + " (" + flag + ")", std::move(text), std::move(*action)};
}

Result<std::vector<ScriptCommand>> commandsFromFlags(const std::vector<std::string>& args) {
    std::vector<ScriptCommand> commands;
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto command = commandFromFlag(args, i);
        if (!command) return fail(command.error());
        commands.push_back(std::move(*command));
    }
    return commands;
}

}  // namespace myomap::app
