#include "modes/therapist/therapist_tools.h"

#include "anatomy/quiz.h"
#include "explore/explore_ui.h"
#include "core/log.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace myomap::app {
namespace {

// "the outer elbow (left side)" -> "Outer elbow (left side)": list entries read better bare.
std::string capitalised(std::string text) {
    if (text.rfind("the ", 0) == 0) text.erase(0, 4);
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

}  // namespace

TherapistTools::TherapistTools(Explorer& explorer, const anatomy::Atlas& atlas, std::filesystem::path sessionsFolder,
                               long long unixNow)
    : m_explorer(explorer),
      m_atlas(atlas),
      m_session(session::SessionStore(std::move(sessionsFolder)),
                explorer.surfaces() ? std::make_unique<anatomy::PainFinder>(atlas, *explorer.surfaces()) : nullptr) {
    m_session.start(unixNow);
    m_lastUnixNow = unixNow;
    if (const anatomy::PainFinder* finder = m_session.finder()) {
        // The sided regions of the skin, in words, sorted for the picker.
        std::vector<std::pair<std::string, std::string>> regions;
        for (const std::string& id : finder->regionIds()) {
            if (explorer.surfaces()->skin.regionIndex(id) == anatomy::kNoRegion) continue;
            regions.emplace_back(capitalised(anatomy::sidedRegionWords(id)), id);
        }
        std::sort(regions.begin(), regions.end());
        for (auto& [label, id] : regions) {
            m_ui.regionLabels.push_back(label);
            m_regionIds.push_back(id);
        }
    }
}

TherapistTools::~TherapistTools() {
    if (!m_session.dirty()) return;
    if (auto s = m_session.saveNow(m_lastUnixNow); !s) log::error("the client session was lost: " + s.error());
}

void TherapistTools::showSave(const Status& saved, long long unixNow) {
    const SaveReport report = describeSave(saved, unixNow);
    m_ui.saveStatus = report.text;
    m_ui.saveFailed = report.failed;
}

bool TherapistTools::savedBeforeLeaving(long long unixNow) {
    if (!m_session.dirty()) return true;
    const Status saved = m_session.saveNow(unixNow);
    showSave(saved, unixNow);
    if (!saved) {
        m_messages.push_back("The current session stays open because it could not be saved: " + saved.error());
        return false;
    }
    return true;
}

std::string TherapistTools::markLabel(const session::PainMark& mark) const {
    return capitalised(anatomy::sidedRegionWords(mark.region));
}

bool TherapistTools::bodyClicked(const glm::vec3& point) {
    if (!m_ui.markOnBody || !m_session.finder()) return false;
    const anatomy::SkinSpot spot = m_session.finder()->spotAt(point);
    if (spot.region.empty() || spot.distance > 0.05) return false;
    const glm::vec3 onSkin = m_explorer.surfaces()->skin.positions[spot.vertex];
    m_session.addMark({spot.region, onSkin, m_ui.newIntensity});
    return true;
}

void TherapistTools::addMarkers(render::FrameData& frame) const {
    for (const session::PainMark& mark : m_session.record().pain) {
        if (!mark.point) continue;
        render::Marker m;
        m.position = *mark.point;
        m.radiusPixels = 6.0f + 0.6f * static_cast<float>(mark.intensity);
        m.color = glm::vec4(0.10f, 0.35f, 0.85f, 0.9f);
        frame.markers.push_back(m);
    }
}

void TherapistTools::update(double clock, long long unixNow) {
    if (m_timer.update(clock)) {
        m_session.treated(m_timer.point(), static_cast<int>(std::lround(m_timer.hold())), unixNow);
        m_doneAt = clock;
    }
    // A muscle of the figure (a sided mesh name) counts as explored; passed by reference, since
    // a conditional between it and "" would copy the name every frame.
    if (const std::string& selected = m_explorer.state().selected; selected.find('.') != std::string::npos) m_session.explored(selected);
    m_lastUnixNow = unixNow;
    if (auto saved = m_session.autosave(clock, unixNow)) showSave(*saved, unixNow);
}

void TherapistTools::fillUi(double clock) {
    const session::Session& record = m_session.record();
    m_ui.marks.clear();
    for (const session::PainMark& mark : record.pain) m_ui.marks.push_back({markLabel(mark), mark.intensity});
    m_ui.candidates.clear();
    for (const Candidate& c : m_session.candidates()) {
        m_ui.candidates.push_back({displayName(m_explorer, c.mesh()), c.mesh(), c.triggerPoint, static_cast<float>(c.score),
                                   c.essential, m_explorer.state().selected == c.mesh()});
    }
    m_ui.warnings.clear();
    std::vector<const anatomy::RegionWarning*> shown;
    for (const session::PainMark& mark : record.pain) {
        for (const anatomy::RegionWarning* warning : m_atlas.warningsFor(mark.region)) {
            if (std::find(shown.begin(), shown.end(), warning) != shown.end()) continue;
            shown.push_back(warning);
            m_ui.warnings.push_back(warning->text.client);
        }
    }
    const auto& referrals = m_explorer.state().referrals;
    static const std::string kNone;
    const std::string& timerPoint = m_timer.running() ? m_timer.point() : (referrals.empty() ? kNone : referrals.front());
    if (!m_textMade || timerPoint != m_timerPointOf) {
        m_timerPointOf = timerPoint;
        m_ui.timerPoint = timerPoint.empty() ? "" : displayName(m_explorer, timerPoint);
    }
    m_ui.timerRunning = m_timer.running();
    m_ui.timerProgress = static_cast<float>(m_timer.progress(clock));
    m_ui.timerRemaining = static_cast<float>(m_timer.remaining(clock));
    m_ui.timerDoneFlash = static_cast<float>(std::clamp(1.0 - (clock - m_doneAt) / 4.0, 0.0, 1.0));
    m_ui.treated.clear();
    for (const session::TreatedPoint& t : record.treated) {
        m_ui.treated.push_back(displayName(m_explorer, t.triggerPoint) + ", " + std::to_string(t.holdSeconds) + " s");
    }
    if (!m_textMade || record.created != m_sessionTitleOf) {
        m_sessionTitleOf = record.created;
        m_ui.sessionTitle = "Session " + record.created.substr(0, 10) + " " + record.created.substr(11, 5) + " UTC";
    }
    m_textMade = true;
    if (!ImGui::IsAnyItemActive()) {
        m_ui.notes = record.notes;
        m_ui.clientLabel = record.clientLabel;
    }
}

void TherapistTools::draw(double clock, long long unixNow) {
    fillUi(clock);
    ui::drawTherapistPanel(m_ui, m_actions);
    for (const ui::TherapistAction& a : m_actions) carryOut(a, clock, unixNow);
    m_actions.clear();
    if (m_showSessions) drawSessionsWindow(clock, unixNow);
}

void TherapistTools::carryOut(const ui::TherapistAction& a, double clock, long long unixNow) {
    using T = ui::TherapistActionType;
    switch (a.type) {
    case T::AddRegionMark:
        if (m_ui.regionChoice >= 0 && static_cast<std::size_t>(m_ui.regionChoice) < m_regionIds.size()) {
            m_session.addMark({m_regionIds[static_cast<std::size_t>(m_ui.regionChoice)], std::nullopt, m_ui.newIntensity});
        }
        break;
    case T::RemoveMark: m_session.removeMark(static_cast<std::size_t>(a.index)); break;
    case T::IntensityChanged: m_session.setIntensity(static_cast<std::size_t>(a.index), a.value); break;
    case T::ShowCandidate: {
        const auto& list = m_session.candidates();
        if (a.index >= 0 && static_cast<std::size_t>(a.index) < list.size()) {
            if (auto s = m_explorer.showReferral(list[static_cast<std::size_t>(a.index)].triggerPoint, clock); !s) {
                m_messages.push_back(s.error());
            }
        }
        break;
    }
    case T::StartTimer: {
        const auto& referrals = m_explorer.state().referrals;
        if (!referrals.empty()) m_timer.start(referrals.front(), m_ui.holdSeconds, clock);
        break;
    }
    case T::CancelTimer: m_timer.cancel(); break;
    case T::NotesChanged: m_session.setNotes(m_ui.notes); break;
    case T::ClientLabelChanged: m_session.setClientLabel(m_ui.clientLabel); break;
    case T::NewSession:
        if (!savedBeforeLeaving(unixNow)) break;  // never drop an unsaved session
        m_session.start(unixNow);
        m_ui.saveStatus.clear();
        m_ui.saveFailed = false;
        break;
    case T::OpenSessions: m_showSessions = true; break;
    case T::MakeHandout:
        if (makeHandout) {
            if (auto s = makeHandout(); !s) m_messages.push_back(s.error());
        }
        break;
    }
}

void TherapistTools::drawSessionsWindow(double clock, long long unixNow) {
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0f, ImGui::GetFontSize() * 18.0f), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Sessions", &m_showSessions)) {
        ImGui::End();
        return;
    }
    ImGui::TextDisabled("Saved in %s", m_session.store().folder().string().c_str());
    // Listed again only when the folder changes (or every few seconds), not every frame.
    const auto& list = m_sessionList.rows(m_session.store(), clock);
    bool changed = false;
    if (!list) {
        ImGui::TextWrapped("%s", list.error().c_str());
    } else if (list->empty()) {
        ImGui::TextDisabled("No sessions saved yet.");
    } else {
        using Kind = session::SessionInfo::Kind;
        for (const session::SessionInfo& info : *list) {
            ImGui::PushID(info.fileName.c_str());
            switch (info.kind) {
            case Kind::Session:
                ImGui::Text("%s  %s  (%zu area%s)", info.modified.substr(0, 16).c_str(),
                            info.clientLabel.empty() ? "-" : info.clientLabel.c_str(), info.painCount,
                            info.painCount == 1 ? "" : "s");
                ImGui::SameLine();
                if (ImGui::SmallButton("Open") && savedBeforeLeaving(unixNow)) {
                    if (auto s = m_session.open(info.id); !s) m_messages.push_back(s.error());
                    changed = true;
                }
                ImGui::SameLine();
                if (ImGui::SmallButton("Delete") && info.id != m_session.record().id) {
                    if (auto s = m_session.store().remove(info.id); !s) m_messages.push_back(s.error());
                    changed = true;
                }
                break;
            case Kind::Corrupt:
                ImGui::TextWrapped("%s: %s", info.id.c_str(), info.problem.c_str());
                if (ImGui::SmallButton("Open the backup") && savedBeforeLeaving(unixNow)) {
                    if (auto s = m_session.open(info.id, 1); !s) m_messages.push_back(s.error());
                    changed = true;
                }
                break;
            case Kind::NotAFile:
                ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.3f, 1.0f), "%s: not opened", info.id.c_str());
                ImGui::TextWrapped("%s", info.problem.c_str());
                break;
            case Kind::MovedAside:
                ImGui::TextDisabled("%s", info.fileName.c_str());
                ImGui::TextWrapped("%s", info.problem.c_str());
                if (ImGui::SmallButton("Delete")) {
                    if (auto s = m_session.store().removeAside(info.fileName); !s) m_messages.push_back(s.error());
                    changed = true;
                }
                break;
            }
            ImGui::PopID();
            if (changed) break;  // the rows are listed again next frame
        }
    }
    if (changed) m_sessionList.invalidate();
    ImGui::End();
}

}  // namespace myomap::app
