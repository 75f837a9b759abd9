#include "app/cli.h"
#include "automation/script.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace myomap;
using namespace myomap::app;

namespace {

ScriptCommand one(const std::string& line) {
    auto commands = parseScript(line, "t.txt");
    INFO(line);
    REQUIRE_MESSAGE(commands, (commands ? "" : commands.error()));
    REQUIRE(commands->size() == 1);
    return commands->front();
}

std::string errorOf(const std::string& text) {
    auto commands = parseScript(text, "demo.txt");
    INFO(text);
    REQUIRE_FALSE(commands);
    return commands.error();
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("every script command parses") {
    CHECK(one("view posterior").get<script::SetView>()->view == View::Posterior);
    CHECK(one("select upper_trapezius.R").get<script::Select>()->meshId == "upper_trapezius.R");
    CHECK(one("select none").get<script::Select>()->meshId.empty());
    const ScriptCommand referralCommand = one("referral upper_trapezius.tp1");
    const auto* referral = referralCommand.get<script::Referral>();
    CHECK(referral->triggerPointId == "upper_trapezius.tp1");
    CHECK_FALSE(referral->side);
    const ScriptCommand leftCommand = one("referral upper_trapezius.tp1.L");
    const auto* left = leftCommand.get<script::Referral>();
    CHECK(left->triggerPointId == "upper_trapezius.tp1");
    CHECK(left->side == anatomy::Side::Left);
    CHECK(one("referral none").get<script::Referral>()->triggerPointId.empty());
    const ScriptCommand offCommand = one("layer skin off");
    const auto* off = offCommand.get<script::SetLayer>();
    CHECK(off->layer == FigureLayer::Skin);
    CHECK_FALSE(off->visible);
    CHECK_FALSE(off->opacity);
    const ScriptCommand halfCommand = one("layer deep 0.5");
    const auto* half = halfCommand.get<script::SetLayer>();
    CHECK(half->layer == FigureLayer::Deep);
    CHECK(half->visible);
    CHECK(*half->opacity == doctest::Approx(0.5));
    CHECK(one("layer bones on").get<script::SetLayer>()->visible);
    CHECK(one("side right").get<script::SetSide>()->side == SideFilter::Right);
    CHECK(one("pose desk_slump").get<script::Pose>()->clip == "desk_slump");
    CHECK(one("time 1.25").get<script::SetTime>()->seconds == doctest::Approx(1.25));
    const ScriptCommand pickCommand = one("pick 800 450.5");
    const auto* pick = pickCommand.get<script::Pick>();
    CHECK(pick->x == doctest::Approx(800));
    CHECK(pick->y == doctest::Approx(450.5));
    CHECK(one("screenshot out/front.png").get<script::Screenshot>()->path == fs::path("out/front.png"));
    CHECK(one("screenshot \"my shots/a b.png\"").get<script::Screenshot>()->path == fs::path("my shots/a b.png"));
    CHECK(one("wait 0").get<script::Wait>()->seconds == 0.0f);
    const ScriptCommand sizeCommand = one("size 800x600");
    const auto* size = sizeCommand.get<script::Size>();
    CHECK(size->width == 800);
    CHECK(size->height == 600);
    CHECK(one("heat still").get<script::SetHeat>()->mode == HeatMode::Still);
    CHECK(one("palette colourblind").get<script::SetPalette>()->palette == Palette::Colourblind);
    CHECK(one("isolate").verb() == ScriptVerb::Isolate);
    CHECK(one("show all").verb() == ScriptVerb::ShowAll);
    CHECK(one("look client").get<script::SetLook>()->look == Look::Client);
    CHECK(one("look anatomy").get<script::SetLook>()->look == Look::Anatomy);
}

TEST_CASE("a script with every command parses in order, with line numbers and text") {
    const std::string text =
        "# A tour of the upper trapezius\n"
        "\n"
        "size 1280x720\n"
        "view posterior        # from behind\n"
        "select upper_trapezius.R\n"
        "referral upper_trapezius.tp1.R\n"
        "layer skin 0.3\n"
        "side right\n"
        "pose desk_slump\n"
        "time 0.5\n"
        "heat animated\n"
        "palette default\n"
        "isolate\n"
        "wait 2.5\n"
        "pick 640 360\n"
        "screenshot shots/trapezius.png\n"
        "show all\n";
    auto commands = parseScript(text, "tour.txt");
    REQUIRE_MESSAGE(commands, (commands ? "" : commands.error()));
    const std::vector<ScriptVerb> verbs{ScriptVerb::Size, ScriptVerb::View, ScriptVerb::Select, ScriptVerb::Referral,
                                        ScriptVerb::Layer, ScriptVerb::Side, ScriptVerb::Pose, ScriptVerb::Time,
                                        ScriptVerb::Heat, ScriptVerb::Palette, ScriptVerb::Isolate, ScriptVerb::Wait,
                                        ScriptVerb::Pick, ScriptVerb::Screenshot, ScriptVerb::ShowAll};
    REQUIRE(commands->size() == verbs.size());
    for (std::size_t i = 0; i < verbs.size(); ++i) {
        CAPTURE(i);
        CHECK((*commands)[i].verb() == verbs[i]);
        CHECK((*commands)[i].line == static_cast<int>(i) + 3);
    }
    const ScriptCommand& view = (*commands)[1];
    CHECK(view.text == "view posterior");
    CHECK(view.where == "tour.txt:4");
    CHECK(view.get<script::SetView>()->view == View::Posterior);
    CHECK((*commands)[2].get<script::Select>()->meshId == "upper_trapezius.R");
    CHECK((*commands)[3].get<script::Referral>()->side == anatomy::Side::Right);
    CHECK(*(*commands)[4].get<script::SetLayer>()->opacity == doctest::Approx(0.3));
    CHECK((*commands)[8].get<script::SetHeat>()->mode == HeatMode::Animated);
    CHECK((*commands)[11].get<script::Wait>()->seconds == doctest::Approx(2.5));
    CHECK((*commands)[13].get<script::Screenshot>()->path == fs::path("shots/trapezius.png"));
    CHECK(std::string(verbName(ScriptVerb::ShowAll)) == "show all");
}

TEST_CASE("bad scripts fail with the file, the line and what was expected") {
    struct Case {
        std::string text;
        std::vector<std::string> expected;
    };
    const Case cases[] = {
        {"view anterior\nslect upper_trapezius.R\n", {"demo.txt:2: ", "unknown command 'slect'", "did you mean 'select'?",
                                                      "expected one of view, select"}},
        {"frobnicate\n", {"demo.txt:1: unknown command 'frobnicate': expected one of"}},
        {"\n\nview\n", {"demo.txt:3: 'view' needs 1 argument, got 0: expected view anterior|posterior|left|right"}},
        {"layer skin\n", {"demo.txt:1: 'layer' needs 2 arguments, got 1: expected layer skin|superficial"}},
        {"wait 2 seconds\n", {"demo.txt:1: unexpected 'seconds' after 'wait 2': expected wait <seconds"}},
        {"isolate upper_trapezius\n", {"demo.txt:1: unexpected 'upper_trapezius' after 'isolate': expected isolate"}},
        {"time soon\n", {"demo.txt:1: bad number 'soon' for time: expected time <seconds"}},
        {"pick 10 y\n", {"demo.txt:1: bad number 'y' for pick"}},
        {"# header\nlayer skin 1.5\n", {"demo.txt:2: opacity 1.5 is out of range: expected layer ", "<opacity 0-1>"}},
        {"wait -1\n", {"demo.txt:1: negative wait -1: expected wait <seconds, 0 to 3600>"}},
        {"wait 1e9\n", {"demo.txt:1: wait 1e9 is too long"}},
        {"view top\n", {"demo.txt:1: unknown view 'top'"}},
        {"layer muscles off\n", {"unknown layer 'muscles'"}},
        {"side up\n", {"unknown side 'up': expected side left|right|both"}},
        {"size 800\n", {"bad size: '800' is not an image size: expected WIDTHxHEIGHT"}},
        {"size 8192x8192\n", {"'8192x8192' is too large to render", "the largest image of this shape is 4096x4096"}},
        {"size 16384x2000\n", {"the largest image of this shape is 11723x1431"}},
        {"size 16385x10\n", {"each side 1 to 16384"}},
        {"size 1600.5x1000\n", {"not an image size"}},
        {"heat hot\n", {"unknown heat mode 'hot'"}},
        {"palette neon\n", {"unknown palette 'neon'"}},
        {"show some\n", {"expected show all"}},
        {"look sideways\n", {"demo.txt:1: unknown look 'sideways': expected look client|anatomy"}},
        {"screenshot \"unclosed.png\n", {"demo.txt:1: unclosed quote"}},
        {"referral .L\n", {"empty trigger point id"}},
    };
    for (const Case& c : cases) {
        const std::string error = errorOf(c.text);
        for (const std::string& part : c.expected) {
            INFO(error);
            CHECK_MESSAGE(contains(error, part), part);
        }
    }
}

TEST_CASE("CRLF line endings, tabs, a byte order mark and trailing comments") {
    auto commands = parseScript("\xEF\xBB\xBFview\tleft\r\n\r\n\t# indented comment\r\nlayer\t skin \t0.25  # see-through\r\n"
                                "wait 1",
                                "win.txt");
    REQUIRE_MESSAGE(commands, (commands ? "" : commands.error()));
    REQUIRE(commands->size() == 3);
    CHECK((*commands)[0].get<script::SetView>()->view == View::Left);
    CHECK((*commands)[0].text == "view\tleft");
    CHECK((*commands)[1].line == 4);
    CHECK(*(*commands)[1].get<script::SetLayer>()->opacity == doctest::Approx(0.25));
    CHECK((*commands)[2].line == 5);
    auto bad = parseScript("view left\r\nview sideways\r\n", "win.txt");
    REQUIRE_FALSE(bad);
    CHECK(contains(bad.error(), "win.txt:2: unknown view 'sideways'"));
    CHECK_FALSE(contains(bad.error(), "\r"));
}

TEST_CASE("an empty script and a binary file") {
    auto empty = parseScript("# nothing yet\n\n", "empty.txt");
    REQUIRE(empty);
    CHECK(empty->empty());
    auto binary = parseScript(std::string_view("view\0left", 9), "blob.bin");
    REQUIRE_FALSE(binary);
    CHECK(contains(binary.error(), "blob.bin: not a text file"));
}

TEST_CASE("loadScript reads a file and names a missing one") {
    const fs::path dir = fs::temp_directory_path() / "myomap-test-script";
    fs::create_directories(dir);
    const fs::path file = dir / "demo.txt";
    std::ofstream(file) << "view anterior\nselect upper_trapezius.L\nwait x\n";
    auto bad = loadScript(file);
    REQUIRE_FALSE(bad);
    CHECK(contains(bad.error(), file.string() + ":3: bad number 'x' for wait"));
    std::ofstream(file) << "view anterior\nselect upper_trapezius.L\n";
    auto good = loadScript(file);
    REQUIRE_MESSAGE(good, (good ? "" : good.error()));
    CHECK(good->file == file);
    CHECK(good->commands.size() == 2);
    auto missing = loadScript(dir / "no-such-script.txt");
    REQUIRE_FALSE(missing);
    CHECK(contains(missing.error(), "no-such-script.txt"));
}

TEST_CASE("command-line flags become commands") {
    auto commands = commandsFromFlags({"--select", "upper_trapezius.R", "--referral", "upper_trapezius.tp1", "--layer",
                                       "skin", "off", "--pose", "desk_slump", "--side", "right", "--heat", "still",
                                       "--isolate", "--show-all", "--pick", "10", "20"});
    REQUIRE_MESSAGE(commands, (commands ? "" : commands.error()));
    REQUIRE(commands->size() == 9);
    for (const ScriptCommand& c : *commands) CHECK(c.line == 0);
    CHECK((*commands)[0].get<script::Select>()->meshId == "upper_trapezius.R");
    CHECK((*commands)[0].where == "command line (--select)");
    CHECK((*commands)[1].get<script::Referral>()->triggerPointId == "upper_trapezius.tp1");
    CHECK_FALSE((*commands)[2].get<script::SetLayer>()->visible);
    CHECK((*commands)[2].text == "--layer skin off");
    CHECK((*commands)[3].get<script::Pose>()->clip == "desk_slump");
    CHECK((*commands)[4].get<script::SetSide>()->side == SideFilter::Right);
    CHECK((*commands)[5].get<script::SetHeat>()->mode == HeatMode::Still);
    CHECK((*commands)[6].verb() == ScriptVerb::Isolate);
    CHECK((*commands)[7].verb() == ScriptVerb::ShowAll);
    CHECK((*commands)[8].get<script::Pick>()->y == doctest::Approx(20));

    struct Case { std::vector<std::string> args; const char* expected; };
    const Case cases[] = {
        {{"--layer", "skin"}, "command line: --layer needs 2 values: expected --layer skin|"},
        {{"--wait", "-1"}, "command line: --wait: negative wait -1: expected --wait <seconds"},
        {{"--layer", "skin", "1.5"}, "command line: --layer: opacity 1.5 is out of range"},
        {{"--frobnicate"}, "unknown option '--frobnicate'"},
    };
    for (const Case& c : cases) {
        auto bad = commandsFromFlags(c.args);
        REQUIRE_FALSE(bad);
        CHECK_MESSAGE(contains(bad.error(), c.expected), bad.error());
    }
}

TEST_CASE("parseOptions keeps its own flags and collects command flags in order") {
    auto o = parseOptions({"--view", "posterior", "--pose", "desk_slump", "--time", "1", "--select", "upper_trapezius.R",
                           "--referral", "upper_trapezius.tp1", "--layer", "skin", "off", "--side", "right", "--heat",
                           "still", "--script", "tour.txt"});
    REQUIRE_MESSAGE(o, (o ? "" : o.error()));
    CHECK(o->view == View::Posterior);
    CHECK(o->clip == "desk_slump");
    CHECK(o->time == doctest::Approx(1));
    CHECK(o->script->string() == "tour.txt");
    REQUIRE(o->commands.size() == 5);
    CHECK(o->commands[0].verb() == ScriptVerb::Select);
    CHECK(o->commands[1].verb() == ScriptVerb::Referral);
    CHECK(o->commands[2].verb() == ScriptVerb::Layer);
    CHECK(o->commands[3].verb() == ScriptVerb::Side);
    CHECK(o->commands[4].verb() == ScriptVerb::Heat);

    auto bad = parseOptions({"--layer", "skin", "2"});
    REQUIRE_FALSE(bad);
    CHECK(contains(bad.error(), "opacity 2 is out of range"));
    auto noFile = parseOptions({"--script"});
    REQUIRE_FALSE(noFile);
    CHECK(contains(noFile.error(), "--script needs a value"));
}
