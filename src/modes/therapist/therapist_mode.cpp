#include "modes/therapist/therapist_mode.h"

#include "core/log.h"
#include "core/paths.h"
#include "handout/handout.h"
#include "modes/therapist/handout_maker.h"
#include "modes/therapist/therapist_tools.h"

#include <memory>

namespace myomap::app {
namespace {

// The handout for the session in `tools`: a PDF in the data folder, said in `notes`.
Status makeHandout(TherapistTools& tools, Explorer& explorer, render::Renderer& renderer, std::vector<std::string>& notes) {
    const session::Session& record = tools.session().record();
    if (record.pain.empty() && record.treated.empty() && record.musclesExplored.empty()) {
        return fail("nothing for a handout yet: mark where it hurts, or explore a muscle, first");
    }
    HandoutRequest request;
    request.session = &record;
    auto handout = buildHandout(explorer, renderer, request);
    if (!handout) return fail("handout: " + handout.error());
    const std::filesystem::path folder = paths::userDataDir() / "handouts";
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    const std::filesystem::path pdf = folder / (record.id + ".pdf");
    if (auto s = handout::writeHandoutPdf(*handout, pdf); !s) return s;
    log::info("handout saved to " + pdf.string());
    notes.push_back("Handout saved to " + pdf.string());
    return Ok{};
}

class TherapistMode final : public Mode {
public:
    Reading reading() const override { return {ui::ReadingLevel::Client, true}; }
    void enter(ModeContext& context) override;
    void leave(ModeContext& context) override;
    void drawPanel(ModeContext& context) override;
    void bodyClicked(ModeContext& context, int x, int y, bool shift) override;
    void addMarkers(render::FrameData& frame) const override;

private:
    std::unique_ptr<TherapistTools> m_tools;
};

}  // namespace

void TherapistMode::enter(ModeContext& context) {
    // A whole person with the pain on the skin, for the client.
    context.explorer.state().look = Look::Client;
    m_tools.reset();
    if (!context.explorer.isFigure()) return;
    m_tools = std::make_unique<TherapistTools>(context.explorer, context.atlas, paths::userDataDir() / "sessions",
                                               context.unixNow);
    TherapistTools& tools = *m_tools;
    Explorer& explorer = context.explorer;
    render::Renderer& renderer = context.renderer;
    std::vector<std::string>& notes = context.notes;
    m_tools->makeHandout = [&tools, &explorer, &renderer, &notes] { return makeHandout(tools, explorer, renderer, notes); };
}

void TherapistMode::leave(ModeContext&) { m_tools.reset(); }  // saves what the autosave has not

void TherapistMode::drawPanel(ModeContext& context) {
    if (!m_tools) return;
    m_tools->update(context.now, context.unixNow);
    m_tools->draw(context.now, context.unixNow);
    for (std::string& message : m_tools->messages()) context.errors.push_back(std::move(message));
    m_tools->messages().clear();
}

void TherapistMode::bodyClicked(ModeContext& context, int x, int y, bool shift) {
    if (m_tools) {
        const CameraRig& rig = context.camera;
        const auto point = surfacePoint(rig.camera, rig.aspect, context.frame.width, context.frame.height, x, y,
                                        context.renderer.depthAt(x, y));
        if (point && m_tools->bodyClicked(*point)) return;  // a pain mark
    }
    // For the client: one muscle at a time, its main referral playing at once.
    selectPicked(context, context.explorer.pickThroughSkin(context.frame, x, y), shift, true);
}

void TherapistMode::addMarkers(render::FrameData& frame) const {
    if (m_tools) m_tools->addMarkers(frame);
}

ModeEntry therapistModeEntry() {
    return {"therapist", "Therapist: a session with a client", {},
            [](const ModeSettings&) { return std::make_unique<TherapistMode>(); }};
}

}  // namespace myomap::app
