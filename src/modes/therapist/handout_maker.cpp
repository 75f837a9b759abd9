#include "modes/therapist/handout_maker.h"

#include "anatomy/quiz.h"
#include "explore/camera_moves.h"
#include "explore/explore_ui.h"
#include "explore/frame_builder.h"

#include <algorithm>
#include <ctime>

namespace myomap::app {
namespace {

constexpr int kPictureWidth = 600, kPictureHeight = 800;

std::string today() {
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%d %B %Y", std::localtime(&now));
    return text;
}

// The referral of `tpKey` drawn from the view that faces it, heat at full strength.
Result<ImageRgba> referralPicture(Explorer& explorer, render::Renderer& renderer, const std::string& tpKey) {
    auto field = explorer.heat()->field(tpKey);
    if (!field) return fail(field.error());
    ExploreState& state = explorer.state();
    state = {};
    state.layer(FigureLayer::Skin).opacity = explorer.index().skin()->materialOpacity;
    state.look = Look::Client;  // for the client: a person with the pain on the skin, like a pain chart
    state.heat = HeatMode::Still;
    if (auto s = explorer.showReferral(tpKey, 0.0); !s) return fail(s.error());
    const model::Pose pose = explorer.view().pose(-1, 0.0f);
    OrbitCamera camera;
    camera.setView(viewFacing(**field, *explorer.surfaces()));
    const model::Bounds around = referralBounds(explorer, **field, pose);
    camera.frame(around.empty() ? model::posedBounds(explorer.view().scene(), pose) : around,
                 static_cast<float>(kPictureWidth) / kPictureHeight);
    render::FrameData frame;
    startFrame(frame, camera, static_cast<float>(kPictureWidth) / kPictureHeight, kPictureWidth, kPictureHeight,
               {true, glm::vec3(1.0f)});  // on paper
    explorer.addToFrame(pose, 0.0, renderer, frame);
    if (auto s = renderer.render(frame); !s) return fail(s.error());
    render::Capture c = renderer.capture();
    return ImageRgba{c.width, c.height, std::move(c.rgba)};
}

// The first causes the content lists (each a sentence of its own), at most `most`.
std::string firstCauses(const std::vector<std::string>& causes, std::size_t most) {
    std::string out;
    for (std::size_t i = 0; i < causes.size() && i < most; ++i) out += (i ? " " : "") + causes[i];
    return out;
}

}  // namespace

Result<handout::Handout> buildHandout(Explorer& explorer, render::Renderer& renderer, const HandoutRequest& request) {
    const anatomy::Atlas* atlas = explorer.atlas();
    if (!atlas || !explorer.heat()) return fail("a handout needs the built-in figure and the atlas");
    handout::Handout out;
    out.clinicName = request.clinicName.empty() ? "Myomap" : request.clinicName;
    out.date = request.date.empty() ? today() : request.date;
    out.disclaimer = atlas->disclaimer();
    std::vector<std::string> muscles = request.muscles;
    std::vector<std::string> preferredPoints;
    if (request.session) {
        const session::Session& s = *request.session;
        if (!s.clientLabel.empty()) out.clientLabel = "Client: " + s.clientLabel;
        for (const session::PainMark& mark : s.pain) {
            out.painAreas.push_back(anatomy::sidedRegionWords(mark.region) + " - " + std::to_string(mark.intensity) + "/10");
        }
        for (const session::TreatedPoint& t : s.treated) preferredPoints.push_back(t.triggerPoint);
        if (muscles.empty()) {
            for (const std::string& tp : preferredPoints) muscles.push_back(tp.substr(0, tp.find(".tp")) + tp.substr(tp.size() - 2));
            for (const std::string& m : s.musclesExplored) muscles.push_back(m);
        }
        out.notes = s.notes;
    }
    const ExploreState saved = explorer.state();
    std::vector<std::string> done;
    for (std::string mesh : muscles) {
        if (!anatomy::sideOf(mesh)) mesh += anatomy::suffix(BodySide::Right);  // a bare id: the right side
        if (std::find(done.begin(), done.end(), mesh) != done.end()) continue;
        done.push_back(mesh);
        const std::string id = mesh.substr(0, mesh.size() - 2);
        const anatomy::Muscle* muscle = atlas->findMuscle(id);
        if (!muscle || muscle->triggerPoints.empty() || !explorer.index().find(mesh)) {
            explorer.state() = saved;
            return fail("no muscle '" + id + "' with trigger points in the atlas and the figure (myomap query --list-muscles lists them)");
        }
        std::string tpKey = muscle->triggerPoints.front().id + mesh.substr(mesh.size() - 2);
        for (const std::string& p : preferredPoints) {
            if (p.rfind(id + ".tp", 0) == 0 && p.ends_with(mesh.substr(mesh.size() - 2))) tpKey = p;
        }
        const anatomy::TriggerPoint* tp = atlas->findTriggerPoint(tpKey.substr(0, tpKey.size() - 2));
        handout::HandoutMuscle m;
        m.name = displayName(explorer, mesh);
        m.latin = muscle->names.latin;
        auto picture = referralPicture(explorer, renderer, tpKey);
        if (!picture) {
            explorer.state() = saved;
            return fail(picture.error());
        }
        m.picture = std::move(picture.value());
        m.whereItHurts = tp ? tp->referral.client : muscle->symptoms.client;
        m.whyItHappens = firstCauses(muscle->causes, 3);
        for (const anatomy::Technique& t : muscle->selfCare) m.selfCare.push_back(t.how);
        m.cautions = muscle->cautions;
        out.muscles.push_back(std::move(m));
    }
    explorer.state() = saved;
    return out;
}

}  // namespace myomap::app
