#include "modes/kiosk/kiosk_shell.h"

#include "explore/explore_ui.h"
#include "modes/kiosk/kiosk_tour.h"
#include "core/log.h"

namespace myomap::app {
namespace {

// Where visitors most often feel pain, in their words (sideless region ids: either side).
const std::pair<const char*, const char*> kCommonPain[] = {
    {"temple", "Temple / headache"}, {"posterior_neck", "Back of the neck"}, {"suprascapular", "Top of the shoulder"},
    {"medial_scapular_border", "Between the shoulder blades"}, {"anterior_shoulder", "Front of the shoulder"},
    {"lateral_epicondyle", "Outer elbow"}, {"jaw_angle", "Jaw"}, {"lumbar", "Low back"}, {"buttock", "Buttock"},
    {"lateral_thigh", "Side of the thigh"}, {"calf", "Calf"}, {"heel", "Heel"}, {"anterior_chest", "Chest"},
    {"lower_abdomen", "Belly"}};

// The page the region warnings come from (red_flags.json), where the whole story is.
const anatomy::Page* redFlagsPage(const anatomy::Atlas& atlas) {
    for (const anatomy::Page& page : atlas.pages) {
        if (!page.regionWarnings.empty()) return &page;
    }
    return atlas.findPage("red_flags");
}

}  // namespace

KioskShell::KioskShell(Explorer& explorer, const anatomy::Atlas& atlas, const session::KioskConfig& config,
                       std::vector<std::string>& problems)
    : m_explorer(explorer),
      m_atlas(atlas),
      m_kiosk(kioskTour(explorer, config.featuredMuscles, problems),
              {config.idleTimeoutSeconds, config.attractStepSeconds, 20.0}, config.exitPin) {
    if (explorer.surfaces()) m_finder = std::make_unique<anatomy::PainFinder>(atlas, *explorer.surfaces());
    m_ui.clinicName = config.clinicName;
    m_ui.message = config.message;
    m_ui.accent = config.accent;
    m_ui.disclaimer = atlas.disclaimer();
    m_ui.doctorPage = redFlagsPage(atlas);
    for (const auto& [id, label] : kCommonPain) {
        m_regionIds.emplace_back(id);
        m_ui.regionLabels.emplace_back(label);
    }
}

void KioskShell::resetVisitorUi() {
    m_ui.regionsOpen = false;
    m_ui.foundFor.clear();
    m_ui.foundLabels.clear();
    m_ui.warnings.clear();
    m_ui.doctorOpen = false;
    m_found.clear();
    m_ui.pinOpen = false;
    m_ui.pinTyped.clear();
}

void KioskShell::update(double now, bool input, bool chord, OrbitCamera& camera, CameraEasing& easing,
                        const model::Pose& pose, float aspect) {
    if (chord) {
        m_kiosk.exitChord(now);
        m_ui.pinTyped.clear();
        log::info("kiosk: the staff exit chord was pressed; the PIN pad is open");
    } else if (input) {
        m_kiosk.visitorInput(now);
    }
    m_kiosk.update(now);
    if (m_kiosk.stepPending() && m_kiosk.step()) {
        OrbitCamera goal = camera;
        showTourStep(m_explorer, goal, pose, aspect, *m_kiosk.step(), now);
        easing.start(goal);
        resetVisitorUi();
        m_kiosk.stepShown();
    }
    m_ui.touring = m_kiosk.touring();
    m_ui.pinOpen = m_kiosk.phase() == KioskPhase::PinEntry;
    m_ui.pinLockSeconds = static_cast<float>(m_kiosk.pinLockRemaining(now));
    m_ui.caption = m_kiosk.step() ? m_kiosk.step()->caption : "";
    const std::string& selected = m_explorer.state().selected;
    m_ui.selectedLabel = selected.empty() ? "" : displayName(m_explorer, selected);
    m_ui.selectedText.clear();
    if (!m_explorer.state().referrals.empty()) {
        const std::string& key = m_explorer.state().referrals.front();
        if (const anatomy::TriggerPoint* tp = m_atlas.findTriggerPoint(key.substr(0, key.size() - 2))) {
            m_ui.selectedText = tp->referral.client;
        }
    }
}

void KioskShell::bodyTapped(const std::string& picked, double now) {
    const FigurePart* part = m_explorer.index().find(picked);
    if (!part || part->kind != PartKind::Muscle || !part->side) return;
    const anatomy::Muscle* muscle = m_atlas.findMuscle(part->muscleId);
    if (!muscle || muscle->triggerPoints.empty()) {
        (void)m_explorer.select(picked);
        return;
    }
    (void)m_explorer.showReferral(muscle->triggerPoints.front().id + std::string(anatomy::suffix(*part->side)), now);
}

void KioskShell::draw(double now) {
    ui::drawKioskOverlay(m_ui, m_actions);
    for (const ui::KioskAction& a : m_actions) {
        m_kiosk.visitorInput(now);
        switch (a.type) {
        case ui::KioskActionType::OpenRegions: m_ui.regionsOpen = true; break;
        case ui::KioskActionType::CloseRegions: m_ui.regionsOpen = false; break;
        case ui::KioskActionType::ChooseRegion: {
            m_ui.regionsOpen = false;
            m_found.clear();
            m_ui.foundLabels.clear();
            m_ui.foundFor = m_ui.regionLabels[static_cast<std::size_t>(a.index)];
            const std::string& region = m_regionIds[static_cast<std::size_t>(a.index)];
            m_ui.warnings.clear();
            for (const anatomy::RegionWarning* warning : m_atlas.warningsFor(region)) {
                m_ui.warnings.push_back(warning->text.client);
            }
            if (!m_finder) break;
            auto hits = m_finder->atRegion(region);
            if (!hits) break;
            for (const anatomy::MuscleHit& hit : anatomy::rankMuscles(*hits)) {
                if (m_found.size() == 3) break;
                const std::string side(anatomy::suffix(hit.side.value_or(anatomy::Side::Right)));
                m_found.push_back(hit.bestTp + side);
                m_ui.foundLabels.push_back(displayName(m_explorer, hit.muscleId + side));
            }
            if (!m_found.empty()) (void)m_explorer.showReferral(m_found.front(), now);
            break;
        }
        case ui::KioskActionType::ChooseFound:
            (void)m_explorer.showReferral(m_found[static_cast<std::size_t>(a.index)], now);
            break;
        case ui::KioskActionType::StartAgain: m_kiosk.resumeTour(now); break;
        case ui::KioskActionType::OpenDoctorPage: m_ui.doctorOpen = true; break;
        case ui::KioskActionType::CloseDoctorPage: m_ui.doctorOpen = false; break;
        case ui::KioskActionType::SubmitPin: {
            // Logged for the clinic's records: someone tried to leave the kiosk.
            const int missesBefore = m_kiosk.wrongPins();
            m_exit = m_kiosk.submitPin(m_ui.pinTyped, now);
            m_ui.pinTyped.clear();
            if (m_exit) {
                log::info("kiosk: the right PIN was entered; leaving kiosk mode");
            } else if (m_kiosk.wrongPins() > missesBefore) {
                const double wait = m_kiosk.pinLockRemaining(now);
                log::warning("kiosk: a wrong PIN was entered (" + std::to_string(m_kiosk.wrongPins()) + " in a row)" +
                             (wait > 0.0 ? "; the PIN pad is locked for " + std::to_string(static_cast<int>(wait)) + " s"
                                         : ""));
            }
            break;
        }
        case ui::KioskActionType::CancelPin:
            m_kiosk.cancelPin(now);
            m_ui.pinTyped.clear();
            break;
        }
    }
    m_actions.clear();
}

}  // namespace myomap::app
