#include "app/cli.h"

#include "core/image.h"
#include "core/numbers.h"
#include "core/suggestions.h"
#include "modes/kiosk/kiosk_mode.h"
#include "modes/registry.h"

#include <cmath>
#include <sstream>

namespace myomap::app {
namespace {

std::optional<float> number(std::string_view text) { return parseNumber<float>(text); }

std::optional<glm::vec3> vector3(std::string_view text) {
    glm::vec3 v;
    for (int i = 0; i < 3; ++i) {
        const auto comma = text.find(',');
        if ((i < 2) != (comma != std::string_view::npos)) return std::nullopt;
        const auto value = number(text.substr(0, comma));
        if (!value) return std::nullopt;
        v[i] = *value;
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return v;
}

std::optional<glm::vec3> hexColor(std::string_view text) {
    if (!text.empty() && text[0] == '#') text.remove_prefix(1);
    if (text.size() != 6) return std::nullopt;
    const auto parsed = parseNumber<unsigned>(text, 16);
    if (!parsed) return std::nullopt;
    const unsigned value = *parsed;
    return glm::vec3((value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff) / 255.0f;
}

// The modes --mode may name (those in the Mode menu): "therapist or student".
std::string menuModeNames() {
    std::vector<std::string> names;
    for (const ModeEntry& entry : allModes()) {
        if (!entry.menuLabel.empty()) names.push_back(entry.name);
    }
    return orList(names);
}

}  // namespace

Result<Options> parseOptions(const std::vector<std::string>& args) {
    Options o;
    bool kiosk = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> Result<std::string> {
            if (i + 1 >= args.size()) return fail(arg + " needs a value (see --help)");
            return args[++i];
        };
        auto bad = [&](const std::string& v, const char* expected) {
            return fail("bad value '" + v + "' for " + arg + ": expected " + expected);
        };
        if (arg == "--help" || arg == "-h") {
            o.help = true;
        } else if (arg == "--version") {
            o.version = true;
        } else if (arg == "--model" || arg == "--screenshot" || arg == "--clip" || arg == "--pose" ||
                   arg == "--script") {
            auto v = value();
            if (!v) return fail(v.error());
            if (arg == "--model") o.model = *v;
            else if (arg == "--screenshot") o.screenshot = *v;
            else if (arg == "--script") o.script = *v;
            else o.clip = *v;
        } else if (arg == "--size") {
            auto v = value();
            if (!v) return fail(v.error());
            auto size = parseImageSize(*v);
            if (!size) return fail("--size: " + size.error());
            o.width = size->width;
            o.height = size->height;
            o.sizeGiven = true;
        } else if (arg == "--time" || arg == "--fov") {
            auto v = value();
            if (!v) return fail(v.error());
            const auto n = number(*v);
            if (arg == "--time") {
                if (!n || *n < 0) return bad(*v, "seconds, 0 or more");
                o.time = *n;
            } else {
                if (!n || *n <= 1 || *n >= 170) return bad(*v, "a vertical field of view in degrees, 1 to 170");
                o.fovDegrees = *n;
            }
        } else if (arg == "--view") {
            auto v = value();
            if (!v) return fail(v.error());
            o.view = parseView(*v);
            if (!o.view) return bad(*v, "anterior, posterior, left or right");
        } else if (arg == "--camera" || arg == "--target") {
            auto v = value();
            if (!v) return fail(v.error());
            const auto p = vector3(*v);
            if (!p) return bad(*v, "three numbers x,y,z in metres, e.g. 0,1.2,3");
            (arg == "--camera" ? o.camera : o.target) = p;
        } else if (arg == "--background") {
            auto v = value();
            if (!v) return fail(v.error());
            o.background = hexColor(*v);
            if (!o.background) return bad(*v, "a colour as RRGGBB hex, e.g. ffffff");
        } else if (arg == "--detail") {
            auto v = value();
            if (!v) return fail(v.error());
            if (*v != "full" && *v != "reduced") return bad(*v, "full or reduced");
            o.reducedDetail = *v == "reduced";
        } else if (arg == "--mode") {
            auto v = value();
            if (!v) return fail(v.error());
            const ModeEntry* mode = findMode(*v);
            if (!mode || mode->menuLabel.empty()) {
                return bad(*v, (menuModeNames() + " (the kiosk is --kiosk)").c_str());
            }
            o.mode = *v;
        } else if (arg == "--kiosk") {
            kiosk = true;
        } else if (arg == "--config") {
            auto v = value();
            if (!v) return fail(v.error());
            o.modeConfig = *v;
        } else if (arg == "--bench") {
            auto v = value();
            if (!v) return fail(v.error());
            if (*v != "orbit" && *v != "floor" && *v != "first-frame" && *v != "pick" && *v != "referrals") {
                return bad(*v, "orbit, floor, first-frame, pick or referrals");
            }
            o.bench = *v;
        } else if (arg == "--frames" || arg == "--fixed-dt") {
            auto v = value();
            if (!v) return fail(v.error());
            const auto n = number(*v);
            if (arg == "--frames") {
                if (!n || *n < 1 || *n > 1e9 || *n != std::floor(*n)) return bad(*v, "a whole number of frames, 1 or more");
                o.frames = static_cast<long>(*n);
            } else {
                if (!n || *n <= 0 || *n > 10) return bad(*v, "seconds per frame, above 0 and at most 10");
                o.fixedDt = *n;
            }
        } else if (arg == "--soak-log") {
            auto v = value();
            if (!v) return fail(v.error());
            o.soakLog = *v;
        } else if (isCommandFlag(arg)) {
            auto command = commandFromFlag(args, i);
            if (!command) return fail(command.error());
            o.commands.push_back(std::move(*command));
        } else {
            return fail("unknown option '" + arg + "' (see myomap --help)");
        }
    }
    if (kiosk) o.mode = kKioskModeName;  // whatever --mode said
    if (o.target && !o.camera) return fail("--target needs --camera too");
    if (o.modeConfig && !kiosk) return fail("--config is the kiosk's configuration: use it with --kiosk");
    if (o.soakLog && !o.frames) return fail("--soak-log records a headless kiosk run: use it with --kiosk --frames N");
    if (o.camera && o.view) return fail("give either --view or --camera, not both");
    if (!o.bench.empty() && (kiosk || o.screenshot || o.script)) return fail("--bench times the viewer: not with --kiosk, --screenshot or --script");
    return o;
}

std::string helpText() {
    std::ostringstream s;
    s << "Myomap: an interactive 3D trigger point atlas (an education tool, not a diagnostic device).\n\n"
         "Usage:\n"
         "  myomap [--model FILE]                      open the viewer (on the built-in figure by default)\n"
         "  myomap [--model FILE] --screenshot OUT.png render one frame offscreen and exit\n"
         "  myomap --script FILE                       run a script of viewer commands\n"
         "  myomap --kiosk [--config kiosk.json]       the waiting-room kiosk (fullscreen, locked)\n"
         "  myomap handout --muscles ID,ID --out F.pdf a self-care handout for a client\n"
         "  myomap query ...                           content questions, no window (query --help)\n\n"
         "Options:\n"
         "  --model FILE          model to open instead of the built-in figure: glTF 2.0 (.gltf,\n"
         "                        .glb) or OBJ / FBX / DAE\n"
         "  --screenshot OUT.png  render one frame to a PNG without showing a window, then exit\n"
         "  --size WxH            image size in pixels for --screenshot (default 1600x1000); each\n"
         "                        side 1 to 16384 and at most 4096x4096 pixels in all: rendering\n"
         "                        holds about 50 bytes a pixel, 1 GiB at that size (a larger size\n"
         "                        is refused with the largest of its shape that fits)\n"
         "  --time SECONDS        animation time to show (default 0)\n"
         "  --clip NAME           animation clip to play or pose (default: the first)\n"
         "  --pose NAME           the same as --clip\n"
         "  --view VIEW           anterior, posterior, left or right (default anterior)\n"
         "  --camera X,Y,Z        camera position in metres (instead of --view)\n"
         "  --target X,Y,Z        point the camera looks at (default: the model's centre)\n"
         "  --fov DEGREES         vertical field of view (default 35)\n"
         "  --background RRGGBB   flat background colour instead of the soft gradient\n"
         "  --detail full|reduced every mesh whole, or each at the level of detail that looks the same\n"
         "                        at its size on screen (default: reduced without a graphics card)\n"
         "  --script FILE         run the commands in FILE, one a line (# starts a comment):\n"
         "                        view, select, referral, layer, side, pose, time, pick, screenshot,\n"
         "                        wait, size, heat, palette, isolate, show all\n"
         "  --mode MODE           therapist (default: one muscle at a time, plain language, pain\n"
         "                        finder, compression timer, session notes) or student (full\n"
         "                        anatomical detail and a quiz)\n"
         "  --kiosk               fullscreen waiting-room kiosk: a tour of common pain patterns,\n"
         "                        touch to explore, no menus; leaving needs Ctrl+Alt+Shift+Q and the PIN\n"
         "  --config FILE         kiosk settings (assets/kiosk.example.json shows every field)\n"
         "  --frames N            with --kiosk: run N frames offscreen and exit (soak tests)\n"
         "  --fixed-dt SECONDS    seconds per frame for --frames (default 1/30)\n"
         "  --soak-log FILE.csv   with --frames: write resident memory and frame times every 100\n"
         "                        frames to FILE.csv (bench/soak_plot.sh draws it)\n"
         "  --bench KIND          time the viewer and print figures: orbit (the camera turns, the\n"
         "                        referral plays), floor (the same triangles, trivial shading) or\n"
         "                        first-frame (start-up), pick (click latency) or referrals (every\n"
         "                        referral field built); --frames N sets the count (bench/run.sh)\n"
         "  --version             print the version\n"
         "  --help                this text\n\n"
         "Script commands as one-shot options (run in the order given, after --view, --clip, --time):\n"
         "  --select MESH         select a muscle, e.g. upper_trapezius.R (or none)\n"
         "  --referral TP[.L|.R]  show a trigger point's referral, e.g. upper_trapezius.tp1 (or none)\n"
         "  --layer LAYER STATE   skin, superficial, intermediate, deep or bones; on, off or an\n"
         "                        opacity 0-1\n"
         "  --side SIDE           left, right or both\n"
         "  --pick X Y            print the id under the pixel X,Y (from the top left)\n"
         "  --wait SECONDS        let time run (0 to 3600)\n"
         "  --heat MODE           still or animated referral heat\n"
         "  --palette NAME        default or colourblind\n"
         "  --isolate             show only the selected muscle\n"
         "  --show-all            show every muscle again\n\n"
         "In the viewer: drag to orbit, right or middle drag to pan, wheel to zoom, double-click to\n"
         "centre on what is under the cursor; keys A P L R for anterior, posterior, left and right\n"
         "views, F to frame the model, Home to reset.\n";
    return s.str();
}

}  // namespace myomap::app
