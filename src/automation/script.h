// Automation scripts: a text file of commands, one a line, that drive the viewer the way a
// person would (myomap --script demo.txt), and the same commands as one-shot command-line
// flags (--select upper_trapezius.R). This is only the parser: it checks the shape of each
// command (verb, argument count, numbers and ranges) and keeps ids and paths as written;
// whether a muscle or a clip exists is for the executor to say, using `where`.
//
//   # comment (also after a command, from a word that starts with '#')
//   view anterior|posterior|left|right
//   select <mesh id, e.g. upper_trapezius.R> | none
//   referral <trigger point id, e.g. upper_trapezius.tp1>[.L|.R] | none
//   layer skin|superficial|intermediate|deep|bones on|off|<opacity 0-1>
//   side left|right|both
//   pose <clip name>
//   time <seconds>
//   pick <x> <y>                    (pixels from the top left; prints "picked: <id>")
//   screenshot <path>               (quote a path with spaces: "my shots/a.png")
//   wait <seconds>
//   size <W>x<H>
//   heat still|animated
//   palette default|colourblind
//   isolate
//   show all
#pragma once

#include "core/result.h"
#include "core/views.h"
#include "explore/vocabulary.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace myomap::app {

// One per command, in the order of the ScriptAction alternatives below.
enum class ScriptVerb {
    View, Select, Referral, Layer, Side, Pose, Time, Pick, Screenshot, Wait, Size, Heat, Palette, Isolate, ShowAll, Look
};

namespace script {

struct SetView { View view = View::Anterior; };
struct Select { std::string meshId; };  // empty: "select none"
struct Referral {
    std::string triggerPointId;       // without the side suffix; empty: "referral none"
    std::optional<BodySide> side;     // from a `.L` / `.R` suffix; none: the executor's default
};
struct SetLayer {
    FigureLayer layer = FigureLayer::Skin;
    bool visible = true;              // on, or an opacity above 0
    std::optional<float> opacity;     // 0-1 when a number was given; none for on/off
};
struct SetSide { SideFilter side = SideFilter::Both; };
struct Pose { std::string clip; };
struct SetTime { float seconds = 0.0f; };
struct Pick { float x = 0.0f; float y = 0.0f; };
struct Screenshot { std::filesystem::path path; };  // as written (relative to the working folder)
struct Wait { float seconds = 0.0f; };
struct Size { int width = 0; int height = 0; };
struct SetHeat { HeatMode mode = HeatMode::Animated; };
struct SetPalette { Palette palette = Palette::Default; };
struct Isolate {};
struct ShowAll {};
struct SetLook { Look look = Look::Anatomy; };

}  // namespace script

using ScriptAction = std::variant<script::SetView, script::Select, script::Referral, script::SetLayer,
                                  script::SetSide, script::Pose, script::SetTime, script::Pick, script::Screenshot,
                                  script::Wait, script::Size, script::SetHeat, script::SetPalette, script::Isolate,
                                  script::ShowAll, script::SetLook>;

struct ScriptCommand {
    int line = 0;        // 1-based line in the script; 0 for a command-line flag
    std::string where;   // "demo.txt:12" or "command line (--select)", for the executor's messages
    std::string text;    // the command as written, comment and surrounding blanks removed
    ScriptAction action;

    ScriptVerb verb() const { return static_cast<ScriptVerb>(action.index()); }
    template <typename T> const T* get() const { return std::get_if<T>(&action); }
};

struct Script {
    std::filesystem::path file;
    std::vector<ScriptCommand> commands;
};

// 1 MiB: far more than any script a person writes.
inline constexpr std::uintmax_t kScriptSizeLimit = 1u << 20;

// The verb's name as written in a script ("show all" for ShowAll) and its usage line.
std::string_view verbName(ScriptVerb verb);
std::string_view verbUsage(ScriptVerb verb);
std::string_view layerName(FigureLayer layer);

// Errors read `FILE:LINE: <what is wrong>: expected <usage>`; the first error stops parsing.
Result<std::vector<ScriptCommand>> parseScript(std::string_view text, const std::string& fileName);
Result<Script> loadScript(const std::filesystem::path& path);

// The script verbs as flags: `--select ID`, `--referral ID`, `--layer NAME on|off|OPACITY`,
// `--side S`, `--pose CLIP`, `--time S`, `--pick X Y`, `--screenshot PATH`, `--wait S`,
// `--size WxH`, `--heat H`, `--palette P`, `--isolate`, `--show-all` (and `--view V`).
// Every element of `args` must be one of these flags or its values.
Result<std::vector<ScriptCommand>> commandsFromFlags(const std::vector<std::string>& args);

// Whether `flag` (e.g. "--select") names a script verb.
bool isCommandFlag(std::string_view flag);
// Parses the command flag at args[i] and its values, leaving `i` on its last value.
Result<ScriptCommand> commandFromFlag(const std::vector<std::string>& args, std::size_t& i);

}  // namespace myomap::app
