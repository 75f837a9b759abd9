#include "tools/handout_command.h"

#include "automation/headless.h"
#include "core/files.h"
#include "core/log.h"
#include "modes/therapist/handout_maker.h"

#include <cstdio>
#include <optional>

namespace myomap::app {
namespace {

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty()) out.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// Builds the handout on the opened figure and writes it to `out` (.png: the first page); the exit code.
int writeHandout(OffscreenFigure& figure, const HandoutRequest& request, const std::filesystem::path& out) {
    auto handout = buildHandout(figure.explorer, figure.renderer, request);
    if (!handout) {
        log::error("handout: " + handout.error());
        return 1;
    }
    const bool png = out.extension() == ".png";
    const Status written = png ? handout::writeHandoutPng(*handout, out) : handout::writeHandoutPdf(*handout, out);
    if (!written) {
        log::error(written.error());
        return 1;
    }
    log::info("wrote " + out.string() + " (" + std::to_string(handout->muscles.size()) + " muscle" +
              (handout->muscles.size() == 1 ? "" : "s") + ")");
    return 0;
}

}  // namespace

int runHandoutCommand(const std::vector<std::string>& args) {
    HandoutRequest request;
    std::optional<std::filesystem::path> out, sessionFile;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool takes = a == "--muscles" || a == "--session" || a == "--out" || a == "--clinic" || a == "--date";
        if (a == "--help") {
            std::puts("myomap handout --muscles ID,ID | --session FILE  --out FILE.pdf|FILE.png [--clinic NAME] [--date TEXT]\n"
                      "  A one- or two-page self-care handout for a client: where each muscle sends pain (a picture\n"
                      "  rendered from the figure and plain words), why it happens, self-care and cautions.\n"
                      "  --muscles   muscle ids, e.g. upper_trapezius,levator_scapulae.L (a bare id is the right side)\n"
                      "  --session   a saved session (its pain areas; its treated and explored muscles)\n"
                      "  --out       the PDF to write, or a PNG of its first page");
            return 0;
        }
        if (!takes) {
            log::error("handout: unknown option '" + a + "' (see myomap handout --help)");
            return 2;
        }
        if (i + 1 >= args.size()) {
            log::error("handout: " + a + " needs a value (see myomap handout --help)");
            return 2;
        }
        const std::string v = args[++i];
        if (a == "--muscles") request.muscles = split(v);
        else if (a == "--session") sessionFile = v;
        else if (a == "--out") out = v;
        else if (a == "--clinic") request.clinicName = v;
        else request.date = v;
    }
    if (!out || (request.muscles.empty() && !sessionFile)) {
        log::error("handout: give --out FILE.pdf and --muscles ID,ID or --session FILE (see myomap handout --help)");
        return 2;
    }
    session::Session session;
    if (sessionFile) {
        auto bytes = files::readBytes(*sessionFile, 16u << 20);
        if (!bytes) {
            log::error(bytes.error());
            return 1;
        }
        auto parsed = session::sessionFromJson(std::string(bytes->begin(), bytes->end()), sessionFile->string());
        if (!parsed) {
            log::error(parsed.error());
            return 1;
        }
        session = std::move(parsed.value());
        request.session = &session;
    }
    return onOffscreenFigure("Myomap handout (offscreen)",
                             [&](OffscreenFigure& figure) { return writeHandout(figure, request, *out); });
}

}  // namespace myomap::app
