#include "ui/muscle_panel.h"

#include "ui/fonts.h"

#include <imgui.h>

#include <cctype>
#include <string>

namespace myomap::ui {
namespace {

// `expand`: open it now whatever its state (MusclePanelState::expandAll).
bool section(const char* label, bool expand, bool defaultOpen = false) {
    ImGui::Spacing();
    if (expand) ImGui::SetNextItemOpen(true);
    return ImGui::CollapsingHeader(label, defaultOpen ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}

// Vertical room between items inside a section.
void gap() { ImGui::Dummy(ImVec2(0.0f, ImGui::GetFontSize() * 0.35f)); }

std::string zoneList(const anatomy::TriggerPoint& tp, anatomy::ZoneKind kind) {
    std::string list;
    for (const anatomy::ReferralZone& zone : tp.zones) {
        if (zone.kind != kind) continue;
        std::string name = displayName(zone.region.empty() ? zone.landmark : zone.region);
        if (!name.empty()) name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
        if (!list.empty()) list += ", ";
        list += name;
        if (zone.side == anatomy::ZoneSide::Opposite) list += " (other side)";
        else if (zone.side == anatomy::ZoneSide::Both) list += " (both sides)";
    }
    return list;
}

void fillText(const anatomy::Atlas& atlas, const anatomy::Muscle& m, MusclePanelState& state) {
    MusclePanelText& text = state.text;
    if (text.muscleId == m.id && text.side == state.side) return;
    text = {};
    text.muscleId = m.id;
    text.side = state.side;
    text.where = displayName(m.region) + "  \xC2\xB7  " + std::string(anatomy::toString(m.layer)) + " layer";
    if (state.side == anatomy::Side::Left) text.where += "  \xC2\xB7  left side";
    if (state.side == anatomy::Side::Right) text.where += "  \xC2\xB7  right side";
    text.triggerPointsLabel = "Trigger points (" + std::to_string(m.triggerPoints.size()) + ")###trigger_points";
    for (const anatomy::TriggerPoint& tp : m.triggerPoints) {
        const std::string essential = zoneList(tp, anatomy::ZoneKind::Essential);
        const std::string spillover = zoneList(tp, anatomy::ZoneKind::Spillover);
        text.mainAreas.push_back(essential.empty() ? "" : "Main areas: " + essential + ".");
        text.alsoAreas.push_back(spillover.empty() ? "" : "Sometimes also: " + spillover + ".");
    }
    for (const std::string& id : m.related) {
        const anatomy::Muscle* other = atlas.findMuscle(id);
        text.relatedNames.push_back(other ? other->names.common : displayName(id));
    }
    for (const anatomy::Technique& t : m.therapistTreatment) text.treatmentNames.push_back(displayName(t.technique));
    for (const anatomy::Technique& t : m.selfCare) text.selfCareNames.push_back(displayName(t.technique));
}

void header(const anatomy::Muscle& m, MusclePanelState& state) {
    ImGui::PushStyleColor(ImGuiCol_Text, accentColour());
    largeText(m.names.common, 1.45f);
    ImGui::PopStyleColor();
    if (!m.names.latin.empty()) paragraph(m.names.latin, quietColour());
    paragraph(state.text.where, quietColour());
    gap();
    readingLevelToggle(state.level);
    gap();
    paragraph(atLevel(m.summary, state.level));
}

void triggerPoints(const anatomy::Muscle& m, const MusclePanelState& state, bool expand,
                   std::vector<PanelAction>& actions) {
    if (!section(state.text.triggerPointsLabel.c_str(), expand, true)) return;
    if (m.triggerPoints.empty()) paragraph("No trigger points are described for this muscle.", quietColour());
    for (std::size_t i = 0; i < m.triggerPoints.size(); ++i) {
        const anatomy::TriggerPoint& tp = m.triggerPoints[i];
        if (i > 0) ImGui::Separator();
        ImGui::PushID(tp.id.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, accentColour());
        largeText(tp.name, 1.1f);
        ImGui::PopStyleColor();
        ImGui::Indent();
        labelled("Where the pain is felt", atLevel(tp.referral, state.level));
        if (!state.text.mainAreas[i].empty()) paragraph(state.text.mainAreas[i], quietColour());
        if (!state.text.alsoAreas[i].empty()) paragraph(state.text.alsoAreas[i], quietColour());
        if (ImGui::Button("Show referral")) actions.push_back({PanelActionType::ShowReferral, tp.id, false});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show where %s refers pain on the figure", tp.id.c_str());
        labelled("How to find it", tp.palpation);
        ImGui::Unindent();
        gap();
        ImGui::PopID();
    }
}

void techniques(const std::vector<anatomy::Technique>& list, const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const anatomy::Technique& t = list[i];
        paragraph(names[i], accentColour());
        ImGui::Indent();
        paragraph(t.how);
        ImGui::Unindent();
        gap();
    }
}

void related(const anatomy::Atlas& atlas, const anatomy::Muscle& m, const MusclePanelText& text, bool expand,
             std::vector<PanelAction>& actions) {
    if (m.related.empty() || !section("Related muscles", expand, true)) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (std::size_t i = 0; i < m.related.size(); ++i) {
        const std::string& id = m.related[i];
        const anatomy::Muscle* other = atlas.findMuscle(id);
        const std::string& name = text.relatedNames[i];
        const float width = ImGui::CalcTextSize(name.c_str()).x + style.FramePadding.x * 2;
        if (i > 0) {
            const float next = ImGui::GetItemRectMax().x + style.ItemSpacing.x + width;
            if (next < right) ImGui::SameLine();
        }
        ImGui::PushID(id.c_str());
        if (!other) ImGui::BeginDisabled();
        if (ImGui::Button(name.c_str())) actions.push_back({PanelActionType::SelectMuscle, id, false});
        if (!other) ImGui::EndDisabled();
        ImGui::PopID();
    }
}

void sources(const anatomy::Muscle& m, bool expand) {
    if (m.sources.empty() && m.sourceNotes.empty()) return;
    if (!section("Sources", expand)) return;
    for (const anatomy::Citation& c : m.sources) bullet(citationText(c));
    if (!m.sourceNotes.empty()) {
        gap();
        paragraph(m.sourceNotes, quietColour());
    }
}

}  // namespace

void drawMuscleDetails(const anatomy::Atlas& atlas, MusclePanelState& state, std::vector<PanelAction>& actions) {
    const anatomy::Muscle* m = state.muscleId.empty() ? nullptr : atlas.findMuscle(state.muscleId);
    if (!m) {
        if (state.muscleId.empty()) paragraph("Click a muscle on the figure, or search for one by name.");
        else paragraph("The atlas has no entry for '" + state.muscleId + "'.", warningColour());
        return;
    }
    fillText(atlas, *m, state);
    // Read from the client's chair: the large face while the text is at the client's level.
    ImFont* large = state.largeType && state.level == ReadingLevel::Client ? largeUiFont() : nullptr;
    if (large) ImGui::PushFont(large);
    header(*m, state);
    const bool expand = state.expandAll;
    state.expandAll = false;
    if (section("Attachments", expand)) {
        labelled("Origin", m->origin);
        gap();
        labelled("Insertion", m->insertion);
    }
    if (section("Action", expand)) paragraph(m->action);
    if (section("Innervation", expand)) paragraph(m->innervation);
    triggerPoints(*m, state, expand, actions);
    if (section("Symptoms", expand, true)) paragraph(atLevel(m->symptoms, state.level));
    if (!m->causes.empty() && section("Causes", expand)) {
        for (const std::string& cause : m->causes) bullet(cause);
    }
    if (!m->therapistTreatment.empty() && section("Treatment", expand)) techniques(m->therapistTreatment, state.text.treatmentNames);
    if (!m->selfCare.empty() && section("Self-care", expand)) techniques(m->selfCare, state.text.selfCareNames);
    if (!m->cautions.empty()) {
        // Red text on a pale red header, so it stands apart from the blue sections.
        const ImVec4 red = warningColour();
        ImGui::PushStyleColor(ImGuiCol_Text, red);
        ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(red.x, red.y, red.z, 0.16f));
        ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImVec4(red.x, red.y, red.z, 0.26f));
        ImGui::PushStyleColor(ImGuiCol_HeaderActive, ImVec4(red.x, red.y, red.z, 0.36f));
        const bool open = section("(!) Cautions and red flags###cautions", expand, true);
        ImGui::PopStyleColor(4);
        if (open) {
            const ImVec4 colour = warningColour();
            for (const std::string& caution : m->cautions) bullet(caution, &colour);
        }
    }
    related(atlas, *m, state.text, expand, actions);
    sources(*m, expand);
    if (large) ImGui::PopFont();
}

void drawMusclePanel(const anatomy::Atlas& atlas, MusclePanelState& state, std::vector<PanelAction>& actions) {
    if (!state.open) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const float margin = font * 0.6f;
    const float top = ImGui::GetFrameHeight() + margin;  // below the menu bar
    const float width = font * (state.largeType ? 25.0f * kLargeTypeScale : 25.0f);
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + viewport->Size.x - width - margin, viewport->Pos.y + top),
                            ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(width, viewport->Size.y - top - margin), ImGuiCond_FirstUseEver);
    if (ImGui::Begin("Muscle", &state.open)) {
        // The atlas's disclaimer stays visible under the scrolling details.
        const std::string& disclaimer = atlas.disclaimer();
        const ImGuiStyle& style = ImGui::GetStyle();
        const float wrap = ImGui::GetContentRegionAvail().x;
        const float footer =
            ImGui::CalcTextSize(disclaimer.c_str(), nullptr, false, wrap).y + style.ItemSpacing.y * 2 + 1.0f;
        ImGui::BeginChild("details", ImVec2(0.0f, -footer));
        drawMuscleDetails(atlas, state, actions);
        ImGui::EndChild();
        ImGui::Separator();
        paragraph(disclaimer, quietColour());
    }
    ImGui::End();
}

}  // namespace myomap::ui
